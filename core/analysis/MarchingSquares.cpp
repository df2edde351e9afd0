// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — marching squares with exact edge identities for joining segments.
#include "analysis/MarchingSquares.h"

#include <cmath>
#include <unordered_map>
#include <utility>

namespace scs {
namespace {

// Edge ids: horizontal edge from (i, j) to (i+1, j) is 2 (j nx + i); vertical edge from (i, j) to
// (i, j+1) is 2 (j nx + i) + 1. Every crossing is computed once per edge, so the two cells that
// share an edge produce the identical point and segments join by id, not by float comparison.
struct Grid {
    const std::vector<double>& xs;
    const std::vector<double>& ys;
    const std::vector<double>& f;
    std::size_t nx;
    double at(std::size_t i, std::size_t j) const { return f[j * nx + i]; }
    std::size_t hEdge(std::size_t i, std::size_t j) const { return 2 * (j * nx + i); }
    std::size_t vEdge(std::size_t i, std::size_t j) const { return 2 * (j * nx + i) + 1; }

    std::pair<double, double> crossing(std::size_t edge) const {
        const std::size_t node = edge / 2;
        const std::size_t i = node % nx, j = node / nx;
        const bool vertical = edge % 2 == 1;
        const std::size_t i1 = vertical ? i : i + 1, j1 = vertical ? j + 1 : j;
        const double fa = at(i, j), fb = at(i1, j1);
        const double t = fa == fb ? 0.5 : fa / (fa - fb);
        return {xs[i] + t * (xs[i1] - xs[i]), ys[j] + t * (ys[j1] - ys[j])};
    }
};

} // namespace

std::vector<Polyline> zeroContours(const std::vector<double>& xs, const std::vector<double>& ys,
                                   const std::vector<double>& f, std::vector<ContourSegment>* segmentsOut) {
    std::vector<Polyline> lines;
    const std::size_t nx = xs.size(), ny = ys.size();
    if (nx < 2 || ny < 2 || f.size() != nx * ny) return lines;
    Grid g{xs, ys, f, nx};

    struct Seg {
        std::size_t a, b; // edge ids
    };
    std::vector<Seg> segs;
    auto add = [&](std::size_t cell, std::size_t a, std::size_t b) {
        segs.push_back({a, b});
        if (segmentsOut) {
            auto [x0, y0] = g.crossing(a);
            auto [x1, y1] = g.crossing(b);
            segmentsOut->push_back({cell, x0, y0, x1, y1});
        }
    };
    for (std::size_t j = 0; j + 1 < ny; ++j) {
        for (std::size_t i = 0; i + 1 < nx; ++i) {
            const double f00 = g.at(i, j), f10 = g.at(i + 1, j), f11 = g.at(i + 1, j + 1), f01 = g.at(i, j + 1);
            if (std::isnan(f00) || std::isnan(f10) || std::isnan(f11) || std::isnan(f01)) continue;
            const bool p00 = f00 >= 0, p10 = f10 >= 0, p11 = f11 >= 0, p01 = f01 >= 0;
            const std::size_t bottom = g.hEdge(i, j), top = g.hEdge(i, j + 1);
            const std::size_t left = g.vEdge(i, j), right = g.vEdge(i + 1, j);
            const std::size_t cell = j * (nx - 1) + i;
            std::vector<std::size_t> crossed;
            if (p00 != p10) crossed.push_back(bottom);
            if (p10 != p11) crossed.push_back(right);
            if (p11 != p01) crossed.push_back(top);
            if (p01 != p00) crossed.push_back(left);
            if (crossed.size() == 2) {
                add(cell, crossed[0], crossed[1]);
            } else if (crossed.size() == 4) {
                // Saddle: if the centre has the sign of corner 00 (and 11), the 00-11 diagonal is
                // connected and the contour cuts off corners 10 and 01; otherwise 00 and 11.
                const bool centre = 0.25 * (f00 + f10 + f11 + f01) >= 0;
                if (centre == p00) {
                    add(cell, bottom, right);
                    add(cell, top, left);
                } else {
                    add(cell, left, bottom);
                    add(cell, right, top);
                }
            }
        }
    }

    // Join: every edge touches at most two segments (the two cells beside it).
    std::unordered_map<std::size_t, std::vector<std::size_t>> byEdge;
    for (std::size_t s = 0; s < segs.size(); ++s) {
        byEdge[segs[s].a].push_back(s);
        byEdge[segs[s].b].push_back(s);
    }
    std::vector<bool> used(segs.size(), false);
    auto walk = [&](std::size_t s, std::size_t startEdge) {
        Polyline line;
        auto push = [&](std::size_t edge) {
            auto [x, y] = g.crossing(edge);
            line.x.push_back(x);
            line.y.push_back(y);
        };
        push(startEdge);
        std::size_t edge = startEdge;
        while (true) {
            used[s] = true;
            edge = segs[s].a == edge ? segs[s].b : segs[s].a;
            push(edge);
            std::size_t next = segs.size();
            for (std::size_t candidate : byEdge[edge])
                if (!used[candidate]) next = candidate;
            if (next == segs.size()) break;
            s = next;
        }
        lines.push_back(std::move(line));
    };
    // Open curves first (they start at an edge with one segment), then the closed loops left.
    for (std::size_t s = 0; s < segs.size(); ++s) {
        if (used[s]) continue;
        if (byEdge[segs[s].a].size() == 1) walk(s, segs[s].a);
        else if (byEdge[segs[s].b].size() == 1) walk(s, segs[s].b);
    }
    for (std::size_t s = 0; s < segs.size(); ++s)
        if (!used[s]) walk(s, segs[s].a);
    return lines;
}

} // namespace scs
