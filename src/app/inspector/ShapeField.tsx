import type { Population } from '../../model/index.ts';
import { TextField } from './TextField.tsx';
import { parseShapeText } from './conv-edits.ts';
import { useTryEdit } from './useTryEdit.ts';

/**
 * A population's optional tensor shape (`[C, H, W]` for conv and pool rules), typed as
 * "2, 28, 28"; empty removes it. The model refuses a shape whose product is not the size.
 */
export function ShapeField({ population }: { population: Population }) {
  const tryEdit = useTryEdit();
  const id = population.id;
  return (
    <TextField
      key={`${id}:shape`}
      name="shape"
      label="Shape"
      placeholder="none (e.g. 2, 28, 28)"
      value={population.shape?.join(', ') ?? ''}
      description="Optional tensor shape in C order (channels, height, width); its product must be the size. Conv and pool connectivity read it."
      onCommit={(text) => {
        const parsed = parseShapeText(text);
        if (!parsed.ok) return parsed.message;
        const shape = parsed.shape ?? undefined;
        return tryEdit({ type: 'updatePopulation', id, patch: { shape } }, 'shape', id);
      }}
    />
  );
}
