// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — polyline simplification: fewer points, same picture (within the tolerance).
#include "PolylineSimplify.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

using namespace scs::ui;

namespace {

const double nan = std::numeric_limits<double>::quiet_NaN();

double segmentDistance(QPointF p, QPointF a, QPointF b) {
    const double dx = b.x() - a.x(), dy = b.y() - a.y(), len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x() - a.x() - t * dx, p.y() - a.y() - t * dy);
}

/// Largest distance from a dropped input point to the segment drawn in its place. The output is a
/// subsequence of the input (NaN runs aside), so the kept points are found by walking both in order.
double worstDeviation(const QVector<QPointF>& in, const QVector<QPointF>& out) {
    double worst = 0;
    qsizetype prev = -1, i = 0;
    for (const QPointF& kept : out) {
        if (!std::isfinite(kept.x())) {
            prev = -1;
            continue;
        }
        while (i < in.size() && in[i] != kept) ++i;
        if (i == in.size()) return std::numeric_limits<double>::infinity(); // not a subsequence
        if (prev >= 0)
            for (qsizetype j = prev + 1; j < i; ++j) worst = std::max(worst, segmentDistance(in[j], in[prev], in[i]));
        prev = i++;
    }
    return worst;
}

QVector<QPointF> noisySpikes(int n, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0, 0.2);
    QVector<QPointF> v;
    for (int i = 0; i < n; ++i) {
        const double t = i * 0.05; // 20 samples per pixel column
        const double spike = std::fmod(t, 97.0) < 2 ? 120 * std::sin(std::fmod(t, 97.0) / 2 * M_PI) : 0;
        v << QPointF(t, 300 - 0.3 * std::sin(t / 40) * 50 - spike + noise(rng));
    }
    return v;
}

TEST(PolylineSimplifyTest, DouglasPeuckerStaysWithinTheToleranceAndDropsMostPoints) {
    QVector<QPointF> circle;
    for (int i = 0; i <= 20000; ++i) { // a cycle retraced 20 times, ~0.1 px apart
        const double a = i * 2 * M_PI / 1000;
        circle << QPointF(200 + 150 * std::cos(a), 200 + 100 * std::sin(a));
    }
    QVector<QPointF> out;
    simplifyPolyline(circle, 0.5, out);
    EXPECT_LT(out.size(), circle.size() / 10);
    EXPECT_EQ(out.front(), circle.front());
    EXPECT_EQ(out.back(), circle.back());
    EXPECT_LE(worstDeviation(circle, out), 0.5 + 1e-9);
}

TEST(PolylineSimplifyTest, NaNBreaksTheLineOnceAndRunEndsAreKept) {
    const QVector<QPointF> in = {{0, 0}, {1, 0.01}, {2, 0}, {nan, nan}, {nan, nan}, {3, 5}, {4, 5.01}, {5, 5}, {nan, 1}};
    QVector<QPointF> out;
    simplifyPolyline(in, 0.5, out);
    ASSERT_EQ(out.size(), 5);
    EXPECT_EQ(out[0], QPointF(0, 0));
    EXPECT_EQ(out[1], QPointF(2, 0));
    EXPECT_TRUE(std::isnan(out[2].x()));
    EXPECT_EQ(out[3], QPointF(3, 5));
    EXPECT_EQ(out[4], QPointF(5, 5));
    simplifyTimeSeries(in, 0.5, out);
    ASSERT_EQ(out.size(), 5);
    EXPECT_TRUE(std::isnan(out[2].x()));
    EXPECT_EQ(out[4], QPointF(5, 5));
}

TEST(PolylineSimplifyTest, TimeSeriesKeepsSpikesAndStaysWithinTheToleranceVertically) {
    const QVector<QPointF> in = noisySpikes(20000, 7);
    QVector<QPointF> out;
    simplifyTimeSeries(in, 0.5, out);
    EXPECT_LT(out.size(), in.size() / 2);
    // Every input point lies within 0.5 px (vertically) of the segment between the kept points around it.
    qsizetype k = 0;
    for (const QPointF& p : in) {
        while (k + 1 < out.size() && out[k + 1].x() <= p.x()) ++k;
        if (out[k] == p) continue;
        ASSERT_LT(k + 1, out.size());
        const QPointF a = out[k], b = out[k + 1];
        const double y = a.y() + (b.y() - a.y()) * (p.x() - a.x()) / (b.x() - a.x());
        ASSERT_LE(std::abs(y - p.y()), 0.5 + 1e-9) << "at x = " << p.x();
    }
    // The spike peaks survive: the smallest y (screen up) is drawn exactly.
    double top = in.front().y(), drawnTop = out.front().y();
    for (const QPointF& p : in) top = std::min(top, p.y());
    for (const QPointF& p : out) drawnTop = std::min(drawnTop, p.y());
    EXPECT_NEAR(drawnTop, top, 0.5);
}

TEST(PolylineSimplifyTest, ConstantStretchesCollapseAndBackwardsXKeepsEverything) {
    QVector<QPointF> step;
    for (int i = 0; i < 1000; ++i) step << QPointF(i, i < 500 ? 10 : 60);
    QVector<QPointF> out;
    simplifyTimeSeries(step, 0.5, out);
    EXPECT_EQ(out.size(), 4); // the two flat stretches: first and last point of each
    EXPECT_EQ(out[1], QPointF(499, 10));
    EXPECT_EQ(out[2], QPointF(500, 60));

    const QVector<QPointF> back = {{3, 0}, {2, 0}, {1, 0}, {0, 0}};
    simplifyTimeSeries(back, 0.5, out);
    EXPECT_EQ(out, back);
}

} // namespace
