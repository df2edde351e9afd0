// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — zero contours of a sampled 2-D field (nullclines), joined into polylines.
#pragma once

#include <cstddef>
#include <vector>

namespace scs {

struct Polyline {
    std::vector<double> x;
    std::vector<double> y;
};

/// A contour piece inside one grid cell, for callers that intersect contours cell by cell.
struct ContourSegment {
    std::size_t cell;      // j * (nx - 1) + i for the cell [xs[i], xs[i+1]] x [ys[j], ys[j+1]]
    double x0, y0, x1, y1;
};

/// The curves f = 0 of a field sampled on the grid xs (nx, ascending) x ys (ny, ascending), with
/// f[j * nx + i] = f(xs[i], ys[j]). Crossings are linearly interpolated along cell edges, so a
/// field that is linear in x and y gives points exactly on its zero line. Saddle cells are split
/// by the cell-centre average. Cells with a NaN corner are skipped (the curve is broken there).
/// Segments sharing an edge are joined into polylines; closed curves end where they start.
/// Precondition: f.size() == xs.size() * ys.size() (otherwise nothing is returned).
std::vector<Polyline> zeroContours(const std::vector<double>& xs, const std::vector<double>& ys,
                                   const std::vector<double>& f, std::vector<ContourSegment>* segments = nullptr);

} // namespace scs
