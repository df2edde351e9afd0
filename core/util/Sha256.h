// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — SHA-256 digests (OpenSSL's libcrypto) for manifests.
#pragma once

#include <string>
#include <string_view>

namespace scs {

/// Lower-case hex SHA-256 of `bytes`.
std::string sha256Hex(std::string_view bytes);

/// The current time as ISO 8601 UTC with seconds, "2026-11-23T15:20:07Z".
std::string isoTimeUtcNow();

} // namespace scs
