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
export { PARAM_INFO, type ParamInfo, type ParamUnit } from './param-info.ts';
export { MAX_DELAY_STEPS, MAX_POPULATION_SIZE, MAX_RUN_STEPS, SEED_LIMIT } from './limits.ts';
