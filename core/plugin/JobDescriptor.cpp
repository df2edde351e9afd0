// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — JobDescriptor helpers: the persistent id rule.
#include "plugin/JobDescriptor.h"

namespace scs {

bool isValidPersistentId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    if (id.front() < 'a' || id.front() > 'z' || id.back() == '_') return false;
    char previous = 0;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok || (c == '_' && previous == '_')) return false;
        previous = c;
    }
    return true;
}

} // namespace scs
