// SPDX-License-Identifier: MIT
#include "expr/Equations.h"
#include "expr/Parser.h"

#include <gtest/gtest.h>

namespace scs {
namespace {

std::string tree(const std::string& text) { return parseExpression(text, "e")->toString(); }

TEST(Parser, PythonPrecedence) {
    EXPECT_EQ(tree("-x**2"), "(-(x ** 2))");
    EXPECT_EQ(tree("x**-1"), "(x ** (-1))");
    EXPECT_EQ(tree("2**3**2"), "(2 ** (3 ** 2))");
    EXPECT_EQ(tree("a + b*c - d/e"), "((a + (b * c)) - (d / e))");
    EXPECT_EQ(tree("v > -50*mV and not x or y"), "(((v > ((-50) * mV)) and (not x)) or y)"); // as Python: (-50)*mV
    EXPECT_EQ(tree("clip(v, 0, 1)"), "clip(v, 0, 1)");
    EXPECT_EQ(tree("13. + .5e-1"), "(13 + 0.050000000000000003)");
}

TEST(Parser, ErrorsCarryPositions) {
    try {
        parseExpression("a + * b", "threshold");
        FAIL();
    } catch (const ModelError& e) {
        ASSERT_EQ(e.diagnostics().size(), 1u);
        EXPECT_EQ(e.diagnostics()[0].field, "threshold");
        EXPECT_EQ(e.diagnostics()[0].pos.column, 5);
    }
    EXPECT_THROW(parseExpression("f(a, b", "e"), ModelError);
    EXPECT_THROW(parseExpression("", "e"), ModelError);
    EXPECT_THROW(parseExpression("a < b < c", "e"), ModelError);
    EXPECT_THROW(parseExpression("a // b", "e"), ModelError);
}

TEST(Equations, AllLineKindsFlagsAndComments) {
    const auto lines = parseEquations(
        "# a comment line\n"
        "dv/dt = (El - v)/tau : volt (unless refractory)  # trailing comment\n"
        "m = 1/(1 + exp(-v/mV)) : 1\n"
        "\n"
        "I : amp (constant)\n");
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].kind, EquationLine::Kind::Differential);
    EXPECT_EQ(lines[0].name, "v");
    EXPECT_EQ(lines[0].flags, std::vector<std::string>{"unless refractory"});
    EXPECT_EQ(lines[0].namePos.line, 2);
    EXPECT_EQ(lines[1].kind, EquationLine::Kind::Subexpression);
    EXPECT_EQ(lines[2].kind, EquationLine::Kind::Parameter);
    EXPECT_EQ(lines[2].flags, std::vector<std::string>{"constant"});
}

TEST(Equations, StatementsWithEveryOperator) {
    const auto s = parseStatements("v = Vr\nw += b; x -= 1\ny *= 2\nz /= 3");
    ASSERT_EQ(s.size(), 5u);
    EXPECT_EQ(s[0].kind, Statement::Kind::Assign);
    EXPECT_EQ(s[1].kind, Statement::Kind::AddAssign);
    EXPECT_EQ(s[2].kind, Statement::Kind::SubAssign);
    EXPECT_EQ(s[2].targetPos.column, 9);
    EXPECT_EQ(s[3].kind, Statement::Kind::MulAssign);
    EXPECT_EQ(s[4].kind, Statement::Kind::DivAssign);
    EXPECT_THROW(parseStatements("v == 3"), ModelError);
    EXPECT_THROW(parseStatements("3 = v"), ModelError);
}

} // namespace
} // namespace scs
