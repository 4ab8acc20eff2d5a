/**
 * OnlineO1, the bounded fixed-point online learner of sc-neurocore (reward-modulated STDP with
 * four bounded state fields per synapse): its configuration, the step for one synapse and for
 * many, the memory proof and the SC-NIR annotation. Import from here.
 */
export {
  ONLINE_O1_DEFAULT_CONFIG,
  ONLINE_O1_FIELD_RANGES,
  ONLINE_O1_MAX_PRODUCT_BITS,
  ONLINE_O1_RULE_FAMILY,
  OnlineO1ConfigError,
  onlineO1Bounds,
  onlineO1Config,
  onlineO1StateBits,
  validateOnlineO1Config,
} from './online-o1-config.ts';
export type {
  OnlineO1Bounds,
  OnlineO1Config,
  OnlineO1ConfigIssue,
  OnlineO1ConfigResult,
} from './online-o1-config.ts';
export { initialOnlineO1State, stepOnlineO1 } from './online-o1-step.ts';
export type { OnlineO1State } from './online-o1-step.ts';
export { createOnlineO1Population, stepMany } from './online-o1-many.ts';
export type { OnlineO1Population } from './online-o1-many.ts';
export {
  ONLINE_O1_ANNOTATION_SCHEMA_VERSION,
  ONLINE_O1_MEMORY_PROOF_SCHEMA_VERSION,
  ONLINE_O1_STATE_FIELDS,
  onlineO1Annotation,
  onlineO1MemoryProof,
} from './online-o1-metadata.ts';
export type { OnlineO1Annotation, OnlineO1MemoryProof } from './online-o1-metadata.ts';
