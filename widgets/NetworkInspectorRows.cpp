// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the inspector's rows for values typed as text (draws, lists) and for STDP.
#include "NetworkInspector.h"

#include "network/ItemText.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace scs::ui {

QLineEdit* NetworkInspector::addParsed(const QString& label, const QString& text, const QString& tip,
                                       const QString& what, std::function<bool(const std::string&)> apply) {
    auto* edit = new QLineEdit(text);
    edit->setObjectName(QStringLiteral("field_") + label);
    edit->setToolTip(tip);
    connect(edit, &QLineEdit::editingFinished, this, [this, edit, apply = std::move(apply), what] {
        try {
            const bool changed = apply(edit->text().trimmed().toStdString());
            // A typing error shown earlier is over; a validation problem of the item stays.
            if (problem_->text() == typingProblem_) setProblem({});
            typingProblem_.clear();
            if (changed) commit(what);
        } catch (const ItemTextError& e) {
            // Nothing reaches the graph: the user's text stays to be corrected.
            typingProblem_ = QString::fromStdString(e.what());
            setProblem(typingProblem_);
        }
    });
    form_->addRow(label, edit);
    return edit;
}

void NetworkInspector::addStdp(Projection& p) {
    const QString name = QString::fromStdString(p.id);
    auto* plastic = new QCheckBox(tr("Plasticity (pair-based STDP)"));
    plastic->setObjectName(QStringLiteral("field_stdp"));
    plastic->setChecked(p.stdp.has_value());
    plastic->setToolTip(tr("Additive STDP with all-to-all traces (Song et al. 2000); weights stay in [0, w max]"));
    connect(plastic, &QCheckBox::toggled, this, [this, &p, name](bool on) {
        if (on)
            p.stdp = StdpSpec{};
        else
            p.stdp.reset();
        commit(on ? tr("Enable STDP on %1").arg(name) : tr("Disable STDP on %1").arg(name));
    });
    form_->addRow(QString(), plastic);
    if (!p.stdp) return;
    StdpSpec& stdp = *p.stdp;
    const QString what = tr("Change STDP of %1").arg(name);
    addText(tr("STDP tau pre"), stdp.tauPre, tr("Time constant of the presynaptic trace, e.g. 20*ms"), what);
    addText(tr("STDP tau post"), stdp.tauPost, tr("Time constant of the postsynaptic trace, e.g. 20*ms"), what);
    addText(tr("STDP A+"), stdp.aPlus, tr("Potentiation per pre-before-post pair, as a fraction of w max"), what);
    addText(tr("STDP A-"), stdp.aMinus, tr("Depression per post-before-pre pair, as a fraction of w max"), what);
    addText(tr("STDP w max"), stdp.wMax, tr("Upper bound of the weights, in the weight's unit, e.g. 1*mV"), what);
}

} // namespace scs::ui
