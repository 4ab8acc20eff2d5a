#!/usr/bin/python3
"""Test vectors for Spikelab's Loihi populations, produced by brian2-loihi itself.

Runs brian2-loihi (sagacitysite/brian2_loihi, imported from the directory given by
--brian2-loihi, a checkout of that repository) with Brian2's numpy target and writes, for each
case, the recorded `v` (at `end`), `I` (at `synapses`) and spikes of every Loihi group, step by
step, as JSON. Each case lists its generator, groups and synapses explicitly (connections as
(i, j) pairs in Brian's synapse order, weight mantissas per synapse), so the TypeScript test can
build the same network as a Spikelab document.

Usage: /usr/bin/python3 scripts/loihi_vectors.py --brian2-loihi DIR > tests/unit/engine/fixtures/loihi-vectors.json
"""

import argparse
import importlib
import json
import os
import shutil
import sys
import tempfile
import warnings

WORKED = {
    'name': 'worked example (issue 5)',
    'duration': 12,
    'generator': {'size': 2, 'indices': [0, 1, 0, 0, 1], 'times': [1, 3, 5, 6, 20], 'period': 0},
    'groups': [{'size': 3, 'refractory': 2, 'threshold_v_mant': 70, 'decay_v': 400, 'decay_I': 1000}],
    'synapses': [{'source': 'gen', 'target': 0, 'i': [0, 0, 0, 1, 1, 1], 'j': [0, 1, 2, 0, 1, 2],
                  'w': [50, 120, -60, 200, 30, 90], 'w_exp': 0, 'sign_mode': 'mixed',
                  'num_weight_bits': 8, 'delay': 0}],
}


def all_to_all(n_pre, n_post):
    return [i for i in range(n_pre) for _ in range(n_post)], [j for _ in range(n_pre) for j in range(n_post)]


def cases():
    out = [WORKED]
    gi, gj = all_to_all(2, 3)
    base_gen = {'size': 2, 'indices': [0, 1, 0, 1, 0, 1, 0], 'times': [0, 2, 3, 7, 9, 15, 22], 'period': 0}
    for delay in (1, 5, 62):
        out.append({'name': f'delay {delay}', 'duration': 90, 'generator': base_gen,
                    'groups': [{'size': 3, 'refractory': 1, 'threshold_v_mant': 100, 'decay_v': 300, 'decay_I': 700}],
                    'synapses': [{'source': 'gen', 'target': 0, 'i': gi, 'j': gj, 'w': [100, -40, 77, 13, 254, -256],
                                  'w_exp': 1, 'sign_mode': 'mixed', 'num_weight_bits': 8, 'delay': delay}]})
    for refractory in (1, 3, 64):
        out.append({'name': f'refractory {refractory}', 'duration': 120,
                    'generator': {'size': 1, 'indices': [0], 'times': [0], 'period': 0},
                    'groups': [{'size': 2, 'refractory': refractory, 'threshold_v_mant': 20, 'decay_v': 100, 'decay_I': 0}],
                    'synapses': [{'source': 'gen', 'target': 0, 'i': [0, 0], 'j': [0, 1], 'w': [40, 9],
                                  'w_exp': 0, 'sign_mode': 'excitatory', 'num_weight_bits': 8, 'delay': 0}]})
    for mode, ws in (('mixed', [-256, 254, 3, -5, 129, -129]), ('excitatory', [255, 0, 1, 7, 128, 200]),
                     ('inhibitory', [-256, 0, -1, -7, -128, -200])):
        for bits in (8, 5, 1, 0):
            for w_exp in (-8, -3, 0, 7):
                out.append({'name': f'{mode} bits {bits} w_exp {w_exp}', 'duration': 30, 'generator': base_gen,
                            'groups': [{'size': 3, 'refractory': 2, 'threshold_v_mant': 131071 if w_exp == 7 else 300,
                                        'decay_v': 2000, 'decay_I': 4096}],
                            'synapses': [{'source': 'gen', 'target': 0, 'i': gi, 'j': gj, 'w': ws, 'w_exp': w_exp,
                                          'sign_mode': mode, 'num_weight_bits': bits, 'delay': 0}]})
    # Recurrent: Loihi -> Loihi (ring with self-excitation and inhibition), and a second group.
    out.append({'name': 'recurrent', 'duration': 80,
                'generator': {'size': 1, 'indices': [0, 0, 0], 'times': [0, 1, 2], 'period': 0},
                'groups': [{'size': 3, 'refractory': 2, 'threshold_v_mant': 50, 'decay_v': 500, 'decay_I': 1500},
                           {'size': 2, 'refractory': 4, 'threshold_v_mant': 30, 'decay_v': 0, 'decay_I': 2048}],
                'synapses': [
                    {'source': 'gen', 'target': 0, 'i': [0], 'j': [0], 'w': [120], 'w_exp': 0,
                     'sign_mode': 'excitatory', 'num_weight_bits': 8, 'delay': 0},
                    {'source': 0, 'target': 0, 'i': [0, 1, 2, 2], 'j': [1, 2, 0, 2], 'w': [90, 100, 110, -30],
                     'w_exp': 0, 'sign_mode': 'mixed', 'num_weight_bits': 8, 'delay': 0},
                    {'source': 0, 'target': 1, 'i': [0, 1, 2], 'j': [0, 1, 1], 'w': [60, 40, 50],
                     'w_exp': 0, 'sign_mode': 'excitatory', 'num_weight_bits': 6, 'delay': 3},
                    {'source': 1, 'target': 0, 'i': [0, 1], 'j': [0, 1], 'w': [-100, -50],
                     'w_exp': -1, 'sign_mode': 'inhibitory', 'num_weight_bits': 8, 'delay': 2}]})
    for period in (10, 7):
        out.append({'name': f'generator period {period}', 'duration': 40,
                    'generator': {'size': 2, 'indices': [0, 1, 0], 'times': [0, 2, 4], 'period': period},
                    'groups': [{'size': 2, 'refractory': 1, 'threshold_v_mant': 90, 'decay_v': 1000, 'decay_I': 800}],
                    'synapses': [{'source': 'gen', 'target': 0, 'i': [0, 1], 'j': [0, 1], 'w': [80, 60],
                                  'w_exp': 0, 'sign_mode': 'excitatory', 'num_weight_bits': 8, 'delay': 1}]})
    return out


def run_case(lo, b2, case):
    b2.start_scope()
    g = case['generator']
    # brian2-loihi passes `period` on as `period*second` (its times get `*ms`): a period of p ms
    # must therefore be given to it as p/1000. Spikelab's period is in ms like every other time.
    gen = lo.LoihiSpikeGeneratorGroup(g['size'], g['indices'], g['times'], period=g['period'] / 1000)
    groups = [lo.LoihiNeuronGroup(p['size'], refractory=p['refractory'], threshold_v_mant=p['threshold_v_mant'],
                                  decay_v=p['decay_v'], decay_I=p['decay_I']) for p in case['groups']]
    modes = {'mixed': 1, 'excitatory': 2, 'inhibitory': 3}
    syns = []
    for s in case['synapses']:
        src = gen if s['source'] == 'gen' else groups[s['source']]
        syn = lo.LoihiSynapses(src, groups[s['target']], delay=s['delay'], w_exp=s['w_exp'],
                               sign_mode=modes[s['sign_mode']], num_weight_bits=s['num_weight_bits'])
        syn.connect(i=s['i'], j=s['j'])
        syn.w = s['w']
        syns.append(syn)
    mons = [(lo.LoihiStateMonitor(gr, 'v'), lo.LoihiStateMonitor(gr, 'I'), lo.LoihiSpikeMonitor(gr)) for gr in groups]
    net = lo.LoihiNetwork(gen, *groups, *syns, *[m for t in mons for m in t])
    net.run(case['duration'])
    result = []
    for mv, mi, ms in mons:
        result.append({
            'v': [[int(x) for x in row] for row in mv.v.T],
            'I': [[int(x) for x in row] for row in mi.I.T],
            'spikes': [[int(i), int(round(float(t) * 1000))] for i, t in zip(ms.i, ms.t_)],
        })
    return result


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
    lo = importlib.import_module('brian2_loihi')
    out = []
    for case in cases():
        out.append({**case, 'expected': run_case(lo, b2, case)})
    json.dump({'generator': 'scripts/loihi_vectors.py (brian2-loihi, Brian2 ' + b2.__version__ + ', numpy target)',
               'cases': out}, sys.stdout, separators=(',', ':'))
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
