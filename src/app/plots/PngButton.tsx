/** Saves the plot in `target` as a PNG: plotly's export, or the live canvas while streaming. */
import type { RefObject } from 'react';
import { downloadCanvasPng } from './download.ts';
import { downloadPng } from './plotly.ts';

export function PngButton({
  target,
  canvas,
  live,
  filename,
  label,
}: {
  target: RefObject<HTMLDivElement | null>;
  canvas: RefObject<HTMLCanvasElement | null>;
  live: boolean;
  filename: string;
  label: string;
}) {
  return (
    <button
      type="button"
      className="plot-png"
      title={`Save the ${label} as PNG`}
      onClick={() => {
        // While streaming the plotly figure is not kept up to date; the canvas is what shows.
        if (live && canvas.current) downloadCanvasPng(canvas.current, filename);
        else if (target.current) void downloadPng(target.current, filename);
      }}
    >
      PNG
    </button>
  );
}
