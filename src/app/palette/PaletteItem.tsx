import type { CSSProperties } from 'react';
import type { PopulationModel } from '../../model/index.ts';
import { ModelIcon } from '../common/ModelIcon.tsx';
import { MODEL_STYLE } from '../common/model-style.ts';
import { PALETTE_MIME } from './palette-drag.ts';

interface PaletteItemProps {
  model: PopulationModel;
  /** Keyboard and click alternative to dragging: add at the centre of the view. */
  onAdd: (model: PopulationModel) => void;
}

/** One draggable model in the palette. */
export function PaletteItem({ model, onAdd }: PaletteItemProps) {
  const style = MODEL_STYLE[model];
  return (
    <div
      className="palette-item"
      draggable
      data-testid={`palette-item-${model}`}
      style={{ '--accent': style.color } as CSSProperties}
      title={`${style.blurb}\nDrag onto the canvas, or double-click to add.`}
      onDragStart={(event) => {
        event.dataTransfer.setData(PALETTE_MIME, model);
        event.dataTransfer.effectAllowed = 'copy';
      }}
      onDoubleClick={() => onAdd(model)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onAdd(model);
        }
      }}
      tabIndex={0}
      // Named by its text (name and blurb): a name that left the visible blurb out would not
      // match what a speech-input user reads and says (axe: label-content-name-mismatch). The
      // group around the items says what pressing one does.
      role="button"
    >
      <span className="palette-icon">
        <ModelIcon model={model} size={22} />
      </span>
      <span className="palette-text">
        <span className="palette-name">{style.name}</span>
        <span className="palette-blurb">{style.blurb}</span>
      </span>
    </div>
  );
}
