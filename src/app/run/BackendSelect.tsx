/**
 * Which engine runs the network (a run setting of the document). The backend that actually
 * runs, after `auto` is resolved, is shown by `RunStats`.
 */
import type { BackendChoice } from '../../model/document.ts';
import { useDocumentStore } from '../../store/document/index.ts';

const CHOICES: readonly { value: BackendChoice; label: string }[] = [
  { value: 'auto', label: 'auto' },
  { value: 'reference', label: 'reference (JS)' },
  { value: 'wasm', label: 'wasm (SIMD)' },
  { value: 'webgpu', label: 'gpu: webgpu' },
  { value: 'webgl2', label: 'gpu: webgl2' },
  { value: 'webasm', label: 'gpu: webasm' },
  { value: 'cpu', label: 'gpu: cpu' },
];

export function BackendSelect() {
  const backend = useDocumentStore((s) => s.document.run.backend);
  // `gpu` (any gpu.js mode) is valid in a document; show it rather than a wrong choice.
  const choices = CHOICES.some((c) => c.value === backend)
    ? CHOICES
    : [...CHOICES, { value: backend, label: backend }];
  return (
    <label className="run-field">
      <span>Backend</span>
      <select
        data-testid="backend-select"
        value={backend}
        onChange={(e) => {
          const chosen = choices.find((c) => c.value === e.target.value);
          if (!chosen) return;
          useDocumentStore
            .getState()
            .apply(
              { type: 'updateRun', patch: { backend: chosen.value } },
              { label: 'Change backend' },
            );
        }}
      >
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
