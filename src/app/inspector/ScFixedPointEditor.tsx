import { DEFAULT_TOTAL_BITS } from '../../hdl/quantise-for-hardware.ts';
import { planScLayer } from '../../hdl/quantise-sc-dense.ts';
import type { Population, ScFixedPoint } from '../../model/index.ts';
import { PARAM_INFO } from '../../model/index.ts';
import { useDocumentStore } from '../../store/document/index.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { NumberField } from './NumberField.tsx';
import { useTryEdit } from './useTryEdit.ts';

type ScLayer = Extract<Population, { model: 'sc_dense' }>;

/** The widths, labelled as the fixed-point LIF labels them (one definition of each). */
const WIDTHS = PARAM_INFO.fixed_point_lif.filter(
  (i): i is typeof i & { key: keyof ScFixedPoint } =>
    i.key === 'total_bits' || i.key === 'fraction_bits' || i.key === 'scale_bits',
);

/**
 * An SC layer's arithmetic (CONTEXT.md step 1b integer): a switch that gives the layer the
 * widths "Quantise for hardware" would choose at 16 bits (and turns its noise off, which the
 * integer form has none of), or takes them away; when on, W, F and S one field each.
 */
export function ScFixedPointEditor({ layer }: { layer: ScLayer }) {
  const tryEdit = useTryEdit();
  const doc = useDocumentStore((s) => s.document);
  const info = PARAM_INFO.sc_dense.find((i) => i.key === 'fixed_point');
  const widths = layer.params.fixed_point;
  const write = (params: Record<string, unknown>, field: string) =>
    tryEdit({ type: 'updatePopulationParams', id: layer.id, params }, field, layer.id);
  const toggle = (on: boolean): string | null => {
    if (!on) return write({ fixed_point: undefined }, 'fixed_point');
    const plan = planScLayer(doc, layer, DEFAULT_TOTAL_BITS);
    if ('reason' in plan) return `Cannot integrate in fixed point: ${plan.reason}`;
    const params = plan.population.params as ScLayer['params'];
    return write({ noise_std: 0, fixed_point: params.fixed_point }, 'fixed_point');
  };
  return (
    <>
      <CheckboxField
        name="fixed_point"
        label={info?.label ?? 'Integer arithmetic'}
        checked={widths !== undefined}
        {...(info === undefined ? {} : { description: info.description })}
        onCommit={toggle}
      />
      {widths === undefined
        ? null
        : WIDTHS.map((w) => (
            <NumberField
              key={`${layer.id}:${w.key}`}
              name={`fixed_point-${w.key}`}
              label={w.label}
              unit={w.unit}
              value={widths[w.key]}
              min={w.min}
              max={w.max}
              step={w.step}
              description={w.description}
              onCommit={(v) => write({ fixed_point: { ...widths, [w.key]: v } }, w.key)}
            />
          ))}
    </>
  );
}
