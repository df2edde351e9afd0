#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Side-by-side playground benchmark: our engine and Brian2 (../shared/bench/brian2_hh.py) in the
# same run, so machine noise hits both; prints a Markdown table of times and ratios.
# Usage: scripts/bench-playground.sh [--with-numpy-fi]   (Brian2 numpy's f-I sweep takes ~6 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh --bench >/dev/null
scripts/build.sh >/dev/null
shared_bench=${SCS_SHARED_BENCH_DIR:-../shared/bench}
ours=$(build/tests/bench/bench_playground --benchmark_format=json --benchmark_min_time=1 2>/dev/null)
ms() { # benchmark name -> real time in ms
  python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print([b["real_time"] for b in d["benchmarks"] if b["name"].startswith(sys.argv[2])][0])' "$ours" "$1"
}
brian() { /usr/bin/python3 "$shared_bench/brian2_hh.py" "$1" "$2" | tail -n 1; }
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }

hh_single=$(ms "HH_Single/record:0/native:1"); hh_single_rec=$(ms "HH_Single/record:1/native:1")
hh_single_interp=$(ms "HH_Single/record:0/native:0"); hh_compile=$(ms "HH_NativeCompile")
fi1=$(ms "HH_FiCurve/1"); fi2=$(ms "HH_FiCurve/2"); slider=$(ms "Slider_FourStates")
b_single_cpp=$(brian cpp_standalone single); b_fi_cpp=$(brian cpp_standalone fi)
b_single_np=$(brian numpy single)
b_fi_np='{"sim_wall_s": null}'
[[ "${1:-}" == "--with-numpy-fi" ]] && b_fi_np=$(brian numpy fi)

python3 - "$hh_single" "$hh_single_rec" "$fi1" "$fi2" "$slider" "$b_single_cpp" "$b_fi_cpp" "$b_single_np" "$b_fi_np" \
  "$hh_single_interp" "$hh_compile" <<'PY'
import json, sys
hh, hh_rec, fi1, fi2, slider = (float(x) for x in sys.argv[1:6])
bsc, bfc, bsn, bfn = (json.loads(x) for x in sys.argv[6:10])
hh_interp, hh_compile = (float(x) for x in sys.argv[10:12])
def row(what, ours_ms, ref_name, ref_s):
    if ref_s is None: return f"| {what} | {ours_ms:.1f} ms | {ref_name} | not run | |"
    return f"| {what} | {ours_ms:.1f} ms | {ref_name} | {ref_s*1e3:.1f} ms | {ref_s*1e3/ours_ms:.1f}x |"
print("| workload | ours | reference | reference time | ours faster by |")
print("|---|---|---|---|---|")
print(row("HH single, 200 ms rk4 (spikes only), native step", hh, "Brian2 cpp_standalone (sim only)", bsc["sim_wall_s"]))
print(row("HH single, 200 ms rk4 (spikes only), interpreter", hh_interp, "Brian2 cpp_standalone (sim only)", bsc["sim_wall_s"]))
print(row("HH single, 200 ms rk4 (spikes only)", hh, "Brian2 numpy", bsn["sim_wall_s"]))
print(row("HH single, recording all 4 states, native step", hh_rec, "Brian2 cpp_standalone (sim only)", bsc["sim_wall_s"]))
print(row("HH f-I, 100 currents x 1 s, 1 thread", fi1, "Brian2 cpp_standalone (sim only)", bfc["sim_wall_s"]))
print(row("HH f-I, 100 currents x 1 s, 2 threads", fi2, "Brian2 cpp_standalone (sim only)", bfc["sim_wall_s"]))
print(row("HH f-I, 100 currents x 1 s, 2 threads", fi2, "Brian2 numpy", bfn["sim_wall_s"]))
print(f"| slider re-simulation, 4 states x 20,000 steps | {slider:.1f} ms | budget 16 ms incl. redraw | | |")
print(f"| native step compile (once per model text) | {hh_compile:.1f} ms | Brian2 cpp_standalone compile | "
      f"{(bsc['with_build_s'] - bsc['sim_wall_s'])*1e3:.0f} ms | {(bsc['with_build_s'] - bsc['sim_wall_s'])*1e3/hh_compile:.0f}x |")
print()
print(f"Brian2 cpp_standalone compile+run: single {bsc['with_build_s']:.1f} s, f-I {bfc['with_build_s']:.1f} s "
      f"(spikes: single {bsc['spikes']}, f-I {bfc['spikes']}).")
PY
