// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a run's data as compact binary blobs (little-endian arrays) and back.
#pragma once

#include "ProjectModel.h"

#include <string>
#include <vector>

namespace scs::project {

/// One row of run_blobs. Encodings: "f64le" (a trace: count doubles), "spikes-i32le-f64le"
/// (count neuron indices, then count times in seconds), "json" (an analysis payload, UTF-8).
struct RunBlob {
    std::string name;
    std::string unit;
    std::string encoding;
    std::int64_t count = 0;
    std::vector<unsigned char> bytes;
};

std::vector<RunBlob> encodeRunData(const RunData& data);
/// Throws ProjectError naming `where` when a blob's size does not match its count or encoding.
RunData decodeRunData(const std::vector<RunBlob>& blobs, const std::string& where);

} // namespace scs::project
