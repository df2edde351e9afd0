// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — connectivity rules: all-to-all, one-to-one, probability, degrees, explicit, distance.
#include "network/Connectivity.h"

#include "network/NetworkError.h"
#include "util/Random.h"

#include <algorithm>
#include <cmath>

namespace scs {

namespace {

using Kind = ConnectivityRule::Kind;

bool excludesSelf(const ConnectivityInput& in) { return in.recurrent && !in.rule.allowSelfConnections; }

/// Chooses k distinct values of [0, n) except `skip` (-1: none), ascending (Floyd's algorithm).
void chooseDistinct(int n, int k, int skip, Random& rng, std::vector<char>& mark, std::vector<std::int32_t>& out) {
    out.clear();
    const int m = skip >= 0 ? n - 1 : n; // candidates, numbered 0..m-1 and mapped around `skip`
    for (int r = m - k; r < m; ++r) {
        int v = static_cast<int>(rng.uniform() * (r + 1));
        if (mark[static_cast<std::size_t>(v)]) v = r;
        mark[static_cast<std::size_t>(v)] = 1;
        out.push_back(v);
    }
    for (std::int32_t& v : out) {
        mark[static_cast<std::size_t>(v)] = 0;
        if (skip >= 0 && v >= skip) ++v;
    }
    std::sort(out.begin(), out.end());
}

void checkDegree(const ConnectivityInput& in, int candidates, const char* what, const char* whom) {
    const int k = in.rule.degree;
    if (k < 0) throw NetworkError(in.item + ", connectivity: the " + what + " must not be negative");
    if (k > candidates)
        throw NetworkError(in.item + ", connectivity: a fixed " + what + " of " + std::to_string(k) +
                           " is impossible with " + std::to_string(candidates) + " possible " + whom +
                           (excludesSelf(in) ? " (self-connections are not allowed)" : ""));
}

double distance(const ConnectivityInput& in, int i, int j) {
    const double dx =
        in.sourcePositions[2 * static_cast<std::size_t>(i)] - in.targetPositions[2 * static_cast<std::size_t>(j)];
    const double dy = in.sourcePositions[2 * static_cast<std::size_t>(i) + 1] -
                      in.targetPositions[2 * static_cast<std::size_t>(j) + 1];
    return std::sqrt(dx * dx + dy * dy);
}

void checkInput(const ConnectivityInput& in) {
    const ConnectivityRule& r = in.rule;
    if (r.kind == Kind::FixedProbability && !(r.probability >= 0.0 && r.probability <= 1.0))
        throw NetworkError(in.item + ", connectivity: the probability " + std::to_string(r.probability) +
                           " is outside [0, 1]");
    if (r.kind == Kind::OneToOne && in.sources != in.targets)
        throw NetworkError(in.item + ", connectivity: one-to-one needs equal sizes, but the source has " +
                           std::to_string(in.sources) + " and the target " + std::to_string(in.targets) + " neurons");
    if (r.kind == Kind::Distance) {
        if (in.sourcePositions.empty() || in.targetPositions.empty())
            throw NetworkError(in.item + ", connectivity: distance-dependent needs grid positions (columns and "
                                         "spacing) on both populations");
        if (!(r.sigma > 0) || !(r.peak >= 0 && r.peak <= 1))
            throw NetworkError(in.item + ", connectivity: distance-dependent needs sigma > 0 and a peak in [0, 1]");
    }
}

} // namespace

std::vector<double> gridPositions(const Population& p) {
    std::vector<double> xy;
    if (p.columns <= 0) return xy;
    xy.reserve(2 * static_cast<std::size_t>(p.size));
    for (int i = 0; i < p.size; ++i) {
        xy.push_back((i % p.columns) * p.spacing);
        xy.push_back((i / p.columns) * p.spacing);
    }
    return xy;
}

double expectedSynapses(const ConnectivityInput& in) {
    const double ns = in.sources, nt = in.targets;
    const double pairs = ns * nt - (excludesSelf(in) ? ns : 0.0);
    switch (in.rule.kind) {
    case Kind::AllToAll:
        return pairs;
    case Kind::OneToOne:
        return ns;
    case Kind::FixedProbability:
        return pairs * in.rule.probability;
    case Kind::FixedInDegree:
        return nt * in.rule.degree;
    case Kind::FixedOutDegree:
        return ns * in.rule.degree;
    case Kind::Explicit:
        return static_cast<double>(in.rule.pairs.size());
    case Kind::Distance:
        return pairs * in.rule.peak; // an upper bound
    }
    return 0;
}

SynapseRows connect(const ConnectivityInput& in) {
    checkInput(in);
    const ConnectivityRule& r = in.rule;
    const bool noSelf = excludesSelf(in);
    SynapseRows rows;
    rows.offsets.assign(static_cast<std::size_t>(in.sources) + 1, 0);
    const double expected = expectedSynapses(in);
    rows.targets.reserve(static_cast<std::size_t>(std::min(expected * 1.05 + 16, 4e9)));
    const auto endRow = [&](int i) { rows.offsets[static_cast<std::size_t>(i) + 1] = rows.targets.size(); };

    switch (r.kind) {
    case Kind::AllToAll:
        for (int i = 0; i < in.sources; ++i) {
            for (int j = 0; j < in.targets; ++j)
                if (!(noSelf && i == j)) rows.targets.push_back(j);
            endRow(i);
        }
        break;
    case Kind::OneToOne:
        for (int i = 0; i < in.sources; ++i) {
            rows.targets.push_back(i); // one-to-one means i -> i even within a population
            endRow(i);
        }
        break;
    case Kind::FixedProbability: {
        // Geometric skipping: the gap to the next chosen target is Geometric(p), so the cost is
        // proportional to the synapses drawn, not to sources x targets.
        const double p = r.probability;
        const double logQ = p < 1.0 ? std::log1p(-p) : 0.0;
        for (int i = 0; i < in.sources; ++i) {
            if (p > 0.0) {
                Random rng = Random::stream(in.seed, static_cast<std::uint64_t>(i));
                for (double j = -1.0;;) {
                    if (p >= 1.0)
                        j += 1.0;
                    else
                        j += 1.0 + std::floor(std::log1p(-rng.uniform()) / logQ);
                    if (j >= in.targets) break;
                    const int target = static_cast<int>(j);
                    if (!(noSelf && target == i)) rows.targets.push_back(target);
                }
            }
            endRow(i);
        }
        break;
    }
    case Kind::FixedOutDegree: {
        checkDegree(in, in.targets - (noSelf ? 1 : 0), "out-degree", "targets");
        std::vector<char> mark(static_cast<std::size_t>(in.targets) + 1, 0);
        std::vector<std::int32_t> chosen;
        for (int i = 0; i < in.sources; ++i) {
            Random rng = Random::stream(in.seed, static_cast<std::uint64_t>(i));
            chooseDistinct(in.targets, r.degree, noSelf ? i : -1, rng, mark, chosen);
            rows.targets.insert(rows.targets.end(), chosen.begin(), chosen.end());
            endRow(i);
        }
        break;
    }
    case Kind::FixedInDegree: {
        checkDegree(in, in.sources - (noSelf ? 1 : 0), "in-degree", "sources");
        // Draw per target column, then transpose by counting sort; columns ascend so rows do too.
        std::vector<char> mark(static_cast<std::size_t>(in.sources) + 1, 0);
        std::vector<std::int32_t> chosen;
        std::vector<std::int32_t> sourcesOf;
        sourcesOf.reserve(static_cast<std::size_t>(in.targets) * static_cast<std::size_t>(r.degree));
        std::vector<std::uint64_t>& count = rows.offsets;
        for (int j = 0; j < in.targets; ++j) {
            Random rng = Random::stream(in.seed ^ 0xD1B54A32D192ED03ULL, static_cast<std::uint64_t>(j));
            chooseDistinct(in.sources, r.degree, noSelf ? j : -1, rng, mark, chosen);
            for (std::int32_t s : chosen) ++count[static_cast<std::size_t>(s) + 1];
            sourcesOf.insert(sourcesOf.end(), chosen.begin(), chosen.end());
        }
        for (std::size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
        rows.targets.assign(sourcesOf.size(), 0);
        std::vector<std::uint64_t> fill(count.begin(), count.end() - 1);
        const std::size_t k = static_cast<std::size_t>(r.degree);
        for (std::size_t s = 0; s < sourcesOf.size(); ++s)
            rows.targets[fill[static_cast<std::size_t>(sourcesOf[s])]++] = static_cast<std::int32_t>(s / k);
        return rows;
    }
    case Kind::Explicit: {
        std::vector<std::pair<int, int>> pairs = r.pairs;
        for (const auto& [i, j] : pairs)
            if (i < 0 || i >= in.sources || j < 0 || j >= in.targets)
                throw NetworkError(in.item + ", connectivity: the pair (" + std::to_string(i) + ", " +
                                   std::to_string(j) + ") is outside the populations (" + std::to_string(in.sources) +
                                   " sources, " + std::to_string(in.targets) + " targets)");
        std::sort(pairs.begin(), pairs.end());
        std::size_t k = 0;
        for (int i = 0; i < in.sources; ++i) {
            for (; k < pairs.size() && pairs[k].first == i; ++k) rows.targets.push_back(pairs[k].second);
            endRow(i);
        }
        break;
    }
    case Kind::Distance: {
        const double twoSigma2 = 2.0 * r.sigma * r.sigma;
        for (int i = 0; i < in.sources; ++i) {
            Random rng = Random::stream(in.seed, static_cast<std::uint64_t>(i));
            for (int j = 0; j < in.targets; ++j) {
                if (noSelf && i == j) continue;
                const double d = distance(in, i, j);
                if (rng.uniform() < r.peak * std::exp(-d * d / twoSigma2)) rows.targets.push_back(j);
            }
            endRow(i);
        }
        break;
    }
    }
    return rows;
}

} // namespace scs
