/**
 * The Learning section's edits: a rule switches on the traces it reads, refused rules give the
 * parser's message, a trace the rule reads cannot be switched off, the presets are valid rules,
 * and the recordable variables follow the traces that are on.
 */
import { describe, expect, it } from 'vitest';
import type { LoihiSynapse } from '../../../src/model/index.ts';
import { createProjection } from '../../../src/model/index.ts';
import { synapseLabel } from '../../../src/app/editor/projection-summary.ts';
import { parseLoihiRule } from '../../../src/model/loihi-rule.ts';
import {
  DEFAULT_TRACE,
  RULE_PRESETS,
  presetOf,
  recordableVariables,
  tracesRead,
  withRule,
  withTrace,
} from '../../../src/app/inspector/loihi-learning.ts';

const BASE: LoihiSynapse = { kind: 'loihi', w_exp: 0, sign_mode: 'excitatory', num_weight_bits: 8 };

describe('withRule', () => {
  it('sets the rule and switches on the traces it reads, keeping those already on', () => {
    const start: LoihiSynapse = { ...BASE, traces: { x1: { impulse: 3, tau: 4 } } };
    expect(withRule(start, '2^-2*x1*y0 - 2^-2*y1*x0')).toEqual({
      ...BASE,
      dw: '2^-2*x1*y0 - 2^-2*y1*x0',
      traces: { x1: { impulse: 3, tau: 4 }, y1: DEFAULT_TRACE },
    });
  });

  it("returns the parser's message for a rule it refuses", () => {
    expect(withRule(BASE, 'x1*y1')).toBe(
      'There is at least one term in the equation that does not contain a dependency factor (x0, y0 or u[0-9]).',
    );
  });

  it('removes the rule for empty text, leaving the traces', () => {
    const start: LoihiSynapse = { ...BASE, dw: 'x0', traces: { y2: DEFAULT_TRACE } };
    expect(withRule(start, '  ')).toEqual({ ...BASE, traces: { y2: DEFAULT_TRACE } });
  });
});

describe('withTrace', () => {
  it('switches a trace on and off, dropping an empty traces object', () => {
    const on = withTrace(BASE, 'x2', { impulse: 9, tau: 2 });
    expect(on).toEqual({ ...BASE, traces: { x2: { impulse: 9, tau: 2 } } });
    expect(typeof on === 'string' ? on : withTrace(on, 'x2', undefined)).toEqual(BASE);
  });

  it('refuses to switch off a trace the rule reads', () => {
    const start: LoihiSynapse = { ...BASE, dw: 'x1*y0', traces: { x1: DEFAULT_TRACE } };
    expect(withTrace(start, 'x1', undefined)).toBe(
      'The rule reads x1: change the rule before switching x1 off',
    );
    expect(tracesRead(start)).toEqual(new Set(['x1']));
  });
});

describe('presets', () => {
  it.each(RULE_PRESETS.filter((p) => p.dw !== ''))('$label is a valid rule', (preset) => {
    expect(parseLoihiRule(preset.dw).ok).toBe(true);
    expect(presetOf(preset.dw.replace(/ /g, ''))?.id).toBe(preset.id);
  });

  it('the empty rule is "No learning"; an unknown rule is custom', () => {
    expect(presetOf(undefined)?.id).toBe('off');
    expect(presetOf('x0*y1')).toBeUndefined();
  });
});

it('records w, w_act and the traces that are on', () => {
  expect(
    recordableVariables({ ...BASE, traces: { y3: DEFAULT_TRACE, x1: DEFAULT_TRACE } }),
  ).toEqual(['w', 'w_act', 'x1', 'y3']);
});

it('marks a learning Loihi projection on its edge label', () => {
  const projection = createProjection('p', 'a', 'b');
  expect(synapseLabel({ ...projection, synapse: { ...BASE, w_exp: 1 } })).toBe('2^7');
  expect(synapseLabel({ ...projection, synapse: { ...BASE, dw: 'x0' } })).toBe('2^6 Δw');
  expect(synapseLabel({ ...projection, synapse: { ...BASE, dw: '' } })).toBe('2^6');
});
