import { POPULATION_MODELS } from '../../model/index.ts';
import { useAddAtViewCenter } from '../editor/useAddAtViewCenter.ts';
import { PaletteItem } from './PaletteItem.tsx';
import './palette.css';

/** The list of population models to drag onto the canvas. */
export function Palette() {
  const onAdd = useAddAtViewCenter();
  return (
    <aside className="palette" aria-label="Population palette">
      <h2 className="panel-title">Populations</h2>
      {/* A group of buttons, not a list: list items cannot be buttons (axe). */}
      <div className="palette-list" role="group" aria-label="Add a population">
        {POPULATION_MODELS.map((model) => (
          <PaletteItem key={model} model={model} onAdd={onAdd} />
        ))}
      </div>
      <div className="palette-help">
        <h3>Connect</h3>
        <p>
          Drag from a node's right handle to another node's left handle. Drop on its own left handle
          for a recurrent loop.
        </p>
        <p>
          Into an SC dense layer, a connection feeds the source's firing rates as the layer's inputs
          (dashed edge).
        </p>
        <h3>Shortcuts</h3>
        <dl className="shortcut-list">
          <dt>Shift+drag</dt>
          <dd>box select</dd>
          <dt>Del</dt>
          <dd>delete</dd>
          <dt>Ctrl+D</dt>
          <dd>duplicate</dd>
          <dt>Ctrl+C / V</dt>
          <dd>copy / paste</dd>
          <dt>Ctrl+Z</dt>
          <dd>undo</dd>
          <dt>Ctrl+Shift+Z</dt>
          <dd>redo</dd>
          <dt>F</dt>
          <dd>fit to view</dd>
        </dl>
      </div>
    </aside>
  );
}
