// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — Douglas-Peucker polyline simplification.
#include "PolylineSimplify.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

namespace scs::ui {

namespace {
bool finite(const QPointF& p) { return std::isfinite(p.x()) && std::isfinite(p.y()); }
} // namespace

void simplifyPolyline(const QVector<QPointF>& in, double tolerancePx, QVector<QPointF>& out) {
    out.clear(); // keeps the capacity
    const qsizetype n = in.size();
    if (n == 0) return;
    // Kept-point flags and the work stack live across calls: one allocation per plot, not per replot.
    thread_local std::vector<char> keep;
    thread_local std::vector<std::pair<qsizetype, qsizetype>> stack;
    keep.assign(static_cast<std::size_t>(n), 0);
    const double tol2 = tolerancePx * tolerancePx;
    // Iterative, so a long run cannot overflow the call stack.
    auto simplify = [&](qsizetype first, qsizetype last) {
        keep[static_cast<std::size_t>(first)] = keep[static_cast<std::size_t>(last)] = 1;
        stack.assign(1, {first, last});
        while (!stack.empty()) {
            const auto [a, b] = stack.back();
            stack.pop_back();
            if (b - a < 2) continue;
            const QPointF origin = in[a];
            const double dx = in[b].x() - origin.x(), dy = in[b].y() - origin.y();
            const double len2 = dx * dx + dy * dy;
            double worst = -1;
            qsizetype at = a;
            for (qsizetype i = a + 1; i < b; ++i) {
                // Distance to the segment (not the infinite line): a run may come back on itself.
                const double px = in[i].x() - origin.x(), py = in[i].y() - origin.y();
                const double t = len2 > 0 ? std::clamp((px * dx + py * dy) / len2, 0.0, 1.0) : 0.0;
                const double ex = px - t * dx, ey = py - t * dy;
                const double d2 = ex * ex + ey * ey;
                if (d2 > worst) {
                    worst = d2;
                    at = i;
                }
            }
            if (worst > tol2) {
                keep[static_cast<std::size_t>(at)] = 1;
                stack.push_back({a, at});
                stack.push_back({at, b});
            }
        }
    };
    for (qsizetype i = 0; i < n;) {
        if (!finite(in[i])) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end + 1 < n && finite(in[end + 1])) ++end;
        simplify(i, end);
        i = end + 1;
    }
    const QPointF gap(std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN());
    for (qsizetype i = 0; i < n; ++i) {
        if (!keep[static_cast<std::size_t>(i)]) continue;
        if (i > 0 && !out.isEmpty() && !finite(in[i - 1])) out << gap;
        out << in[i];
    }
}

void simplifyTimeSeries(const QVector<QPointF>& in, double tolerancePx, QVector<QPointF>& out) {
    out.clear();
    const qsizetype n = in.size();
    const double inf = std::numeric_limits<double>::infinity();
    const QPointF gap(std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN());
    qsizetype i = 0;
    while (i < n) {
        if (!finite(in[i])) {
            ++i;
            continue;
        }
        if (!out.isEmpty()) out << gap; // a break between two runs
        // The "sleeve": from the anchor, the slopes of a segment that passes within the tolerance
        // of every point since the anchor form the interval [lo, hi]; a point whose own slope is
        // inside it can end that segment, so the points before it need not be drawn.
        qsizetype anchor = i, last = i;
        out << in[anchor];
        double lo = -inf, hi = inf;
        for (++i; i < n && finite(in[i]); ++i) {
            const QPointF p = in[i];
            double dx = p.x() - in[anchor].x();
            if (dx > 0) {
                const double slope = (p.y() - in[anchor].y()) / dx;
                if (slope >= lo && slope <= hi) {
                    lo = std::max(lo, (p.y() - tolerancePx - in[anchor].y()) / dx);
                    hi = std::min(hi, (p.y() + tolerancePx - in[anchor].y()) / dx);
                    last = i;
                    continue;
                }
            }
            // `p` cannot end the segment: the last point that could becomes the new anchor.
            if (last != anchor) {
                anchor = last;
                out << in[anchor];
            }
            dx = p.x() - in[anchor].x();
            if (dx > 0) {
                lo = (p.y() - tolerancePx - in[anchor].y()) / dx;
                hi = (p.y() + tolerancePx - in[anchor].y()) / dx;
            } else { // x went back (or stayed): keep the point as it is
                anchor = i;
                out << p;
                lo = -inf;
                hi = inf;
            }
            last = i;
        }
        if (last != anchor) out << in[last];
    }
}

} // namespace scs::ui
