#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# SC-NeuroCore Studio — statistics of the CUBA network in Brian2, for the studio's parity test.
"""Runs the CUBA benchmark network (as ../shared/bench/brian2_cuba.py documents it: 4000 LIF
neurons, 80 % excitatory, p = 0.02, exact integration, 1 s, dt 0.1 ms, refractory 5 ms, v uniform
in [Vr, Vt)) with Brian2's numpy target and prints one JSON line per seed: the mean firing rate (Hz)
and the mean CV of the inter-spike intervals (over neurons with at least 3 spikes; population
standard deviation, as the studio's SpikeStatistics).

Usage: /usr/bin/python3 brian2_cuba_stats.py SEED [SEED ...]
"""
import json
import sys

import numpy as np
from brian2 import (NeuronGroup, SpikeMonitor, Synapses, defaultclock, mV, ms, prefs, run, second,
                    seed, start_scope)

prefs.codegen.target = 'numpy'


def cv_of_isi(trains):
    cvs = []
    for times in trains.values():
        if len(times) < 3:
            continue
        isi = np.diff(np.asarray(times))
        cvs.append(np.std(isi) / np.mean(isi))
    return float(np.mean(cvs)) if cvs else float('nan')


def one_run(seed_value, n=4000, duration=1.0):
    start_scope()
    seed(seed_value)
    defaultclock.dt = 0.1 * ms
    taum = 20 * ms; taue = 5 * ms; taui = 10 * ms
    Vt = -50 * mV; Vr = -60 * mV; El = -49 * mV
    eqs = '''
    dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
    dge/dt = -ge/taue : volt
    dgi/dt = -gi/taui : volt
    '''
    P = NeuronGroup(n, eqs, threshold='v>Vt', reset='v = Vr', refractory=5 * ms, method='exact')
    P.v = 'Vr + rand() * (Vt - Vr)'
    P.ge = 0 * mV
    P.gi = 0 * mV
    we = (60 * 0.27 / 10) * mV
    wi = (-20 * 4.5 / 10) * mV
    ne = int(n * 0.8)
    Ce = Synapses(P, P, on_pre='ge += we')
    Ci = Synapses(P, P, on_pre='gi += wi')
    Ce.connect('i<ne', p=0.02)
    Ci.connect('i>=ne', p=0.02)
    mon = SpikeMonitor(P)
    run(duration * second)
    return dict(seed=seed_value, spikes=int(mon.num_spikes),
                mean_rate_hz=float(mon.num_spikes) / n / duration,
                cv_isi=cv_of_isi(mon.spike_trains()))


if __name__ == '__main__':
    for s in (sys.argv[1:] or ['1']):
        print(json.dumps(one_run(int(s))), flush=True)
