#!/usr/bin/python3
"""Test vectors for Spikelab's Loihi learning (traces and dw), produced by brian2-loihi itself.

Runs brian2-loihi (sagacitysite/brian2_loihi, imported from the directory given by
--brian2-loihi, a checkout of that repository) with Brian2's numpy target and writes JSON with:

- exact cases, where no random draw can change anything (precision 1, or a dw that is a
  multiple of the precision; traces with tau 1 or decays without fractions within the run):
  every group's v (at `end`), I (at `synapses`) and spikes, and every learning synapse's w and
  w_act (at `end`) and traces (at `synapses`), step by step;
- statistical cases, many independent synapses with fractional trace decays and dw not a
  multiple of the precision: per step, the mean and the variance (over the synapses) of w and
  of every trace, plus the groups' spikes;
- quirk cases, where brian2-loihi's stochastic rounding of dw differs from Spikelab's (see
  statistical_cases), recorded the same way;
- the messages brian2-loihi raises for bad learning rules.

A case lists its generators, groups and synapses explicitly (connections as 'all_to_all' or
'one_to_one', created in Spikelab's CSR order: sources ascending, then targets ascending;
weight mantissas per synapse in that order), so the TypeScript test builds the same network.
Every case whose rule reads x0 (y0) has an x (y) trace on: brian2-loihi sets x0 (y0) only
then, Spikelab (like Loihi) on every pre (post) spike (src/engine/CONTEXT.md step 5d).

Usage: /usr/bin/python3 scripts/loihi_learning_vectors.py --brian2-loihi DIR \\
           > tests/unit/engine/fixtures/loihi-learning-vectors.json
with DIR a checkout of brian2-loihi, e.g. one made from the mirror by
`mkdir /tmp/brian2_loihi && git -C /work/.mirror/sagacitysite+brian2_loihi/repo archive HEAD | tar -x -C /tmp/brian2_loihi`.
"""

import argparse
import importlib
import json
import os
import re
import shutil
import sys
import tempfile
import warnings

MODES = {'mixed': 1, 'excitatory': 2, 'inhibitory': 3}
TRACES = ('x1', 'x2', 'y1', 'y2', 'y3')


def loihi_group(size, refractory=1, threshold=100, decay_v=4096, decay_I=4096):
    return {'size': size, 'refractory': refractory, 'threshold_v_mant': threshold,
            'decay_v': decay_v, 'decay_I': decay_I}


def synapses(source, target, w, connect='all_to_all', dw='', traces=None, delay=0, w_exp=0,
             sign_mode='excitatory', bits=8):
    return {'source': source, 'target': target, 'connect': connect, 'w': w, 'dw': dw,
            'traces': traces or {}, 'delay': delay, 'w_exp': w_exp, 'sign_mode': sign_mode,
            'num_weight_bits': bits}


def exact_cases():
    out = []
    # Pairing: pre spikes (gen0, two sources) against post spikes forced by gen1's drive, at
    # delays 0, 1 and 4, with both trace kinds at tau 1 and a rule with fractions (precision 1).
    for delay in (0, 1, 4):
        out.append({
            'name': f'pairing, delay {delay}', 'duration': 30,
            'generators': [
                {'size': 2, 'indices': [0, 1, 0, 1, 0, 0, 1, 1], 'times': [0, 2, 5, 5, 9, 14, 17, 21]},
                {'size': 1, 'indices': [0, 0, 0, 0, 0], 'times': [1, 5, 6, 12, 20]},
            ],
            'groups': [loihi_group(2, threshold=150)],
            'synapses': [
                synapses('gen0', 0, [60, 20, 90, 40], dw='2^-2*x1*y0 - 2^-1*y1*x0 + 3*x0 - 2*y0',
                         traces={'x1': [20, 1], 'y1': [9, 1]}, delay=delay),
                synapses('gen1', 0, [200, 200]),
            ],
        })
    # u terms, sign(), w in the rule, every trace on (tau 1), a Loihi source learning into a
    # second group (its delays count one step more) and inhibition.
    out.append({
        'name': 'u terms, sign, w, Loihi source', 'duration': 40,
        'generators': [{'size': 2, 'indices': [0, 1, 0, 0, 1, 0, 1, 0], 'times': [0, 1, 3, 8, 8, 15, 22, 30]}],
        'groups': [loihi_group(2, refractory=2, threshold=40, decay_v=1024, decay_I=2048),
                   loihi_group(3, refractory=1, threshold=60, decay_v=512, decay_I=1024)],
        'synapses': [
            synapses('gen0', 0, [120, 40, 30, 100]),
            synapses(0, 1, [50, 10, 70, 90, 20, 5], delay=2,
                     dw='u2*3 - u3*x0*2 + y0*u0 + sign(w-60)*y0*4 - 2^-4*w*x0 + x2*y0 - y2*x0 + 2^-3*y3*u1 + x1*y1*x0 - 7*u5',
                     traces={'x1': [3, 1], 'x2': [5, 1], 'y1': [2, 1], 'y2': [6, 1], 'y3': [11, 1]}),
            synapses(1, 0, [-30, -60, -10, -200, -5, -90], sign_mode='inhibitory', delay=1),
        ],
    })
    # Clipping at each sign mode's bounds, w_exp, and precisions above 1 with dw a multiple of
    # the precision (the learned w_act is not truncated to the precision; the initial one is).
    bounds = [
        ('excitatory', 8, 0, [250, 3], '2^3*x0 - 2^3*y0'),
        ('inhibitory', 8, -3, [-250, -3], '2^3*y0 - 2^3*x0'),
        ('mixed', 8, 2, [250, -250], '2^3*x0 - 2^4*y0*sign(w) - 2^4*y0'),
        ('excitatory', 6, 5, [13, 250], '2^2*x0 - 2^3*y0 + 2^2*u4'),
        ('mixed', 5, -8, [-201, 77], '2^4*x0 - 2^5*y0'),
        ('inhibitory', 3, 7, [-3, -255], '2^5*y0 - 2^6*x0*u1'),
    ]
    for mode, bits, w_exp, w, dw in bounds:
        out.append({
            'name': f'bounds {mode}, {bits} bits, w_exp {w_exp}', 'duration': 40,
            'generators': [
                {'size': 1, 'indices': [0] * 12, 'times': [0, 2, 3, 5, 7, 8, 11, 13, 19, 23, 29, 31]},
                {'size': 1, 'indices': [0] * 8, 'times': [1, 4, 9, 10, 16, 17, 26, 35]},
            ],
            'groups': [loihi_group(2, threshold=20000 if w_exp >= 5 else 200, decay_v=2048, decay_I=3000)],
            'synapses': [
                synapses('gen0', 0, w, connect='all_to_all', dw=dw, traces={'x1': [1, 1], 'y2': [1, 1]},
                         w_exp=w_exp, sign_mode=mode, bits=bits),
                synapses('gen1', 0, [255, 255], w_exp=7 if w_exp >= 5 else 0),
            ],
        })
    # Traces that decay without fractions for the whole run (tau 2 from 64), one pre spike per
    # step at first; the run ends before a fraction can appear.
    out.append({
        'name': 'exact decays', 'duration': 6,
        'generators': [{'size': 1, 'indices': [0, 0], 'times': [0, 1]},
                       {'size': 1, 'indices': [0], 'times': [0]}],
        'groups': [loihi_group(1, threshold=50)],
        'synapses': [
            synapses('gen0', 0, [10], dw='2^-3*x1*u0 - 2^-2*y1*u0 + x0', traces={'x1': [64, 2], 'y1': [64, 2]}),
            synapses('gen1', 0, [100]),
        ],
    })
    # Saturation at 127: impulses on consecutive steps; the run ends at the saturating step
    # (the decay after it has a fraction).
    out.append({
        'name': 'saturation', 'duration': 3,
        'generators': [{'size': 1, 'indices': [0, 0, 0], 'times': [0, 1, 2]},
                       {'size': 1, 'indices': [0, 0], 'times': [0, 1]}],
        'groups': [loihi_group(1, threshold=50)],
        'synapses': [
            synapses('gen0', 0, [10], dw='x1*x0 - y1*y0 + u0', traces={'x1': [100, 2], 'y1': [90, 2]}),
            synapses('gen1', 0, [100]),
        ],
    })
    return out


def statistical_cases():
    # 500 independent synapses: one source to 500 targets, which a second generator makes spike
    # together; the learning synapses' w_act is 0 (w_exp -8, 0 <= w < 256), so learning cannot
    # change the spikes, and every synapse sees the same pre and post events.
    #
    # brian2-loihi draws its stochastic roundings (`add_or_not`, `x1_add_or_not`, ...: Brian
    # subexpressions "constant over dt") in the `before_start` slot, from the state before the
    # step's pre and post events, while the rest of the update uses the state after them; and
    # in that subexpression (Brian2 2.5.1, numpy target) the terms with 2^-k, k > 0, are lost:
    # `2^-2*y1*u1 + 3*x0` is generated as `dw_rounded = int(sign(3.0*x0)*ceil(abs(3.0*x0)))`.
    # Spikelab rounds the dw it adds (src/engine/CONTEXT.md step 5d). The two agree in
    # distribution only where neither matters, so here: every impulse times (1 - 1/tau) is an
    # integer and no trace reaches 127 (the traces' draws then see the same fraction), and dw
    # has integer coefficients only, terms of one sign, and event terms that are multiples of
    # the precision (the fraction to round comes from u and sign(w) terms).
    n = 500
    pre = {'size': 1, 'indices': [0] * 14, 'times': [0, 3, 4, 9, 12, 13, 20, 26, 31, 32, 40, 47, 52, 58]}
    post = {'size': 1, 'indices': [0] * 12, 'times': [2, 5, 6, 10, 14, 21, 22, 30, 33, 41, 50, 55]}
    out = []
    out.append({
        'name': 'statistical: precision 8, rising, five traces', 'duration': 60, 'generators': [pre, post],
        'groups': [loihi_group(n, threshold=100)],
        'synapses': [
            synapses('gen0', 0, [0] * n,
                     dw='3*u2 + 5*u3 + 8*x0*u1 + 8*y0*u2 + sign(w)*u2*2',
                     traces={'x1': [64, 2], 'x2': [32, 4], 'y1': [64, 4], 'y2': [16, 8], 'y3': [64, 2]},
                     w_exp=-8, sign_mode='excitatory', bits=5),
            synapses('gen1', 0, [200] * n, connect='all_to_all'),
        ],
    })
    out.append({
        'name': 'statistical: mixed, precision 2, falling', 'duration': 60, 'generators': [pre, post],
        'groups': [loihi_group(n, threshold=100)],
        'synapses': [
            synapses('gen0', 0, [250] * n, dw='-2*y0 - sign(w)*u2*3 - 2*x0*u1 - u3*5',
                     traces={'x1': [20, 5], 'y1': [32, 4]}, w_exp=-8, sign_mode='mixed', bits=8),
            synapses('gen1', 0, [200] * n, connect='all_to_all'),
        ],
    })
    return out


def quirk_cases():
    # The two rounding differences of the comment above, each alone: dw = 3 every step (3*x0
    # with a pre spike every step; 2^-1*5*u0 = 2.5, rounded up to 3), precision 8. Spikelab adds
    # 8 with probability 3/8 each step; brian2-loihi never does, since its draw sees x0 = 0
    # (before the step's pre event) or has lost the 2^-1 term.
    n = 500
    every_step = {'size': 1, 'indices': [0] * 20, 'times': list(range(20))}
    out = []
    for name, dw in (('quirk: draw before the pre event', '3*x0'), ('quirk: 2^-k lost in the draw', '2^-1*5*u0')):
        out.append({
            'name': name, 'duration': 20, 'generators': [every_step],
            'groups': [loihi_group(n, threshold=100)],
            'synapses': [synapses('gen0', 0, [0] * n, dw=dw, traces={'x1': [1, 1]}, w_exp=-8,
                                  sign_mode='excitatory', bits=5)],
        })
    return out


BAD_RULES = [
    'x0/2', 'x0*r0', 'r1*y0', 'd*x0', 'x0*t', 'x0*z', '*x0', 'x0+', 'x0y0', 'u10*x0', 'u01*x0',
    '2^10*x0', '3^2*x0', '2^-8*x0', 'x1*y1', 'x1*y1+x0', 'x0*(y1-2)',
]


def pairs(connect, n_pre, n_post):
    if connect == 'one_to_one':
        n = min(n_pre, n_post)
        return list(range(n)), list(range(n))
    return [i for i in range(n_pre) for _ in range(n_post)], [j for _ in range(n_pre) for j in range(n_post)]


def check_case(case):
    for s in case['synapses']:
        dw = s['dw']
        if re.search('x0', dw) and not any(k.startswith('x') for k in s['traces']):
            raise SystemExit(f"case {case['name']}: rule reads x0 without an x trace")
        if re.search('y0', dw) and not any(k.startswith('y') for k in s['traces']):
            raise SystemExit(f"case {case['name']}: rule reads y0 without a y trace")
        if s['traces'] and not dw:
            raise SystemExit(f"case {case['name']}: brian2-loihi needs dw with traces")


def build(lo, b2, case):
    b2.start_scope()
    gens = [lo.LoihiSpikeGeneratorGroup(g['size'], g['indices'], g['times']) for g in case['generators']]
    groups = [lo.LoihiNeuronGroup(p['size'], refractory=p['refractory'], threshold_v_mant=p['threshold_v_mant'],
                                  decay_v=p['decay_v'], decay_I=p['decay_I']) for p in case['groups']]
    syns = []
    for s in case['synapses']:
        src = gens[int(s['source'][3:])] if isinstance(s['source'], str) else groups[s['source']]
        tgt = groups[s['target']]
        kwargs = {'delay': s['delay'], 'w_exp': s['w_exp'], 'sign_mode': MODES[s['sign_mode']],
                  'num_weight_bits': s['num_weight_bits'], 'dw': s['dw']}
        for name, (imp, tau) in s['traces'].items():
            kwargs['imp_' + name] = imp
            kwargs['tau_' + name] = tau
        syn = lo.LoihiSynapses(src, tgt, **kwargs)
        i, j = pairs(s['connect'], len(src), len(tgt))
        syn.connect(i=i, j=j)
        syn.w = s['w']
        syns.append(syn)
    return gens, groups, syns


def monitors(lo, groups, syns, case):
    group_mons = [(lo.LoihiStateMonitor(g, 'v'), lo.LoihiStateMonitor(g, 'I'), lo.LoihiSpikeMonitor(g))
                  for g in groups]
    syn_mons = []
    for syn, s in zip(syns, case['synapses']):
        if not s['dw']:
            syn_mons.append(None)
            continue
        names = ['w', 'w_act'] + [k for k in TRACES if k in s['traces']]
        syn_mons.append({name: lo.LoihiStateMonitor(syn, name) for name in names})
    return group_mons, syn_mons


def spikes_of(mon):
    return [[int(i), int(round(float(t) * 1000))] for i, t in zip(mon.i, mon.t_)]


def run_exact(lo, b2, case):
    gens, groups, syns = build(lo, b2, case)
    group_mons, syn_mons = monitors(lo, groups, syns, case)
    flat = [m for t in group_mons for m in t] + [m for d in syn_mons if d for m in d.values()]
    net = lo.LoihiNetwork(*gens, *groups, *syns, *flat)
    net.run(case['duration'])
    return {
        'groups': [{'v': [[int(x) for x in row] for row in mv.v.T],
                    'I': [[int(x) for x in row] for row in mi.I.T],
                    'spikes': spikes_of(ms)} for mv, mi, ms in group_mons],
        'synapses': [None if d is None else
                     {name: [[int(x) for x in row] for row in getattr(m, name).T] for name, m in d.items()}
                     for d in syn_mons],
    }


def run_statistical(lo, b2, case):
    import numpy as np
    gens, groups, syns = build(lo, b2, case)
    group_mons, syn_mons = monitors(lo, groups, syns, case)
    flat = [m for t in group_mons for m in t] + [m for d in syn_mons if d for m in d.values()]
    net = lo.LoihiNetwork(*gens, *groups, *syns, *flat)
    net.run(case['duration'])
    out = []
    for d in syn_mons:
        if d is None:
            out.append(None)
            continue
        stats = {}
        for name, m in d.items():
            values = np.asarray(getattr(m, name), dtype=float)  # [synapse][t]
            # The conditions under which brian2-loihi's early draws do not matter (above).
            if name in TRACES and values.max() >= 127:
                raise SystemExit(f"case {case['name']}: {name} reaches 127")
            if name == 'w' and values.min() < 0:
                raise SystemExit(f"case {case['name']}: w crosses 0, where sign(w) and dw's sign change")
            stats[name] = {'mean': [float(x) for x in values.mean(axis=0)],
                           'var': [float(x) for x in values.var(axis=0, ddof=1)]}
        out.append(stats)
    return {'groups': [{'spikes': spikes_of(ms)} for _, _, ms in group_mons], 'synapses': out}


def bad_rule_messages(lo, b2):
    b2.start_scope()
    g = lo.LoihiNeuronGroup(1)
    out = []
    for dw in BAD_RULES:
        try:
            lo.LoihiSynapses(g, g, dw=dw, imp_x1=1, tau_x1=1, imp_y1=1, tau_y1=1)
        except Exception as error:  # brian2-loihi raises plain Exceptions
            out.append({'dw': dw, 'message': str(error)})
            continue
        out.append({'dw': dw, 'message': None})
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--brian2-loihi', required=True, help='directory holding brian2-loihi\'s .py files')
    args = ap.parse_args()
    warnings.filterwarnings('ignore')
    tmp = tempfile.mkdtemp()
    shutil.copytree(args.brian2_loihi, os.path.join(tmp, 'brian2_loihi'))
    sys.path.insert(0, tmp)
    import brian2 as b2
    b2.prefs.codegen.target = 'numpy'
    b2.BrianLogger.log_level_error()
    # brian2-loihi draws with numpy's rand(); a fixed seed makes the fixture reproducible.
    b2.seed(20261123)
    lo = importlib.import_module('brian2_loihi')
    exact = []
    for case in exact_cases():
        check_case(case)
        exact.append({**case, 'expected': run_exact(lo, b2, case)})
    statistical = []
    for case in statistical_cases():
        check_case(case)
        statistical.append({**case, 'expected': run_statistical(lo, b2, case)})
    quirks = []
    for case in quirk_cases():
        check_case(case)
        quirks.append({**case, 'expected': run_statistical(lo, b2, case)})
    json.dump({'generator': 'scripts/loihi_learning_vectors.py (brian2-loihi, Brian2 ' + b2.__version__ +
                            ', numpy target)',
               'exact': exact, 'statistical': statistical, 'quirks': quirks,
               'badRules': bad_rule_messages(lo, b2)},
              sys.stdout, separators=(',', ':'))
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
