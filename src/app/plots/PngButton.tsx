/** Saves the plot in `target` as a PNG. */
import type { RefObject } from 'react';
import { downloadPng } from './plotly.ts';

export function PngButton({
  target,
  filename,
  label,
}: {
  target: RefObject<HTMLDivElement | null>;
  filename: string;
  label: string;
}) {
  return (
    <button
      type="button"
      className="plot-png"
      title={`Save the ${label} as PNG`}
      onClick={() => {
        if (target.current) void downloadPng(target.current, filename);
      }}
    >
      PNG
    </button>
  );
}
