#!/usr/bin/python3
"""Brian2's CUBA benchmark, timed the way `spikelab bench` times its own engine.

The network is the classic Brian2 CUBA example (examples/CUBA.py) with the parameters of
Spikelab's issue 2: 4000 LIF neurons (3200 excitatory, 800 inhibitory), connection probability
0.02, taum 20 ms, taue 5 ms, taui 10 ms, Vt -50 mV, Vr -60 mV, El -49 mV, refractory 5 ms,
we = 60*0.27/10 mV, wi = -20*4.5/10 mV, V uniform in [Vr, Vt], dt 0.1 ms.

Default mode is C++ standalone: the project is generated and compiled once into a temporary
directory, then the compiled binary is run `--repeats` times. Each run writes its own
simulation-loop time (Network::_last_run_time, excluding start-up, connectivity generation
and file output) to results/last_run_info.txt, which `device.run()` reads back into
`device._last_run_time`. `--runtime` instead times Brian2's numpy runtime target, whose
figure is the wall time of `run()` after a short warm-up run has done code generation.

The last line on stdout is one JSON object; everything else (Brian2's logging, compiler
noise) goes to stderr, so the caller can parse stdout without guessing.
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import warnings


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration-ms", type=float, default=1000.0, help="simulated time, ms")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs (median is reported)")
    parser.add_argument("--seed", type=int, default=1, help="Brian2 random seed")
    parser.add_argument(
        "--runtime",
        action="store_true",
        help="time the numpy runtime target instead of C++ standalone",
    )
    return parser.parse_args()


def build_network(b2):
    """Creates the CUBA network in the current Brian2 device; returns the objects we read."""
    ms, mV = b2.ms, b2.mV
    taum, taue, taui = 20 * ms, 5 * ms, 10 * ms
    Vt, Vr, El = -50 * mV, -60 * mV, -49 * mV
    eqs = """
    dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
    dge/dt = -ge/taue : volt
    dgi/dt = -gi/taui : volt
    """
    b2.defaultclock.dt = 0.1 * ms
    P = b2.NeuronGroup(
        4000, eqs, threshold="v>Vt", reset="v = Vr", refractory=5 * ms, method="exact",
        namespace={"taum": taum, "taue": taue, "taui": taui, "Vt": Vt, "Vr": Vr, "El": El},
    )
    P.v = "Vr + rand() * (Vt - Vr)"
    P.ge = 0 * mV
    P.gi = 0 * mV
    we = (60 * 0.27 / 10) * mV
    wi = (-20 * 4.5 / 10) * mV
    Ce = b2.Synapses(P, P, on_pre="ge += we", namespace={"we": we})
    Ci = b2.Synapses(P, P, on_pre="gi += wi", namespace={"wi": wi})
    Ce.connect("i<3200", p=0.02)
    Ci.connect("i>=3200", p=0.02)
    monitor = b2.SpikeMonitor(P)
    net = b2.Network(P, Ce, Ci, monitor)
    return net, P, (Ce, Ci), monitor


def synaptic_events(np, group_size, synapses, monitor):
    """Sum over spikes of the spiking neuron's out-degree: the deliveries the run made."""
    out_degree = np.zeros(group_size, dtype=np.int64)
    for syn in synapses:
        out_degree += np.bincount(np.asarray(syn.i[:]), minlength=group_size)
    return int(out_degree[np.asarray(monitor.i[:])].sum())


def run_standalone(b2, np, args):
    directory = tempfile.mkdtemp(prefix="spikelab-brian2-cuba-")
    try:
        b2.set_device("cpp_standalone", directory=directory, build_on_run=False)
        b2.seed(args.seed)
        net, P, synapses, monitor = build_network(b2)
        net.run(args.duration_ms * b2.ms)
        started = time.perf_counter()
        # The first build also runs the binary once; that run counts as the first repeat.
        b2.device.build(directory=directory, compile=True, run=True, with_output=False)
        build_s = time.perf_counter() - started
        loop_s = [b2.device._last_run_time]
        spikes = [int(monitor.num_spikes)]
        for _ in range(args.repeats - 1):
            b2.device.run(directory, False, [])
            loop_s.append(b2.device._last_run_time)
            spikes.append(int(monitor.num_spikes))
        synapse_count = sum(len(s) for s in synapses)
        events = synaptic_events(np, len(P), synapses, monitor)
        return {
            "mode": "cpp_standalone",
            "build_s": build_s,
            "loop_s": loop_s,
            "spikes": spikes,
            "synapses": synapse_count,
            "synaptic_events": events,
        }
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def run_runtime(b2, np, args):
    b2.prefs.codegen.target = "numpy"
    b2.seed(args.seed)
    net, P, synapses, monitor = build_network(b2)
    # A one-step warm-up does code generation and connectivity so that the timed runs measure
    # the loop, as the standalone figure does.
    net.store("start")
    net.run(b2.defaultclock.dt)
    loop_s = []
    spikes = []
    for _ in range(args.repeats):
        net.restore("start")
        started = time.perf_counter()
        net.run(args.duration_ms * b2.ms)
        loop_s.append(time.perf_counter() - started)
        spikes.append(int(monitor.num_spikes))
    return {
        "mode": "runtime (numpy)",
        "build_s": 0.0,
        "loop_s": loop_s,
        "spikes": spikes,
        "synapses": sum(len(s) for s in synapses),
        "synaptic_events": synaptic_events(np, len(P), synapses, monitor),
    }


def main():
    args = parse_args()
    if args.repeats < 1:
        print("--repeats must be >= 1", file=sys.stderr)
        return 2
    # Brian2 and its dependencies log and warn on stdout/stderr; keep stdout for our JSON.
    real_stdout = sys.stdout
    sys.stdout = sys.stderr
    warnings.simplefilter("ignore")
    import numpy as np
    import brian2 as b2

    b2.prefs.logging.console_log_level = "WARNING"
    result = run_runtime(b2, np, args) if args.runtime else run_standalone(b2, np, args)
    result.update(
        {
            "brian2_version": b2.__version__,
            "duration_ms": args.duration_ms,
            "dt_ms": 0.1,
            "neurons": 4000,
            "seed": args.seed,
            "median_loop_s": statistics.median(result["loop_s"]),
            "threads": int(b2.prefs.devices.cpp_standalone.openmp_threads) or 1,
            "cpu_count": os.cpu_count(),
        }
    )
    sys.stdout = real_stdout
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
