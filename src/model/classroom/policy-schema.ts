/**
 * The shape of a control policy as it travels in a share link or localStorage, declared with
 * the model's schema combinators so every problem is reported with its path, and a range with
 * `min > max` is refused (it would lock the value without saying so).
 */
import { array, object, string, withDefault } from '../schema/index.ts';
import { describeValue, fieldPath, INVALID, isRecord, report } from '../schema/index.ts';
import { number } from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';
import type { ValidationIssue } from '../validation-issue.ts';
import type { ControlPolicy, ParamRange } from './policy.ts';

const rangeSchema = object({ min: number(), max: number() });

/** `{ "<path>": { min, max }, ... }`: the combinators have no record type, so this one is here. */
const rangesSchema: Schema<Record<string, ParamRange>> = {
  parse(value, path, issues) {
    if (!isRecord(value)) {
      report(issues, path, `must be an object, got ${describeValue(value)}`);
      return INVALID;
    }
    const out: Record<string, ParamRange> = {};
    let ok = true;
    for (const [key, entry] of Object.entries(value)) {
      const at = fieldPath(path, key);
      const parsed = rangeSchema.parse(entry, at, issues);
      if (parsed === INVALID) ok = false;
      else if (parsed.min > parsed.max) {
        report(issues, at, `min ${parsed.min} is above max ${parsed.max}`);
        ok = false;
      } else out[key] = parsed;
    }
    return ok ? out : INVALID;
  },
  jsonSchema: () => ({ type: 'object', additionalProperties: rangeSchema.jsonSchema() }),
};

export const policySchema = object({
  hidden: withDefault(array(string({ minLength: 1 })), []),
  locked: withDefault(array(string({ minLength: 1 })), []),
  ranges: withDefault(rangesSchema, {}),
});

export type PolicyResult =
  { ok: true; policy: ControlPolicy } | { ok: false; issues: ValidationIssue[] };

/** Checks a policy read from outside (a link, storage); every issue named `policy.<field>`. */
export function parsePolicy(value: unknown): PolicyResult {
  const issues: ValidationIssue[] = [];
  const parsed = policySchema.parse(value, 'policy', issues);
  return parsed === INVALID || issues.length > 0
    ? { ok: false, issues }
    : { ok: true, policy: parsed };
}
