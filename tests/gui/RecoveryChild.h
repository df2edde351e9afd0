// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the child half of the crash-recovery test (see RecoveryTest.cpp).
#pragma once

#include <QString>

namespace scs::test {

/// Opens `project` in a studio that autosaves to `recoveryDirectory` every 100 ms, makes one
/// edit, prints "EDITED <value>" and "AUTOSAVED <file>" and waits to be killed.
int runRecoveryChild(const QString& recoveryDirectory, const QString& project);

} // namespace scs::test
