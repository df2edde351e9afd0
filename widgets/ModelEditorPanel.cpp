// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — model text editors with a problems list.
#include "ModelEditorPanel.h"

#include "ode/NeuronModel.h"
#include "units/UnitRegistry.h"

#include <QGridLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace scs::ui {

namespace {
QStringList toQStringList(const std::vector<std::string>& v) {
    QStringList out;
    out.reserve(static_cast<int>(v.size()));
    for (const std::string& s : v) out << QString::fromStdString(s);
    return out;
}
} // namespace

const QStringList& ModelEditorPanel::fieldNames() {
    static const QStringList names{QStringLiteral("equations"), QStringLiteral("threshold"),
                                   QStringLiteral("reset"), QStringLiteral("refractory")};
    return names;
}

ModelEditorPanel::ModelEditorPanel(QWidget* parent) : QWidget(parent) {
    const QStringList units = toQStringList(scs::UnitRegistry::instance().names());
    const QStringList functions = toQStringList(scs::builtinFunctionNames());
    const QStringList reserved = toQStringList(scs::reservedVariableNames());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    auto* title = new QLabel(tr("Equations"));
    title->setToolTip(tr("Brian2 syntax: dv/dt = (El - v)/tau : volt (unless refractory)"));
    layout->addWidget(title);

    auto makeEditor = [&](const QString& field, bool single, int lines, const QString& tip) {
        auto* e = new EquationEditor;
        e->setObjectName(field + QStringLiteral("Editor"));
        e->setSingleLine(single);
        e->setVisibleLines(lines);
        e->setLanguageNames(units, functions, reserved);
        e->setToolTip(tip);
        editors_.insert(field, e);
        connect(e, &EquationEditor::textEdited, this, [this, field](const QString& t) { emit fieldEdited(field, t); });
        return e;
    };
    EquationEditor* eq = makeEditor(QStringLiteral("equations"), false, 9,
        tr("One equation per line: differential equations (dx/dt = ... : unit), subexpressions "
           "(m = ... : 1) and parameters (I : amp). Ctrl+Space completes names."));
    layout->addWidget(eq, 3);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);
    const struct { const char* field; const char* label; bool single; int lines; const char* tip; } rows[] = {
        {"threshold", QT_TR_NOOP("Threshold"), true, 1, QT_TR_NOOP("Condition for a spike, e.g. v > -50*mV; empty: never spikes")},
        {"reset", QT_TR_NOOP("Reset"), false, 2, QT_TR_NOOP("Statements run after a spike, one per line, e.g. v = -65*mV")},
        {"refractory", QT_TR_NOOP("Refractory"), true, 1, QT_TR_NOOP("Duration (2*ms) or condition (v > -20*mV); empty: none")},
    };
    int r = 0;
    for (const auto& row : rows) {
        auto* label = new QLabel(tr(row.label));
        label->setToolTip(tr(row.tip));
        EquationEditor* e = makeEditor(QString::fromLatin1(row.field), row.single, row.lines, tr(row.tip));
        label->setBuddy(e);
        grid->addWidget(label, r, 0, Qt::AlignTop | Qt::AlignLeft);
        grid->addWidget(e, r, 1);
        ++r;
    }
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);

    auto* problemsHeader = new QHBoxLayout;
    problemsHeader->addWidget(new QLabel(tr("Problems")));
    status_ = new QLabel;
    problemsHeader->addStretch(1);
    problemsHeader->addWidget(status_);
    layout->addLayout(problemsHeader);
    problems_ = new QListWidget;
    problems_->setObjectName(QStringLiteral("problemsList"));
    problems_->setToolTip(tr("Problems found in the model; double-click one to go to it"));
    problems_->setMinimumHeight(40);
    problems_->setMaximumHeight(110);
    problems_->setAlternatingRowColors(true);
    layout->addWidget(problems_, 1);
    connect(problems_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (EquationEditor* e = editor(item->data(Qt::UserRole).toString()))
            e->goTo(item->data(Qt::UserRole + 1).toInt(), item->data(Qt::UserRole + 2).toInt());
    });
    setDiagnostics({});
}

EquationEditor* ModelEditorPanel::editor(const QString& field) const { return editors_.value(field, nullptr); }

QString ModelEditorPanel::text(const QString& field) const {
    const EquationEditor* e = editor(field);
    return e ? e->toPlainText() : QString();
}

void ModelEditorPanel::setText(const QString& field, const QString& text) {
    if (EquationEditor* e = editor(field)) e->setTextPreservingCursor(text);
}

void ModelEditorPanel::setExternalUndo(bool external) {
    for (EquationEditor* e : editors_) e->setExternalUndo(external);
}

void ModelEditorPanel::setModelNames(const QStringList& states, const QStringList& parameters,
                                     const QStringList& others) {
    const QStringList all = states + parameters + others;
    for (EquationEditor* e : editors_) {
        e->highlighter()->setStateNames(states);
        e->highlighter()->setParameterNames(parameters + others);
        e->setCompletionNames(all);
    }
}

void ModelEditorPanel::setDiagnostics(const std::vector<scs::Diagnostic>& diagnostics) {
    QMap<QString, QVector<EditorDiagnostic>> perField;
    problems_->clear();
    int errors = 0, warnings = 0;
    for (const scs::Diagnostic& d : diagnostics) {
        const QString field = QString::fromStdString(d.field);
        const QString message = QString::fromStdString(d.message);
        const bool warning = d.severity == scs::Diagnostic::Severity::Warning;
        (warning ? warnings : errors)++;
        if (editors_.contains(field))
            perField[field].push_back({d.pos.line, d.pos.column, d.pos.length, message, warning});
        auto* item = new QListWidgetItem(
            style()->standardIcon(warning ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxCritical),
            editors_.contains(field) ? tr("%1 %2:%3  %4").arg(field).arg(d.pos.line).arg(d.pos.column).arg(message)
                                     : tr("%1  %2").arg(field, message));
        item->setData(Qt::UserRole, field);
        item->setData(Qt::UserRole + 1, d.pos.line);
        item->setData(Qt::UserRole + 2, d.pos.column);
        item->setToolTip(QString::fromStdString(d.format()));
        problems_->addItem(item);
    }
    for (auto it = editors_.begin(); it != editors_.end(); ++it) it.value()->setDiagnostics(perField.value(it.key()));
    if (errors + warnings == 0) {
        status_->setText(tr("<span style='color:#2a8a2a'>&#10003; model is valid</span>"));
    } else {
        status_->setText(tr("<span style='color:#c02020'>%1 error(s)</span>, %2 warning(s)").arg(errors).arg(warnings));
    }
}

} // namespace scs::ui
