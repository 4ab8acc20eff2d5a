/**
 * What OnlineO1 states about itself for the hardware path: the memory proof (state bits per
 * synapse and in total, the same for any sequence length, because samples are streamed and
 * never kept) and the SC-NIR annotation of an online-learning synapse. Keys, their order and
 * the schema identifiers are sc-neurocore's, so `JSON.stringify` of either object is the same
 * deterministic record the seed emits (up to JSON spacing).
 */
import { ONLINE_O1_RULE_FAMILY, onlineO1StateBits } from './online-o1-config.ts';
import type { OnlineO1Config } from './online-o1-config.ts';

export const ONLINE_O1_ANNOTATION_SCHEMA_VERSION = 'sc-neurocore.online-o1.annotation.v1';
export const ONLINE_O1_MEMORY_PROOF_SCHEMA_VERSION = 'sc-neurocore.online-o1.memory-proof.v1';

/** The fields a synapse keeps between steps, in the seed's order. */
export const ONLINE_O1_STATE_FIELDS = ['weight', 'pre_trace', 'post_trace', 'eligibility'] as const;

export interface OnlineO1MemoryProof {
  schema_version: typeof ONLINE_O1_MEMORY_PROOF_SCHEMA_VERSION;
  n_synapses: number;
  state_fields: string[];
  per_synapse_state_bits: number;
  total_state_bits: number;
  sequence_length_independent: true;
  hidden_history_fields: string[];
}

export interface OnlineO1Annotation {
  schema_version: typeof ONLINE_O1_ANNOTATION_SCHEMA_VERSION;
  rule_id: string;
  rule_family: typeof ONLINE_O1_RULE_FAMILY;
  state_fields: string[];
  per_synapse_state_bits: number;
  weight_bits: number;
  trace_bits: number;
  reward_bits: number;
  learning_shift: number;
  trace_decay_shift: number;
  saturation_policy: 'signed_eligibility_unsigned_weight';
  hidden_history_fields: string[];
  sequence_length_independent: true;
}

/**
 * The memory proof for `nSynapses` synapses (the seed's `build_online_o1_memory_proof`).
 * `sequenceLength` is checked (an integer >= 0) but changes nothing, which is the point.
 *
 * @example onlineO1MemoryProof(onlineO1Config(), 1000).total_state_bits // 52000 (16 + 3*12 = 52 each)
 */
export function onlineO1MemoryProof(
  config: OnlineO1Config,
  nSynapses: number,
  sequenceLength?: number,
): OnlineO1MemoryProof {
  if (!Number.isSafeInteger(nSynapses) || nSynapses < 0) {
    throw new RangeError(`OnlineO1: n_synapses must be an integer >= 0, got ${nSynapses}`);
  }
  if (
    sequenceLength !== undefined &&
    (!Number.isSafeInteger(sequenceLength) || sequenceLength < 0)
  ) {
    throw new RangeError(
      `OnlineO1: sequence_length must be an integer >= 0, got ${sequenceLength}`,
    );
  }
  const perSynapse = onlineO1StateBits(config);
  const total = nSynapses * perSynapse;
  // Python's integers never round; a JavaScript number would past 2^53, so refuse instead.
  if (!Number.isSafeInteger(total)) {
    throw new RangeError(
      `OnlineO1: ${nSynapses} synapses x ${perSynapse} bits is past 2^53, too many to count exactly`,
    );
  }
  return {
    schema_version: ONLINE_O1_MEMORY_PROOF_SCHEMA_VERSION,
    n_synapses: nSynapses,
    state_fields: [...ONLINE_O1_STATE_FIELDS],
    per_synapse_state_bits: perSynapse,
    total_state_bits: total,
    sequence_length_independent: true,
    hidden_history_fields: [],
  };
}

/**
 * The SC-NIR metadata of a synapse learning with `config` (the seed's `to_scnir_annotation`).
 *
 * @example onlineO1Annotation(onlineO1Config(), 'plastic-1').per_synapse_state_bits // 52
 */
export function onlineO1Annotation(config: OnlineO1Config, ruleId: string): OnlineO1Annotation {
  if (ruleId.length === 0) throw new RangeError('OnlineO1: rule_id must be non-empty');
  return {
    schema_version: ONLINE_O1_ANNOTATION_SCHEMA_VERSION,
    rule_id: ruleId,
    rule_family: ONLINE_O1_RULE_FAMILY,
    state_fields: [...ONLINE_O1_STATE_FIELDS],
    per_synapse_state_bits: onlineO1StateBits(config),
    weight_bits: config.weight_bits,
    trace_bits: config.trace_bits,
    reward_bits: config.reward_bits,
    learning_shift: config.learning_shift,
    trace_decay_shift: config.trace_decay_shift,
    saturation_policy: 'signed_eligibility_unsigned_weight',
    hidden_history_fields: [],
    sequence_length_independent: true,
  };
}
