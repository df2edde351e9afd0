// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — colours for Brian2-style equations: numbers, units, functions, names, flags.
#pragma once

#include <QRegularExpression>
#include <QSet>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace scs::ui {

/// Highlights by token class. Which identifiers are states, parameters, units or functions is
/// told from outside (the model changes as the user types); call `rehighlight()` is automatic.
class EquationHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    enum class Role { Number, Unit, Function, State, Parameter, Reserved, Keyword, Flag, Comment };

    explicit EquationHighlighter(QTextDocument* document);

    void setStateNames(const QStringList& names);
    void setParameterNames(const QStringList& names);
    /// Unit, function and reserved names: normally the engine's lists (set once).
    void setLanguageNames(const QStringList& units, const QStringList& functions, const QStringList& reserved);
    const QTextCharFormat& format(Role role) const;
    /// Which role an identifier gets (for tests and tooltips); nullopt-like Role::Keyword for none.
    bool roleOf(const QString& identifier, Role* role) const;

protected:
    void highlightBlock(const QString& text) override;

private:
    QSet<QString> states_, parameters_, units_, functions_, reserved_;
    QHash<int, QTextCharFormat> formats_;
    QRegularExpression number_, identifier_, flag_, derivative_;
};

} // namespace scs::ui
