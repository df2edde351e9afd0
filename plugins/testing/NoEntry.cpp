// SPDX-License-Identifier: MIT
// Loader test fixture — a valid shared library that is not a plugin: no scs_plugin_entry.
extern "C" __attribute__((visibility("default"))) int scs_fixture_not_a_plugin() { return 42; }
