#!/usr/bin/env python3
"""Reference traces of Rockpool's DynapSim step, in float64, for tests/unit/engine.

Rockpool (JAX) cannot be installed here, so this is an independent float64 transcription of
the equations of `DynapSim.evolve` (rockpool/devices/dynapse/simulation/dynapsim.py): DPI
synapse discharge and pulse charge, AHP, membrane forward Euler with positive feedback, spike
when Imem > Ispkthr, reset to Io, refractory timer. The engine's float32 step must follow it
(spike steps equal, Imem close). Run: python3 scripts/dynapsim_vectors.py > \
tests/unit/engine/fixtures/dynapsim-vectors.json
"""
import json
import math

# Rockpool defaults (lookup/defaults.py).
KAPPA_N, KAPPA_P, UT, VTH, IO = 0.75, 0.66, 25e-3, 0.7, 5e-13
C = dict(ahp=40e-12, syn=24.5e-12, pulse_ahp=0.5e-12, pulse=0.5e-12, ref=1.5e-12, mem=3e-12)
KAPPA = (KAPPA_N + KAPPA_P) / 2


def itau(c, tau):
    return UT / KAPPA * c / tau


def ipw(c, t):
    return VTH * c / t


DEFAULTS = dict(
    Idc=IO,
    Igain_ahp=itau(C["ahp"], 50e-3),
    Igain_mem=4 * itau(C["mem"], 20e-3),
    Igain_syn=100 * itau(C["syn"], 10e-3),
    Ipulse_ahp=ipw(C["pulse_ahp"], 1e-6),
    Ipulse=ipw(C["pulse"], 10e-6),
    Iref=ipw(C["ref"], 1e-3),
    Ispkthr=1e-7,
    Itau_ahp=itau(C["ahp"], 50e-3),
    Itau_mem=itau(C["mem"], 20e-3),
    Itau_syn=itau(C["syn"], 10e-3),
    Iw_ahp=5e-13,
    Iscale=1e-8,
)


def simulate(p, ws_by_step, steps, dt):
    """One neuron; ws_by_step[t] is the weighted input consumed at step t."""
    tau = lambda i, c: UT / KAPPA * c / max(i, IO)
    t_pulse = VTH * C["pulse"] / p["Ipulse"]
    t_pulse_ahp = VTH * C["pulse_ahp"] / p["Ipulse_ahp"]
    t_ref = VTH * C["ref"] / p["Iref"]
    tau_syn, tau_ahp = tau(p["Itau_syn"], C["syn"]), tau(p["Itau_ahp"], C["ahp"])
    itau_mem, igain_mem = max(p["Itau_mem"], IO), max(p["Igain_mem"], IO)
    imem = isyn = iahp = IO
    vmem = timer = 0.0
    spiked = 0
    trace, spikes = [], []
    for t in range(steps):
        ws = ws_by_step.get(t, 0.0)
        syn_inf = max(IO, max(p["Igain_syn"], IO) / max(p["Itau_syn"], IO) * ws * p["Iscale"])
        isyn = math.exp(-dt / tau_syn) * isyn + (1 - math.exp(-t_pulse / tau_syn)) * syn_inf
        ahp_inf = max(p["Igain_ahp"], IO) / max(p["Itau_ahp"], IO) * p["Iw_ahp"] * spiked
        iahp = math.exp(-dt / tau_ahp) * iahp + (1 - math.exp(-t_pulse_ahp / tau_ahp)) * ahp_inf
        iahp = max(iahp, IO)
        feedback = math.exp(KAPPA**2 / (KAPPA + 1) * vmem / UT)
        ileak = itau_mem + iahp
        iin = 0.0 if timer > 0 else isyn - ileak + p["Idc"]
        iin = max(iin, IO)
        imem_inf = igain_mem / itau_mem * (iin - ileak)
        f_imem = IO * feedback / ileak * (imem + igain_mem)
        tau_mem = UT / KAPPA * C["mem"] / ileak
        d_imem = imem / (tau_mem * (imem + igain_mem)) * (imem_inf + f_imem - imem * (1 + iahp / itau_mem))
        imem = max(imem + d_imem * dt, IO)
        vmem = UT / KAPPA * math.log(imem / IO)
        timer = max(timer - dt, 0.0)
        spiked = 1 if imem > p["Ispkthr"] else 0
        if spiked:
            spikes.append(t)
            imem = IO
            timer = t_ref
        trace.append(imem)
    return trace, spikes


CASES = [
    dict(name="dc 100 pA", params=dict(Idc=1e-10), inputs={}),
    dict(name="dc 1 nA", params=dict(Idc=1e-9), inputs={}),
    dict(
        name="dc 1 nA with adaptation",
        params=dict(Idc=1e-9, Iw_ahp=4e-9, Itau_ahp=DEFAULTS["Itau_ahp"] / 4, Igain_ahp=25 * DEFAULTS["Itau_ahp"]),
        inputs={},
    ),
    dict(name="dc 100 nA, t_ref 5 ms", params=dict(Idc=1e-7, Iref=ipw(C["ref"], 5e-3)), inputs={}),
    dict(
        name="input spikes of weight 2",
        params=dict(Idc=1e-11),
        inputs={t: 2.0 for t in range(20, 400, 7)},
    ),
]


def main():
    out = []
    for case in CASES:
        params = dict(DEFAULTS, **case["params"])
        trace, spikes = simulate(params, case["inputs"], 400, 1e-3)
        out.append(
            dict(
                name=case["name"],
                params=case["params"],
                input_steps=sorted(case["inputs"]),
                input_weight=2.0 if case["inputs"] else 0.0,
                imem=trace,
                spikes=spikes,
            )
        )
    print(json.dumps(out))


if __name__ == "__main__":
    main()
