/**
 * OnlineO1's memory proof and SC-NIR annotation: the numbers (weight bits + 3 x trace bits per
 * synapse, times the synapse count, whatever the sequence length) and the keys in the seed's
 * order.
 */
import { describe, expect, it } from 'vitest';
import {
  onlineO1Annotation,
  onlineO1Config,
  onlineO1MemoryProof,
} from '../../../src/engine/learning/online-o1.ts';

describe('OnlineO1 memory proof', () => {
  it('counts 16 + 3 x 12 = 52 bits per synapse with the defaults, 52 000 for 1000', () => {
    expect(onlineO1MemoryProof(onlineO1Config(), 1000)).toEqual({
      schema_version: 'sc-neurocore.online-o1.memory-proof.v1',
      n_synapses: 1000,
      state_fields: ['weight', 'pre_trace', 'post_trace', 'eligibility'],
      per_synapse_state_bits: 52,
      total_state_bits: 52000,
      sequence_length_independent: true,
      hidden_history_fields: [],
    });
  });

  it('does not depend on the sequence length', () => {
    const config = onlineO1Config({ weight_bits: 8, trace_bits: 6 }); // 8 + 18 = 26 bits
    const short = onlineO1MemoryProof(config, 7, 1);
    const long = onlineO1MemoryProof(config, 7, 1_000_000_000);
    expect(short).toEqual(long);
    expect(short.total_state_bits).toBe(7 * 26);
    expect(onlineO1MemoryProof(config, 0).total_state_bits).toBe(0);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => onlineO1MemoryProof(onlineO1Config(), -1)).toThrow(
      /n_synapses must be an integer >= 0/,
    );
    expect(() => onlineO1MemoryProof(onlineO1Config(), 2.5)).toThrow(/n_synapses/);
    expect(() => onlineO1MemoryProof(onlineO1Config(), 1, -1)).toThrow(
      /sequence_length must be an integer >= 0/,
    );
    expect(() => onlineO1MemoryProof(onlineO1Config(), 2 ** 50)).toThrow(/past 2\^53/);
  });
});

describe('OnlineO1 SC-NIR annotation', () => {
  it('serialises deterministically with the seed keys in order', () => {
    const config = onlineO1Config({ weight_bits: 10, trace_bits: 8, reward_bits: 6 });
    expect(JSON.stringify(onlineO1Annotation(config, 'syn-a'))).toBe(
      '{"schema_version":"sc-neurocore.online-o1.annotation.v1","rule_id":"syn-a",' +
        '"rule_family":"reward_modulated_stdp",' +
        '"state_fields":["weight","pre_trace","post_trace","eligibility"],' +
        '"per_synapse_state_bits":34,"weight_bits":10,"trace_bits":8,"reward_bits":6,' +
        '"learning_shift":4,"trace_decay_shift":4,' +
        '"saturation_policy":"signed_eligibility_unsigned_weight",' +
        '"hidden_history_fields":[],"sequence_length_independent":true}',
    );
  });

  it('refuses an empty rule id', () => {
    expect(() => onlineO1Annotation(onlineO1Config(), '')).toThrow(/rule_id must be non-empty/);
  });
});
