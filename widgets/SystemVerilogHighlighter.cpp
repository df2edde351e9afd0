// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — SystemVerilog syntax highlighting.
#include "SystemVerilogHighlighter.h"

#include <QSet>
#include <QTextBlock>
#include <QTextLayout>

namespace scs::ui {

namespace {

// The role travels with the format so roleAt can read it back from the layout.
constexpr int roleProperty = QTextFormat::UserProperty + 1;

QTextCharFormat makeFormat(SystemVerilogHighlighter::Role role, const QColor& color, bool bold = false,
                           bool italic = false) {
    QTextCharFormat f;
    f.setForeground(color);
    if (bold) f.setFontWeight(QFont::DemiBold);
    f.setFontItalic(italic);
    f.setProperty(roleProperty, static_cast<int>(role));
    return f;
}

// IEEE 1800-2017 Annex B keywords that synthesisable RTL and testbenches use; data types apart.
const QSet<QString>& keywords() {
    static const QSet<QString> k = {
        "always",      "always_comb",  "always_ff", "always_latch", "and",       "assert",     "assign",  "assume",
        "automatic",   "begin",        "break",     "case",         "casex",     "casez",      "const",   "continue",
        "cover",       "default",      "disable",   "do",           "else",      "end",        "endcase", "endfunction",
        "endgenerate", "endinterface", "endmodule", "endpackage",   "endtask",   "enum",       "export",  "extern",
        "final",       "for",          "forever",   "function",     "generate",  "genvar",     "if",      "iff",
        "import",      "initial",      "inout",     "input",        "interface", "localparam", "modport", "module",
        "negedge",     "nand",         "nor",       "not",          "or",        "output",     "package", "packed",
        "parameter",   "posedge",      "priority",  "repeat",       "return",    "static",     "struct",  "task",
        "typedef",     "union",        "unique",    "unique0",      "virtual",   "void",       "wait",    "while",
        "xnor",        "xor"};
    return k;
}

const QSet<QString>& types() {
    static const QSet<QString> t = {"bit",      "byte",     "int",      "integer", "logic",   "longint", "real",
                                    "realtime", "reg",      "shortint", "signed",  "supply0", "supply1", "time",
                                    "tri",      "unsigned", "uwire",    "var",     "wand",    "wire",    "wor"};
    return t;
}

bool isIdentStart(QChar c) { return c.isLetter() || c == QLatin1Char('_'); }
bool isIdentChar(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$'); }

/// Length of a based literal's tail at `i` (just after the apostrophe): [sS]?[bBoOdDhH] digits, or
/// an unbased '0 '1 'x 'z; 0 when it is no literal (a cast like int'(x), an assignment pattern '{).
int basedTail(const QString& s, int i) {
    const int n = static_cast<int>(s.size());
    int j = i;
    if (j < n && (s[j] == QLatin1Char('s') || s[j] == QLatin1Char('S'))) ++j;
    if (j < n && QStringLiteral("bBoOdDhH").contains(s[j])) {
        ++j;
        while (j < n && s[j].isSpace()) ++j; // 8'h FF is legal
        const int digits = j;
        while (j < n && (s[j].isLetterOrNumber() || s[j] == QLatin1Char('_') || s[j] == QLatin1Char('?'))) ++j;
        return j > digits ? j - i : 0;
    }
    if (i < n && QStringLiteral("01xXzZ").contains(s[i]) && (i + 1 >= n || !isIdentChar(s[i + 1]))) return 1;
    return 0;
}

} // namespace

SystemVerilogHighlighter::SystemVerilogHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {
    formats_[int(Role::Keyword)] = makeFormat(Role::Keyword, QColor(0, 0, 200), true);
    formats_[int(Role::Type)] = makeFormat(Role::Type, QColor(38, 127, 153));
    formats_[int(Role::Number)] = makeFormat(Role::Number, QColor(9, 134, 88));
    formats_[int(Role::String)] = makeFormat(Role::String, QColor(163, 21, 21));
    formats_[int(Role::Comment)] = makeFormat(Role::Comment, QColor(110, 130, 110), false, true);
    formats_[int(Role::Directive)] = makeFormat(Role::Directive, QColor(150, 60, 160));
    formats_[int(Role::SystemTask)] = makeFormat(Role::SystemTask, QColor(121, 94, 38));
}

const QTextCharFormat& SystemVerilogHighlighter::format(Role role) const { return *formats_.find(int(role)); }

QVector<SystemVerilogHighlighter::Span> SystemVerilogHighlighter::scan(const QString& s, bool* inBlockComment) {
    QVector<Span> spans;
    const int n = static_cast<int>(s.size());
    int i = 0;
    auto add = [&spans](int start, int end, Role role) {
        if (end > start) spans.push_back({start, end - start, role});
    };
    if (*inBlockComment) {
        const int close = s.indexOf(QLatin1String("*/"));
        if (close < 0) {
            add(0, n, Role::Comment);
            return spans;
        }
        add(0, close + 2, Role::Comment);
        i = close + 2;
        *inBlockComment = false;
    }
    while (i < n) {
        const QChar c = s[i];
        const QChar next = i + 1 < n ? s[i + 1] : QChar();
        if (c == QLatin1Char('/') && next == QLatin1Char('/')) {
            add(i, n, Role::Comment);
            break;
        }
        if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const int close = s.indexOf(QLatin1String("*/"), i + 2);
            if (close < 0) {
                add(i, n, Role::Comment);
                *inBlockComment = true;
                break;
            }
            add(i, close + 2, Role::Comment);
            i = close + 2;
        } else if (c == QLatin1Char('"')) {
            int j = i + 1;
            while (j < n && s[j] != QLatin1Char('"')) j += s[j] == QLatin1Char('\\') ? 2 : 1;
            j = std::min(j + 1, n); // an unterminated string ends with the line
            add(i, j, Role::String);
            i = j;
        } else if ((c == QLatin1Char('`') || c == QLatin1Char('$')) && i + 1 < n && isIdentStart(next)) {
            int j = i + 1;
            while (j < n && isIdentChar(s[j])) ++j;
            add(i, j, c == QLatin1Char('`') ? Role::Directive : Role::SystemTask);
            i = j;
        } else if (c.isDigit() || c == QLatin1Char('\'')) {
            // 16'sd5, 32'hACE1, 'x, 1.5e-3, 1_000; a size followed by a based tail is one number.
            int j = i;
            while (j < n && (s[j].isDigit() || s[j] == QLatin1Char('_'))) ++j;
            if (j < n && s[j] == QLatin1Char('.') && j + 1 < n && s[j + 1].isDigit()) {
                ++j;
                while (j < n && (s[j].isDigit() || s[j] == QLatin1Char('_'))) ++j;
            }
            if (j > i && j < n && (s[j] == QLatin1Char('e') || s[j] == QLatin1Char('E'))) {
                int k = j + 1;
                if (k < n && (s[k] == QLatin1Char('+') || s[k] == QLatin1Char('-'))) ++k;
                if (k < n && s[k].isDigit()) {
                    while (k < n && s[k].isDigit()) ++k;
                    j = k;
                }
            }
            // A time literal (`timescale 1ns / 1ps, #10us) includes its unit.
            for (const char* unit : {"ms", "us", "ns", "ps", "fs", "s"}) {
                const int len = static_cast<int>(qstrlen(unit));
                if (j > i && s.mid(j, len) == QLatin1String(unit) && (j + len >= n || !isIdentChar(s[j + len]))) {
                    j += len;
                    break;
                }
            }
            int tail = 0;
            if (j < n && s[j] == QLatin1Char('\'')) tail = basedTail(s, j + 1);
            if (tail > 0) j += 1 + tail;
            if (j > i) add(i, j, Role::Number);
            i = std::max(j, i + 1);
        } else if (isIdentStart(c)) {
            int j = i + 1;
            while (j < n && isIdentChar(s[j])) ++j;
            const QString word = s.mid(i, j - i);
            if (keywords().contains(word))
                add(i, j, Role::Keyword);
            else if (types().contains(word))
                add(i, j, Role::Type);
            i = j; // identifiers with digits (x1, q15) are never numbers
        } else {
            ++i;
        }
    }
    return spans;
}

void SystemVerilogHighlighter::highlightBlock(const QString& text) {
    bool inComment = previousBlockState() == 1;
    for (const Span& span : scan(text, &inComment)) setFormat(span.start, span.length, format(span.role));
    setCurrentBlockState(inComment ? 1 : 0);
}

std::optional<SystemVerilogHighlighter::Role> SystemVerilogHighlighter::roleAt(const QTextBlock& block, int position) {
    if (!block.isValid() || !block.layout()) return std::nullopt;
    for (const QTextLayout::FormatRange& r : block.layout()->formats())
        if (position >= r.start && position < r.start + r.length && r.format.hasProperty(roleProperty))
            return static_cast<Role>(r.format.property(roleProperty).toInt());
    return std::nullopt;
}

} // namespace scs::ui
