// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — equation syntax highlighting.
#include "EquationHighlighter.h"

namespace scs::ui {

namespace {
QTextCharFormat makeFormat(const QColor& color, bool bold = false, bool italic = false) {
    QTextCharFormat f;
    f.setForeground(color);
    if (bold) f.setFontWeight(QFont::DemiBold);
    f.setFontItalic(italic);
    return f;
}
} // namespace

EquationHighlighter::EquationHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document),
      number_(QStringLiteral(R"((?<![A-Za-z_0-9.])(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)")),
      identifier_(QStringLiteral(R"([A-Za-z_][A-Za-z_0-9]*)")),
      flag_(QStringLiteral(R"(\(\s*(unless refractory|constant over dt|constant|shared|linked)(\s*,\s*(unless refractory|constant over dt|constant|shared|linked))*\s*\))")),
      derivative_(QStringLiteral(R"(\bd([A-Za-z_][A-Za-z_0-9]*)\s*/\s*dt\b)")) {
    formats_[int(Role::Number)] = makeFormat(QColor(9, 134, 88));
    formats_[int(Role::Unit)] = makeFormat(QColor(0, 122, 153), false, true);
    formats_[int(Role::Function)] = makeFormat(QColor(121, 94, 38));
    formats_[int(Role::State)] = makeFormat(QColor(0, 70, 190), true);
    formats_[int(Role::Parameter)] = makeFormat(QColor(140, 40, 140));
    formats_[int(Role::Reserved)] = makeFormat(QColor(190, 90, 0));
    formats_[int(Role::Keyword)] = makeFormat(QColor(170, 20, 80), true);
    formats_[int(Role::Flag)] = makeFormat(QColor(110, 110, 110), false, true);
    formats_[int(Role::Comment)] = makeFormat(QColor(128, 128, 128), false, true);
}

const QTextCharFormat& EquationHighlighter::format(Role role) const {
    return *formats_.find(int(role));
}

void EquationHighlighter::setStateNames(const QStringList& names) {
    QSet<QString> s(names.begin(), names.end());
    if (s == states_) return;
    states_ = s;
    rehighlight();
}

void EquationHighlighter::setParameterNames(const QStringList& names) {
    QSet<QString> s(names.begin(), names.end());
    if (s == parameters_) return;
    parameters_ = s;
    rehighlight();
}

void EquationHighlighter::setLanguageNames(const QStringList& units, const QStringList& functions,
                                           const QStringList& reserved) {
    units_ = QSet<QString>(units.begin(), units.end());
    functions_ = QSet<QString>(functions.begin(), functions.end());
    reserved_ = QSet<QString>(reserved.begin(), reserved.end());
    rehighlight();
}

bool EquationHighlighter::roleOf(const QString& id, Role* role) const {
    // A model's own names shadow unit names (a parameter called "b" is not the unit "b").
    if (states_.contains(id)) *role = Role::State;
    else if (parameters_.contains(id)) *role = Role::Parameter;
    else if (reserved_.contains(id)) *role = Role::Reserved;
    else if (functions_.contains(id)) *role = Role::Function;
    else if (id == QLatin1String("and") || id == QLatin1String("or") || id == QLatin1String("not") ||
             id == QLatin1String("True") || id == QLatin1String("False"))
        *role = Role::Keyword;
    else if (units_.contains(id)) *role = Role::Unit;
    else return false;
    return true;
}

void EquationHighlighter::highlightBlock(const QString& text) {
    const int comment = text.indexOf(QLatin1Char('#'));
    const QString code = comment >= 0 ? text.left(comment) : text;
    for (auto it = number_.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        setFormat(m.capturedStart(), m.capturedLength(), format(Role::Number));
    }
    for (auto it = identifier_.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        // Skip identifier-looking exponents inside numbers ("1e-3" has no identifier).
        if (m.capturedStart() > 0 && code[m.capturedStart() - 1].isDigit()) continue;
        Role role;
        if (roleOf(m.captured(), &role)) setFormat(m.capturedStart(), m.capturedLength(), format(role));
    }
    for (auto it = derivative_.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        if (states_.isEmpty() || states_.contains(m.captured(1)))
            setFormat(m.capturedStart(), m.capturedLength(), format(Role::State));
    }
    for (auto it = flag_.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        setFormat(m.capturedStart(), m.capturedLength(), format(Role::Flag));
    }
    if (comment >= 0) setFormat(comment, text.size() - comment, format(Role::Comment));
}

} // namespace scs::ui
