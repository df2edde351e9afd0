// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — project store tests: a deep, bit-exact compare of projects and child-process helpers.
#include "ProjectTestSupport.h"

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace scs::project::test {

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

namespace {

std::uint64_t bitsOf(double d) {
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    return bits;
}

bool sameDoubles(const std::vector<double>& a, const std::vector<double>& b, bool anyNan) {
    if (!anyNan) return sameBits(a, b);
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(std::isnan(a[i]) && std::isnan(b[i])) && bitsOf(a[i]) != bitsOf(b[i])) return false;
    return true;
}

void compareModels(const std::string& where, const scs::CatalogueEntry& a, const scs::CatalogueEntry& b,
                   std::vector<std::string>& out) {
    auto field = [&](const char* name, const auto& x, const auto& y) {
        if (!(x == y)) out.push_back(where + ": model " + name + " differs");
    };
    field("id", a.id, b.id);
    field("name", a.name, b.name);
    field("category", a.category, b.category);
    field("citation", a.citation, b.citation);
    field("description", a.description, b.description);
    field("spec", a.spec, b.spec);
    field("drive", a.drive, b.drive);
    field("protocol", a.protocol, b.protocol);
    field("dt", a.dt, b.dt);
    field("duration", a.duration, b.duration);
    field("record_every", a.recordEvery, b.recordEvery);
    field("expected_pattern", a.expectedPattern, b.expectedPattern);
    field("tags", a.tags, b.tags);
    bool rangesEqual = a.ranges.size() == b.ranges.size();
    for (std::size_t i = 0; rangesEqual && i < a.ranges.size(); ++i)
        rangesEqual = a.ranges[i].name == b.ranges[i].name && a.ranges[i].min == b.ranges[i].min &&
                      a.ranges[i].max == b.ranges[i].max && a.ranges[i].hint == b.ranges[i].hint;
    if (!rangesEqual) out.push_back(where + ": model ranges differ");
}

/// The same JSON, told apart by its text so that -0.0 and 0.0 differ (nlohmann's == does not).
bool sameJson(const nlohmann::json& a, const nlohmann::json& b) { return a.dump() == b.dump(); }

bool sameKeptBody(const std::string& a, const std::string& b, bool asJson) {
    if (a == b) return true;
    if (!asJson) return false;
    try {
        return sameJson(nlohmann::json::parse(a), nlohmann::json::parse(b));
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

void compareRunData(const std::string& where, const RunData& a, const RunData& b, bool anyNan,
                    std::vector<std::string>& out) {
    if (a.traces.size() != b.traces.size()) {
        out.push_back(where + ": " + std::to_string(a.traces.size()) + " traces, got " +
                      std::to_string(b.traces.size()));
    } else {
        for (std::size_t i = 0; i < a.traces.size(); ++i) {
            const std::string t = where + " trace " + std::to_string(i);
            if (a.traces[i].name != b.traces[i].name || a.traces[i].unit != b.traces[i].unit)
                out.push_back(t + ": name or unit differs");
            if (!sameDoubles(a.traces[i].values, b.traces[i].values, anyNan)) out.push_back(t + ": values differ");
        }
    }
    if (a.spikeIndex != b.spikeIndex) out.push_back(where + ": spike indices differ");
    if (!sameDoubles(a.spikeTimes, b.spikeTimes, anyNan)) out.push_back(where + ": spike times differ");
    if (!sameJson(a.payload, b.payload)) out.push_back(where + ": payload differs");
    if (a.populationSpikes.size() != b.populationSpikes.size()) {
        out.push_back(where + ": " + std::to_string(a.populationSpikes.size()) + " populations' spikes, got " +
                      std::to_string(b.populationSpikes.size()));
        return;
    }
    for (std::size_t i = 0; i < a.populationSpikes.size(); ++i) {
        const scs::PopulationSpikes& x = a.populationSpikes[i];
        const scs::PopulationSpikes& y = b.populationSpikes[i];
        if (x.populationId != y.populationId || x.name != y.name || x.size != y.size || x.steps != y.steps ||
            x.neurons != y.neurons)
            out.push_back(where + ": network spikes of population #" + std::to_string(i) + " differ");
    }
}

} // namespace

std::vector<std::string> differences(const Project& expected, const Project& actual, CompareOptions options) {
    std::vector<std::string> out;
    static const std::vector<std::string> addedBySave{"created_by", "created_at", "saved_by", "saved_at"};
    auto addedBySaveKey = [&](const std::string& k) {
        return std::find(addedBySave.begin(), addedBySave.end(), k) != addedBySave.end();
    };
    for (const auto& [k, v] : expected.meta) {
        auto it = actual.meta.find(k);
        if (it == actual.meta.end())
            out.push_back("meta '" + k + "' is missing");
        else if (it->second != v && k != "saved_at" && k != "saved_by")
            out.push_back("meta '" + k + "' differs");
    }
    for (const auto& [k, v] : actual.meta)
        if (!expected.meta.count(k) && !addedBySaveKey(k)) out.push_back("meta '" + k + "' was added");

    if (expected.documents.size() != actual.documents.size()) {
        out.push_back(std::to_string(expected.documents.size()) + " documents, got " +
                      std::to_string(actual.documents.size()));
    } else {
        for (std::size_t i = 0; i < expected.documents.size(); ++i) {
            const Document& a = expected.documents[i];
            const Document& b = actual.documents[i];
            const std::string where = "document #" + std::to_string(i) + " (id " + std::to_string(a.id) + ")";
            if (a.id != b.id || a.type != b.type || a.kept != b.kept) {
                out.push_back(where + ": id, type or kept differs");
                continue;
            }
            if (a.title() != b.title()) out.push_back(where + ": title differs");
            if (a.kept) {
                if (!sameKeptBody(a.keptBody, b.keptBody, options.keptBodyAsJson))
                    out.push_back(where + ": kept body differs: " + a.keptBody.substr(0, 60) + " vs " +
                                  b.keptBody.substr(0, 60));
            } else if (a.type == doctype::catalogueModel) {
                compareModels(where, a.model, b.model, out);
            } else if (a.type == doctype::network) {
                if (!(a.network == b.network)) out.push_back(where + ": network graph differs");
            } else {
                compareModels(where, a.playground.model, b.playground.model, out);
                if (!(a.playground.simulation == b.playground.simulation))
                    out.push_back(where + ": simulation differs");
                if (!sameJson(a.playground.analysis, b.playground.analysis))
                    out.push_back(where + ": analysis differs");
                if (!sameJson(a.playground.extra, b.playground.extra)) out.push_back(where + ": extra differs");
            }
        }
    }

    if (expected.runs.size() != actual.runs.size()) {
        out.push_back(std::to_string(expected.runs.size()) + " runs, got " + std::to_string(actual.runs.size()));
    } else {
        for (std::size_t i = 0; i < expected.runs.size(); ++i) {
            const Run& a = expected.runs[i];
            const Run& b = actual.runs[i];
            const std::string where = "run #" + std::to_string(i) + " (id " + std::to_string(a.id) + ")";
            const RunManifest& m = a.manifest;
            const RunManifest& n = b.manifest;
            if (a.id != b.id || a.documentId != b.documentId) out.push_back(where + ": id or document differs");
            if (m.kind != n.kind || m.label != n.label || m.createdAt != n.createdAt ||
                m.engineVersion != n.engineVersion || m.inputsSha256 != n.inputsSha256 ||
                !sameJson(m.summary, n.summary))
                out.push_back(where + ": manifest differs");
            if (a.id == b.id)
                compareRunData(where, *expected.runData(a.id), *actual.runData(b.id), options.anyNan, out);
        }
    }

    const ViewState& v = expected.view;
    const ViewState& w = actual.view;
    if (v.openDocuments != w.openDocuments || v.activeDocument != w.activeDocument)
        out.emplace_back("view: open documents differ");
    if (v.plotRanges.size() != w.plotRanges.size()) out.emplace_back("view: plot range count differs");
    for (const auto& [key, r] : v.plotRanges) {
        auto it = w.plotRanges.find(key);
        if (it == w.plotRanges.end() || !sameBits({r.xMin, r.xMax, r.yMin, r.yMax},
                                                  {it->second.xMin, it->second.xMax, it->second.yMin, it->second.yMax}))
            out.push_back("view: plot range '" + key + "' differs or is missing");
    }
    if (!sameJson(v.extra, w.extra)) out.emplace_back("view: extra differs");
    return out;
}

std::string describe(const std::vector<std::string>& differences) {
    std::string text;
    for (const std::string& d : differences) text += d + "\n";
    return text;
}

std::string firstDifference(const std::string& expected, const std::string& actual) {
    if (expected == actual) return {};
    std::size_t at = 0;
    while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) ++at;
    const std::size_t line = expected.rfind('\n', at == 0 ? 0 : at - 1);
    const std::size_t from = line == std::string::npos ? 0 : line + 1;
    auto lineOf = [&](const std::string& s) {
        return s.substr(from, std::min<std::size_t>(s.find('\n', from) - from, 200));
    };
    return "texts differ at byte " + std::to_string(at) + ": expected '" + lineOf(expected) + "', got '" +
           lineOf(actual) + "'";
}

std::string inChildProcess(const std::function<std::string()>& body, bool dropRoot) {
    int fds[2];
    if (::pipe(fds) != 0) return "child: no pipe";
    const pid_t pid = ::fork();
    if (pid < 0) return "child: cannot fork";
    if (pid == 0) {
        ::close(fds[0]);
        std::string result;
        if (dropRoot && ::geteuid() == 0 &&
            (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)) {
            result = "child: cannot become nobody";
        } else {
            try {
                result = body();
            } catch (const std::exception& e) {
                result = std::string("child: unexpected exception: ") + e.what();
            }
        }
        for (std::size_t at = 0; at < result.size();) {
            const ssize_t n = ::write(fds[1], result.data() + at, result.size() - at);
            if (n <= 0) break;
            at += std::size_t(n);
        }
        ::_exit(0); // no atexit handlers, no gtest teardown in the child
    }
    ::close(fds[1]);
    std::string result;
    std::array<char, 4096> buffer{};
    for (ssize_t n; (n = ::read(fds[0], buffer.data(), buffer.size())) > 0;)
        result.append(buffer.data(), std::size_t(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return "child: ended abnormally (status " + std::to_string(status) + "): " + result;
    return result;
}

std::vector<std::filesystem::path> filesStartingWith(const std::filesystem::path& dir, const std::string& prefix) {
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().filename().string().rfind(prefix, 0) == 0) found.push_back(entry.path());
    return found;
}

} // namespace scs::project::test
