// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — run blobs. Arrays are stored as the machine's bytes, which are
// little-endian on every platform the studio builds for (checked at compile time), so a million
// spikes save and load as one copy each way.
#include "RunCodec.h"

#include "ProjectError.h"

#include <bit>
#include <cstring>

namespace scs::project {

static_assert(std::endian::native == std::endian::little, "run blobs are stored little-endian");

namespace {

constexpr const char* kTrace = "f64le";
constexpr const char* kSpikes = "spikes-i32le-f64le";
constexpr const char* kJson = "json";

template <class T>
void append(std::vector<unsigned char>& out, const std::vector<T>& values) {
    const std::size_t at = out.size();
    out.resize(at + values.size() * sizeof(T));
    if (!values.empty()) std::memcpy(out.data() + at, values.data(), values.size() * sizeof(T));
}

template <class T>
std::vector<T> take(const unsigned char* at, std::size_t count) {
    std::vector<T> values(count);
    if (count) std::memcpy(values.data(), at, count * sizeof(T));
    return values;
}

} // namespace

std::vector<RunBlob> encodeRunData(const RunData& data) {
    std::vector<RunBlob> blobs;
    for (const Trace& t : data.traces) {
        RunBlob b{t.name, t.unit, kTrace, static_cast<std::int64_t>(t.values.size()), {}};
        append(b.bytes, t.values);
        blobs.push_back(std::move(b));
    }
    if (!data.spikeTimes.empty() || !data.spikeIndex.empty()) {
        RunBlob b{"spikes", "second", kSpikes, static_cast<std::int64_t>(data.spikeTimes.size()), {}};
        append(b.bytes, data.spikeIndex);
        append(b.bytes, data.spikeTimes);
        blobs.push_back(std::move(b));
    }
    if (!data.payload.is_null()) {
        const std::string text = data.payload.dump();
        blobs.push_back(RunBlob{"payload", "", kJson, static_cast<std::int64_t>(text.size()),
                                std::vector<unsigned char>(text.begin(), text.end())});
    }
    return blobs;
}

RunData decodeRunData(const std::vector<RunBlob>& blobs, const std::string& where) {
    RunData data;
    for (const RunBlob& b : blobs) {
        const std::string what = where + ", blob '" + b.name + "'";
        if (b.count < 0) throw ProjectError(what + ": negative count");
        const auto count = static_cast<std::size_t>(b.count);
        if (b.encoding == kTrace) {
            // Divide rather than multiply: a damaged count times 8 can wrap around to the blob's size.
            if (b.bytes.size() % sizeof(double) != 0 || b.bytes.size() / sizeof(double) != count)
                throw ProjectError(what + ": " + std::to_string(b.bytes.size()) + " bytes for " +
                                   std::to_string(count) + " values (damaged)");
            data.traces.push_back(Trace{b.name, b.unit, take<double>(b.bytes.data(), count)});
        } else if (b.encoding == kSpikes) {
            constexpr std::size_t perSpike = sizeof(std::int32_t) + sizeof(double);
            if (b.bytes.size() % perSpike != 0 || b.bytes.size() / perSpike != count)
                throw ProjectError(what + ": " + std::to_string(b.bytes.size()) + " bytes for " +
                                   std::to_string(count) + " spikes (damaged)");
            data.spikeIndex = take<std::int32_t>(b.bytes.data(), count);
            data.spikeTimes = take<double>(b.bytes.data() + count * sizeof(std::int32_t), count);
        } else if (b.encoding == kJson) {
            try {
                data.payload = nlohmann::json::parse(b.bytes.begin(), b.bytes.end());
            } catch (const nlohmann::json::exception&) {
                throw ProjectError(what + ": not valid JSON (damaged)");
            }
        } else {
            throw ProjectError(what + ": unknown encoding '" + b.encoding + "'");
        }
    }
    return data;
}

} // namespace scs::project
