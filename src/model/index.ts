/**
 * The public surface of `src/model`: what a network IS. Pure data, no DOM.
 */
export * from './document.ts';
export { formatIssue, type ValidationIssue } from './validation-issue.ts';
export { validateDocument, parseDocumentJson, type ValidationResult } from './validate.ts';
export {
  migrateDocument,
  MIGRATIONS,
  type Migration,
  type MigrationOptions,
  type MigrationResult,
} from './migrate.ts';
export { toJsonSchema } from './json-schema.ts';
export {
  createDocument,
  createPopulation,
  createProjection,
  defaultParams,
  documentIds,
  uniqueId,
  type ParamsByModel,
} from './defaults.ts';
export {
  PARAM_INFO,
  type InfoList,
  type ParamInfo,
  type ParamInput,
  type ParamUnit,
} from './param-info.ts';
export {
  LOIHI_SYNAPSE_INFO,
  loihiEffective,
  loihiWeightScale,
  type LoihiEffective,
} from './param-info-loihi.ts';
export { scChannelCount, withScInputs } from './sc-channels.ts';
export {
  MAX_DELAY_STEPS,
  MAX_POPULATION_SIZE,
  MAX_RUN_STEPS,
  MAX_SC_CHANNELS,
  MAX_SC_LENGTH,
  SEED_LIMIT,
} from './limits.ts';
