#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Side-by-side network benchmark: our simulator (tests/bench/bench_network) and Brian2
# (../shared/bench/brian2_cuba.py, cpp_standalone and numpy) in the same run, so machine noise hits
# both; prints a Markdown table of times and ratios, then the 100,000-neuron scale numbers.
# Usage: scripts/bench-network.sh
# Environment: SCS_SHARED_BENCH_DIR (default ../shared/bench), SCS_BUILD_DIR (default build).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh --bench >/dev/null
build=${SCS_BUILD_DIR:-build}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target bench_network -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
shared_bench=${SCS_SHARED_BENCH_DIR:-../shared/bench}
ours=$("$build"/tests/bench/bench_network --benchmark_format=json 2>/dev/null)
brian() { /usr/bin/python3 "$shared_bench/brian2_cuba.py" "$1" 2>/dev/null | tail -n 1; }
b_cpp=$(brian cpp_standalone)
b_np=$(brian numpy)

python3 - "$ours" "$b_cpp" "$b_np" <<'PY'
import json, sys
ours = {b["name"].split("/min_time")[0].split("/iterations")[0]: b for b in json.loads(sys.argv[1])["benchmarks"]}
cpp, numpy = json.loads(sys.argv[2]), json.loads(sys.argv[3])
def ms(name): return ours[name]["real_time"]
print("| workload | ours | reference | reference time | ours faster by |")
print("|---|---|---|---|---|")
for threads in (1, 2):
    t = ms(f"Cuba/{threads}")
    for ref_name, ref in (("Brian2 cpp_standalone (sim only)", cpp), ("Brian2 numpy", numpy)):
        r = ref["sim_wall_s"] * 1e3
        print(f"| CUBA 4,000 LIF, 1 s, {threads} thread{'s' if threads > 1 else ''} | {t:.1f} ms | {ref_name} | "
              f"{r:.1f} ms | {r / t:.2f}x |")
print()
print(f"Brian2 cpp_standalone compile+run: {cpp['build_and_run_wall_s']:.1f} s. Spikes: ours "
      f"{ours['Cuba/1']['spikes']:.0f}, Brian2 cpp_standalone {cpp['spikes']}, numpy {numpy['spikes']} "
      f"(different random streams; the parity test compares statistics).")
print()
print("| 100,000 neurons, 10,000,000 synapses, 0.2 s | run time | synaptic events/s | bytes/synapse (structure) | resident bytes/synapse |")
print("|---|---|---|---|---|")
for threads in (1, 2):
    b = ours[f"Large/{threads}"]
    print(f"| {threads} thread{'s' if threads > 1 else ''} | {b['real_time']:.0f} ms | {b['events_per_s'] / 1e6:.1f} M | "
          f"{b['bytes_per_synapse']:.2f} | {b['rss_per_synapse']:.1f} |")
PY
