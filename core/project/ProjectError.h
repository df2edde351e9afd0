// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the one error a project operation reports to the user.
#pragma once

#include <stdexcept>

namespace scs::project {

/// A project could not be opened, saved or read. The message is one line that names the file and
/// says what happened and what state the file on disk is in.
class ProjectError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace scs::project
