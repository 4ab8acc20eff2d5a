import { NumberField } from './NumberField.tsx';
import type { ParamSpec } from './plasticity-params.ts';

interface PlasticityParamFieldsProps {
  /** Prefix of the field names and of the document path: `plasticity`, `stp`, `structural`. */
  prefix: string;
  /** Remounts the fields when it changes (another rule), so no stale draft stays behind. */
  scope: string;
  specs: readonly ParamSpec<string>[];
  values: Readonly<Record<string, unknown>>;
  /** What `weight` units read as for this projection. */
  weightUnit: string;
  /** Writes one value; returns the message to show when the document refuses it. */
  onCommit: (key: string, value: number, field: string) => string | null;
}

/**
 * One number field per parameter of a plasticity part, with its unit and description; a value
 * the field's own checks or the document refuse is explained under it (`error-<prefix>-<key>`).
 */
export function PlasticityParamFields(props: PlasticityParamFieldsProps) {
  const { prefix, scope, specs, values, weightUnit, onCommit } = props;
  return (
    <>
      {specs.map((spec) => {
        const value = values[spec.key];
        return (
          <NumberField
            key={`${scope}:${spec.key}`}
            name={`${prefix}-${spec.key}`}
            label={spec.label}
            unit={spec.unit === 'weight' ? weightUnit : spec.unit}
            value={typeof value === 'number' ? value : 0}
            min={spec.min}
            max={spec.max}
            integer={spec.integer}
            step={spec.step}
            description={spec.description}
            onCommit={(v) => onCommit(spec.key, v, `${prefix}.${spec.key}`)}
          />
        );
      })}
    </>
  );
}
