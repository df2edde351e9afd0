// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the inspector's forms, one per kind of item.
#include "NetworkInspector.h"

#include "network/ItemText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>
#include <utility>

namespace scs::ui {

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

template <class Items>
auto findById(Items& items, const QString& id) -> decltype(&items.front()) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const auto& item) { return q(item.id) == id; });
    return it == items.end() ? nullptr : &*it;
}

// Stores `value` in `field`; whether that changed anything (an unchanged edit is not committed).
template <class T>
bool assignChanged(T& field, T value) {
    if (value == field) return false;
    field = std::move(value);
    return true;
}

} // namespace

NetworkInspector::NetworkInspector(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("networkInspector"));
    auto* layout = new QVBoxLayout(this);
    title_ = new QLabel;
    title_->setObjectName(QStringLiteral("inspectorTitle"));
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    problem_ = new QLabel;
    problem_->setObjectName(QStringLiteral("inspectorProblem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("QLabel { color: #d62728; }"));
    problem_->hide();
    layout->addWidget(title_);
    layout->addWidget(problem_);
    layout->addStretch(1);
    inspect({}, {});
}

void NetworkInspector::setProblem(const QString& problem) {
    problem_->setText(problem);
    problem_->setVisible(!problem.isEmpty());
}

void NetworkInspector::clearForm() {
    if (formHost_) {
        // Its editors point into the previous graph: no signal of theirs may reach us any more
        // (a focused line edit reports editingFinished when it goes).
        for (QObject* child : formHost_->findChildren<QObject*>()) child->disconnect(this);
        formHost_->hide();
        formHost_->setParent(nullptr); // gone from findChild at once, deleted once its signal returns
        formHost_->deleteLater();
    }
    formHost_ = new QWidget(this);
    form_ = new QFormLayout(formHost_);
    form_->setContentsMargins(0, 0, 0, 0);
    static_cast<QVBoxLayout*>(layout())->insertWidget(2, formHost_);
}

void NetworkInspector::inspect(const NetworkGraph& graph, const QString& id) {
    graph_ = graph;
    id_ = id;
    clearForm();
    setProblem({});
    if (Population* p = findById(graph_.populations, id)) return showPopulation(*p);
    if (Projection* p = findById(graph_.projections, id)) return showProjection(*p);
    if (Stimulus* s = findById(graph_.stimuli, id)) return showStimulus(*s);
    if (Monitor* m = findById(graph_.monitors, id)) return showMonitor(*m);
    id_.clear();
    title_->setText(tr("Nothing selected"));
    form_->addRow(new QLabel(tr("Select an item or a connection on the canvas to edit it here.")));
}

void NetworkInspector::commit(const QString& what) { emit edited(graph_, what); }

void NetworkInspector::addText(const QString& label, std::string& field, const QString& tip, const QString& what) {
    auto* edit = new QLineEdit(q(field));
    edit->setObjectName(QStringLiteral("field_") + label);
    edit->setToolTip(tip);
    connect(edit, &QLineEdit::editingFinished, this, [this, edit, &field, what] {
        const std::string text = edit->text().trimmed().toStdString();
        if (text == field) return;
        field = text;
        commit(what);
    });
    form_->addRow(label, edit);
}

void NetworkInspector::addInteger(const QString& label, int& field, int minimum, int maximum, const QString& tip,
                                  const QString& what) {
    auto* box = new QSpinBox;
    box->setObjectName(QStringLiteral("field_") + label);
    box->setRange(minimum, maximum);
    box->setValue(field);
    box->setToolTip(tip);
    box->setKeyboardTracking(false);
    connect(box, &QSpinBox::editingFinished, this, [this, box, &field, what] {
        if (box->value() == field) return;
        field = box->value();
        commit(what);
    });
    form_->addRow(label, box);
}

void NetworkInspector::addNumber(const QString& label, double& field, double minimum, double maximum,
                                 const QString& tip, const QString& what) {
    auto* box = new QDoubleSpinBox;
    box->setObjectName(QStringLiteral("field_") + label);
    box->setDecimals(6);
    box->setRange(minimum, maximum);
    box->setValue(field);
    box->setToolTip(tip);
    box->setKeyboardTracking(false);
    connect(box, &QDoubleSpinBox::editingFinished, this, [this, box, &field, what] {
        if (box->value() == field) return;
        field = box->value();
        commit(what);
    });
    form_->addRow(label, box);
}

void NetworkInspector::addValue(const QString& label, ValueSpec& field, const QString& tip, const QString& what) {
    addChoice(
        label + tr(" is"), {tr("constant"), tr("uniform"), tr("normal"), tr("expression")},
        static_cast<int>(field.kind), [&field](int k) { field.kind = static_cast<ValueSpec::Kind>(k); },
        tr("A constant, a uniform draw in [a, b), a normal draw (mean a, standard deviation b), or an "
           "expression of i, N, rand() and randn()"),
        what);
    addText(label, field.a, tip, what);
    if (field.kind == ValueSpec::Kind::Uniform || field.kind == ValueSpec::Kind::Normal)
        addText(label + (field.kind == ValueSpec::Kind::Uniform ? tr(" up to") : tr(" std. dev.")), field.b, tip, what);
}

void NetworkInspector::addChoice(const QString& label, const QStringList& names, int current,
                                 std::function<void(int)> set, const QString& tip, const QString& what) {
    auto* box = new QComboBox;
    box->setObjectName(QStringLiteral("field_") + label);
    box->addItems(names);
    box->setCurrentIndex(current);
    box->setToolTip(tip);
    connect(box, &QComboBox::activated, this, [this, set = std::move(set), current, what](int index) {
        if (index == current) return;
        set(index);
        commit(what);
    });
    form_->addRow(label, box);
}

void NetworkInspector::showPopulation(Population& p) {
    title_->setText(tr("Population %1").arg(q(p.name)));
    const QString name = q(p.name);
    addText(tr("Name"), p.name, tr("Shown on the canvas and in the raster"), tr("Rename %1").arg(name));
    addInteger(tr("Size"), p.size, 1, 10'000'000, tr("Number of neurons"), tr("Change size of %1").arg(name));
    addModelChoice(p);
    addOverrides(tr("Parameters"), p.model.parameters, p.parameters, tr("Change a parameter of %1").arg(name));
    addOverrides(tr("Initial values"), p.model.initialValues, p.initialValues,
                 tr("Change an initial value of %1").arg(name));
    addInteger(tr("Grid columns"), p.columns, 0, 100'000,
               tr("Neurons on a grid of this many columns (0: no positions); for distance-dependent connections"),
               tr("Change grid of %1").arg(name));
}

void NetworkInspector::addModelChoice(Population& p) {
    const QString shown = q(p.model.name.empty() ? p.modelSource : p.model.name);
    if (!catalogue_) {
        form_->addRow(tr("Model"), new QLabel(shown));
        return;
    }
    QStringList names;
    int current = -1;
    const auto& entries = catalogue_->entries();
    for (std::size_t k = 0; k < entries.size(); ++k) {
        names << q(entries[k].name);
        if (p.modelSource == "catalogue:" + entries[k].id) current = static_cast<int>(k);
    }
    if (current < 0) { // a playground's or an edited model: listed first, as it is
        names.prepend(shown);
        current = 0;
    }
    const int offset = names.size() - static_cast<int>(entries.size());
    addChoice(
        tr("Model"), names, current,
        [this, &p, offset](int index) {
            if (index < offset) return;
            const CatalogueEntry& e = catalogue_->entries()[static_cast<std::size_t>(index - offset)];
            p.model = e.spec;
            p.modelSource = "catalogue:" + e.id;
        },
        tr("The neuron model; the population keeps a copy, so later catalogue changes do not alter it"),
        tr("Change the model of %1").arg(q(p.name)));
}

void NetworkInspector::addOverrides(const QString& heading,
                                    const std::vector<std::pair<std::string, std::string>>& defaults,
                                    std::vector<std::pair<std::string, ValueSpec>>& overrides, const QString& what) {
    if (defaults.empty()) return;
    auto* title = new QLabel(heading);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    form_->addRow(title);
    for (const auto& entry : defaults) {
        const std::string& name = entry.first; // not a structured binding: lambdas below capture it
        const std::string& value = entry.second;
        auto found = std::find_if(overrides.begin(), overrides.end(), [&](const auto& o) { return o.first == name; });
        const QString shown = found == overrides.end() ? QString() : q(valueSpecText(found->second));
        QLineEdit* edit =
            addParsed(q(name), shown,
                      tr("Empty: the model's value (%1). A value with units for every neuron, or uniform(a, b), "
                         "normal(mean, sd) or expression(...) of i, N, rand() and randn(), per neuron")
                          .arg(q(value)),
                      what, [&overrides, key = name](const std::string& text) {
                          auto at = std::find_if(overrides.begin(), overrides.end(),
                                                 [&](const auto& o) { return o.first == key; });
                          if (text.empty()) {
                              if (at == overrides.end()) return false;
                              overrides.erase(at);
                              return true;
                          }
                          const ValueSpec parsed = parseValueSpecText(text);
                          if (at == overrides.end()) {
                              overrides.emplace_back(key, parsed);
                              return true;
                          }
                          if (at->second == parsed) return false;
                          at->second = parsed;
                          return true;
                      });
        edit->setObjectName(QStringLiteral("override_") + q(name));
        edit->setPlaceholderText(q(value));
    }
}

void NetworkInspector::showProjection(Projection& p) {
    const QString name = q(p.id);
    title_->setText(tr("Projection %1 → %2").arg(q(p.source), q(p.target)));
    addChoice(
        tr("Synapse"),
        {tr("current jump"), tr("exponential current"), tr("alpha current"), tr("exponential conductance")},
        static_cast<int>(p.synapse.kind), [&p](int k) { p.synapse.kind = static_cast<SynapseSpec::Kind>(k); },
        tr("What a presynaptic spike does to the target neuron"), tr("Change synapse of %1").arg(name));
    addText(tr("Target variable"), p.synapse.target,
            tr("The state a jump adds to (e.g. v, ge), or the parameter that receives the synaptic current (e.g. I)"),
            tr("Change target variable of %1").arg(name));
    if (p.synapse.kind != SynapseSpec::Kind::Jump)
        addText(tr("Time constant"), p.synapse.tau, tr("Decay time constant, e.g. 5*ms"),
                tr("Change time constant of %1").arg(name));
    if (p.synapse.kind == SynapseSpec::Kind::ExponentialConductance)
        addText(tr("Reversal"), p.synapse.reversal, tr("Reversal potential, e.g. 0*mV"),
                tr("Change reversal potential of %1").arg(name));
    addChoice(
        tr("Connectivity"),
        {tr("all to all"), tr("one to one"), tr("fixed probability"), tr("fixed in-degree"), tr("fixed out-degree"),
         tr("explicit list"), tr("by distance")},
        static_cast<int>(p.connectivity.kind),
        [&p](int k) { p.connectivity.kind = static_cast<ConnectivityRule::Kind>(k); },
        tr("How source and target neurons are paired"), tr("Change connectivity of %1").arg(name));
    using Kind = ConnectivityRule::Kind;
    if (p.connectivity.kind == Kind::FixedProbability)
        addNumber(tr("Probability"), p.connectivity.probability, 0, 1,
                  tr("Each pair is connected with this probability"), tr("Change probability of %1").arg(name));
    if (p.connectivity.kind == Kind::FixedInDegree || p.connectivity.kind == Kind::FixedOutDegree)
        addInteger(tr("Degree"), p.connectivity.degree, 0, 10'000'000,
                   tr("Connections per target (in) or source (out)"), tr("Change degree of %1").arg(name));
    if (p.connectivity.kind == Kind::Distance) {
        addNumber(tr("Peak"), p.connectivity.peak, 0, 1, tr("Probability at distance 0"),
                  tr("Change peak of %1").arg(name));
        addNumber(tr("Sigma (m)"), p.connectivity.sigma, 0, 1e3, tr("Width of the Gaussian fall-off, metres"),
                  tr("Change sigma of %1").arg(name));
    }
    auto* self = new QCheckBox(tr("Allow self-connections"));
    self->setObjectName(QStringLiteral("field_self"));
    self->setChecked(p.connectivity.allowSelfConnections);
    connect(self, &QCheckBox::toggled, this, [this, &p, name](bool on) {
        p.connectivity.allowSelfConnections = on;
        commit(tr("Change self-connections of %1").arg(name));
    });
    form_->addRow(QString(), self);
    addValue(tr("Weight"), p.weight, tr("In the unit of the target variable, e.g. 1.62*mV"),
             tr("Change weight of %1").arg(name));
    addValue(tr("Delay"), p.delay, tr("Transmission delay, e.g. 1.5*ms"), tr("Change delay of %1").arg(name));
    int seed = static_cast<int>(std::min<std::uint64_t>(p.seed, std::numeric_limits<int>::max()));
    auto* seedBox = new QSpinBox;
    seedBox->setObjectName(QStringLiteral("field_seed"));
    seedBox->setRange(0, std::numeric_limits<int>::max());
    seedBox->setValue(seed);
    seedBox->setToolTip(tr("The same seed gives the same connections"));
    connect(seedBox, &QSpinBox::editingFinished, this, [this, seedBox, &p, name] {
        if (static_cast<std::uint64_t>(seedBox->value()) == p.seed) return;
        p.seed = static_cast<std::uint64_t>(seedBox->value());
        commit(tr("Change seed of %1").arg(name));
    });
    form_->addRow(tr("Seed"), seedBox);
    addStdp(p);
}

void NetworkInspector::showStimulus(Stimulus& s) {
    const QString name = q(s.name);
    title_->setText(tr("Stimulus %1").arg(name));
    addText(tr("Name"), s.name, tr("Shown on the canvas"), tr("Rename %1").arg(name));
    if (s.kind == Stimulus::Kind::Poisson) {
        addInteger(tr("Sources"), s.size, 1, 10'000'000, tr("Independent Poisson spike sources"),
                   tr("Change sources of %1").arg(name));
        addText(tr("Rate"), s.rate, tr("Firing rate of each source, e.g. 10*Hz"), tr("Change rate of %1").arg(name));
    }
    if (s.kind == Stimulus::Kind::SpikeGenerator)
        addParsed(tr("Spikes"), q(spikeListText(s.spikes)),
                  tr("Source index @ time, comma-separated, e.g. 0@10*ms, 1@12.5*ms (a time alone: source 0)"),
                  tr("Change spike times of %1").arg(name),
                  [&s](const std::string& text) { return assignChanged(s.spikes, parseSpikeList(text)); });
    if (s.kind == Stimulus::Kind::Current) {
        form_->addRow(tr("Protocol"), new QLabel(q(s.protocol.toString())));
        addText(tr("Parameter"), s.parameter, tr("The target population's parameter the current drives, e.g. I"),
                tr("Change parameter of %1").arg(name));
    }
}

void NetworkInspector::showMonitor(Monitor& m) {
    const QString name = q(m.name);
    title_->setText(tr("Monitor %1").arg(name));
    addText(tr("Name"), m.name, tr("Shown on the canvas"), tr("Rename %1").arg(name));
    if (m.kind == Monitor::Kind::Rate)
        addText(tr("Bin width"), m.binWidth, tr("Width of the rate's time bins, e.g. 1*ms"),
                tr("Change bin width of %1").arg(name));
    if (m.kind == Monitor::Kind::State) {
        addParsed(tr("Variables"), q(nameListText(m.variables)), tr("State variables to record, e.g. v, w"),
                  tr("Change variables of %1").arg(name),
                  [&m](const std::string& text) { return assignChanged(m.variables, parseNameList(text)); });
        addParsed(tr("Neurons"), q(indexListText(m.indices)),
                  tr("Indices of the neurons recorded, e.g. 0, 5, 10 (empty: the first one)"),
                  tr("Change recorded neurons of %1").arg(name),
                  [&m](const std::string& text) { return assignChanged(m.indices, parseIndexList(text)); });
    }
}

} // namespace scs::ui
