import type { Layout3d, Layout3dShape } from '../../model/document.ts';
import { documentStore, useDocumentStore } from '../../store/document/index.ts';
import { NumberField } from '../inspector/NumberField.tsx';
import { SelectField } from '../inspector/SelectField.tsx';
import { useTryEdit } from '../inspector/useTryEdit.ts';
import type { ScenePopulation } from './scene-model.ts';

type ShapeChoice = Layout3dShape | 'auto';

const SHAPES: readonly { value: ShapeChoice; label: string }[] = [
  { value: 'auto', label: 'Auto (from the canvas)' },
  { value: 'grid', label: 'Grid (cube)' },
  { value: 'sphere', label: 'Sphere' },
  { value: 'layer', label: 'Layer (sheet)' },
];

/**
 * The selected population's 3D layout: shape, spacing and center, written to the document's
 * `layout3d` through the store (validated, undoable). Choosing a shape starts from the layout
 * the view shows, so the population does not jump; "Auto" removes `layout3d`. Folded until
 * opened, so it does not hide the network in a narrow split view.
 */
export function LayoutPanel({ population }: { population: ScenePopulation }) {
  const tryEdit = useTryEdit();
  const id = population.id;
  const own = useDocumentStore((s) => s.document.populations.find((p) => p.id === id)?.layout3d);
  const current: Layout3d = own ?? population.layout;
  const write = (layout3d: Layout3d | undefined, field: string) =>
    tryEdit({ type: 'updatePopulation', id, patch: { layout3d } }, field, id);
  const center = (axis: 'x' | 'y' | 'z') => (
    <NumberField
      key={`${id}:${axis}`}
      name={`layout3d-${axis}`}
      label={`Center ${axis}`}
      value={round(current.center[axis])}
      step={1}
      onCommit={(v) =>
        write({ ...current, center: { ...current.center, [axis]: v } }, `layout3d.center.${axis}`)
      }
    />
  );
  return (
    <details className="view3d-layout" data-testid="view3d-layout">
      <summary>
        3D layout of <strong>{population.label}</strong>
      </summary>
      <SelectField<ShapeChoice>
        key={`${id}:shape`}
        name="layout3d-shape"
        label="Shape"
        value={own?.shape ?? 'auto'}
        options={SHAPES}
        onCommit={(shape) => {
          if (shape === 'auto') {
            documentStore.getState().apply({
              type: 'updatePopulation',
              id,
              patch: { layout3d: undefined },
            });
            return null;
          }
          return write({ ...current, shape }, 'layout3d.shape');
        }}
      />
      <NumberField
        key={`${id}:spacing`}
        name="layout3d-spacing"
        label="Spacing"
        value={current.spacing}
        step={0.1}
        min={0}
        description="Distance between neighbouring neurons"
        onCommit={(spacing) => write({ ...current, spacing }, 'layout3d.spacing')}
      />
      {center('x')}
      {center('y')}
      {center('z')}
    </details>
  );
}

/** Automatic centers are canvas pixels times a scale: show them to two decimals. */
function round(x: number): number {
  return Math.round(x * 100) / 100;
}
