/** The notes of an import report: the known confusions, answered once per import. */
import type { NirNeuronType } from '../../document-nir.ts';
import { f32 } from './report-format.ts';

/** Notes for an import with these neuron types, step and inputs. */
export function importNotes(
  types: ReadonlySet<NirNeuronType>,
  dtMs: number,
  timeUnit: 's' | 'ms',
  inputs: readonly string[],
): string[] {
  const notes: string[] = [];
  notes.push(
    `NIR is continuous-time; Spikelab steps it with dt = ${f32(dtMs)} ms` +
      (timeUnit === 's' ? ' (NIR times were in seconds and are shown here in ms).' : '.'),
  );
  if (inputs.length > 0) {
    notes.push(
      `Input populations (${inputs.join(', ')}) are spike generators with no spikes: attach your ` +
        'data (indices and times) before running.',
    );
  }
  if (types.has('IF') || types.has('I')) {
    notes.push(
      'IF and I have no decay: V only integrates (leak = 0, gain = r * dt). Tools that give their ' +
        "IF a leak (a 'leaky IF', or beta < 1) export it as LIF, not IF.",
    );
  }
  if ([...types].some((t) => t !== 'Threshold')) {
    notes.push(
      'dt scaling: the step multiplies the input by gain = r * (1 - exp(-dt/tau)) (exact) or ' +
        'r * dt/tau (euler), and a Cuba synapse by w_in * (1 - exp(-dt/tau_syn)) or ' +
        'w_in * dt/tau_syn. A tool that exported r = tau/dt and w_in = tau_syn/dt (snnTorch) ' +
        'meant gain 1 at its own dt with euler: import with that dt and euler to get its numbers.',
    );
  }
  notes.push(
    'Latency: a spike of step t reaches the next population at step t + 1 (plus any Delay); ' +
      'layer-by-layer loops (snnTorch, Norse) pass it through every layer within one step, so ' +
      'here each layer answers one step later.',
  );
  return notes;
}
