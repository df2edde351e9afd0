// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — colours for SystemVerilog: keywords, types, numbers, strings, comments, directives.
#pragma once

#include <QHash>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <QVector>

#include <optional>

class QTextBlock;

namespace scs::ui {

/// Highlights the SystemVerilog the studio generates (and any other): a hand-written scanner, so a
/// keyword inside a comment or string stays a comment or string, and /* ... */ spans lines.
class SystemVerilogHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    enum class Role { Keyword, Type, Number, String, Comment, Directive, SystemTask };

    /// A run of one role in a line: characters [start, start + length).
    struct Span {
        int start = 0;
        int length = 0;
        Role role = Role::Keyword;
        bool operator==(const Span& other) const = default;
    };

    explicit SystemVerilogHighlighter(QTextDocument* document);

    /// Scans one line. `inBlockComment` says whether the line starts inside /* ... */ and is set to
    /// whether it ends inside one. Pure: no document needed (the tests' way in).
    static QVector<Span> scan(const QString& line, bool* inBlockComment);

    const QTextCharFormat& format(Role role) const;
    /// The role drawn at `position` of `block` (after highlighting), nullopt for plain text.
    static std::optional<Role> roleAt(const QTextBlock& block, int position);

protected:
    void highlightBlock(const QString& text) override;

private:
    QHash<int, QTextCharFormat> formats_;
};

} // namespace scs::ui
