/**
 * OnlineO1's configuration: the seed's defaults and lower bounds, our upper bounds (int32),
 * messages that name each bad field, and the bounds a configuration implies.
 */
import { describe, expect, it } from 'vitest';
import {
  OnlineO1ConfigError,
  onlineO1Bounds,
  onlineO1Config,
  validateOnlineO1Config,
} from '../../../src/engine/learning/online-o1.ts';

const GOOD = {
  weight_bits: 16,
  trace_bits: 12,
  reward_bits: 8,
  learning_shift: 4,
  trace_decay_shift: 4,
};

function issues(value: unknown): string[] {
  const result = validateOnlineO1Config(value);
  return result.ok ? [] : result.issues.map((i) => `${i.field}: ${i.message}`);
}

describe('OnlineO1 configuration', () => {
  it('has the seed defaults and their bounds', () => {
    expect(onlineO1Config()).toEqual(GOOD);
    // max_weight 2^16 - 1, max_trace 2^12 - 1, eligibility [-2^11, 2^11 - 1], reward [-2^7, 2^7 - 1].
    expect(onlineO1Bounds(onlineO1Config())).toEqual({
      maxWeight: 65535,
      maxTrace: 4095,
      minEligibility: -2048,
      maxEligibility: 2047,
      minReward: -128,
      maxReward: 127,
    });
    // The widest: 2^31 - 1 is the largest int32 (1 << 31 would be negative).
    expect(
      onlineO1Bounds(onlineO1Config({ weight_bits: 31, trace_bits: 2, reward_bits: 1 })),
    ).toEqual({
      maxWeight: 2147483647,
      maxTrace: 3,
      minEligibility: -2,
      maxEligibility: 1,
      minReward: -1,
      maxReward: 0,
    });
  });

  it('accepts rule_family only as reward_modulated_stdp', () => {
    expect(validateOnlineO1Config({ ...GOOD, rule_family: 'reward_modulated_stdp' }).ok).toBe(true);
    expect(issues({ ...GOOD, rule_family: 'stdp' })).toEqual([
      'rule_family: must be "reward_modulated_stdp", got "stdp"',
    ]);
  });

  it('refuses each field below the seed lower bound and above ours, naming it', () => {
    expect(issues({ ...GOOD, weight_bits: 0 })).toEqual([
      'weight_bits: must be an integer in 1..31, got 0',
    ]);
    expect(issues({ ...GOOD, weight_bits: 32 })).toEqual([
      'weight_bits: must be an integer in 1..31, got 32',
    ]);
    expect(issues({ ...GOOD, trace_bits: 1 })).toEqual([
      'trace_bits: must be an integer in 2..30, got 1',
    ]);
    expect(issues({ ...GOOD, reward_bits: 0 })).toEqual([
      'reward_bits: must be an integer in 1..30, got 0',
    ]);
    expect(issues({ ...GOOD, learning_shift: -1 })).toEqual([
      'learning_shift: must be an integer in 0..30, got -1',
    ]);
    expect(issues({ ...GOOD, trace_decay_shift: 31 })).toEqual([
      'trace_decay_shift: must be an integer in 0..30, got 31',
    ]);
  });

  it('refuses non-integers, booleans, strings, missing and unknown fields, all at once', () => {
    expect(
      issues({ weight_bits: 1.5, trace_bits: true, reward_bits: '8', learning_shift: 4, typo: 1 }),
    ).toEqual([
      'weight_bits: must be an integer in 1..31, got 1.5',
      'trace_bits: must be an integer in 2..30, got true',
      'reward_bits: must be an integer in 1..30, got "8"',
      'trace_decay_shift: is missing (an integer in 0..30)',
      'typo: is not a configuration field (fields: weight_bits, trace_bits, reward_bits, learning_shift, trace_decay_shift, rule_family)',
    ]);
    expect(issues([1, 2])).toEqual([': must be an object, got [1,2]']);
    expect(issues(null)).toEqual([': must be an object, got null']);
  });

  it('keeps reward * eligibility inside int32: reward_bits + trace_bits <= 32', () => {
    expect(validateOnlineO1Config({ ...GOOD, trace_bits: 20, reward_bits: 12 }).ok).toBe(true);
    expect(issues({ ...GOOD, trace_bits: 20, reward_bits: 13 })).toEqual([
      'reward_bits: must be at most 12 with trace_bits 20 (reward_bits + trace_bits <= 32, so that reward * eligibility fits a 32-bit integer), got 13',
    ]);
  });

  it('throws OnlineO1ConfigError from onlineO1Config, naming the fields', () => {
    expect(() => onlineO1Config({ weight_bits: 0, learning_shift: 99 })).toThrow(
      OnlineO1ConfigError,
    );
    expect(() => onlineO1Config({ weight_bits: 0, learning_shift: 99 })).toThrow(
      'invalid OnlineO1 configuration: weight_bits must be an integer in 1..31, got 0; learning_shift must be an integer in 0..30, got 99',
    );
  });
});
