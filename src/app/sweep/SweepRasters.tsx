/**
 * The variants' rasters as small multiples: one small canvas per variant (time across, neuron
 * down), captioned with its value and rate, so the change along the sweep is seen at a glance.
 */
import { useEffect, useRef } from 'react';
import type { SweepPoint } from '../../engine/sweep/run-sweep.ts';
import { populationColor } from '../plots/plot-theme.ts';

const WIDTH = 168;
const HEIGHT = 84;

function drawRaster(canvas: HTMLCanvasElement, point: SweepPoint, totalSteps: number): void {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(WIDTH * ratio);
  canvas.height = Math.round(HEIGHT * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = '#0b1017';
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  ctx.fillStyle = populationColor(0);
  const rows = Math.max(1, point.size);
  const dot = Math.max(1, Math.min(2, HEIGHT / rows));
  const { steps, indices } = point.raster;
  for (let k = 0; k < steps.length; k++) {
    const x = ((steps[k] ?? 0) / Math.max(1, totalSteps)) * WIDTH;
    const y = (((indices[k] ?? 0) + 0.5) / rows) * HEIGHT;
    ctx.fillRect(x, y - dot / 2, dot, dot);
  }
}

function SmallRaster({
  point,
  totalSteps,
  label,
  index,
}: {
  point: SweepPoint;
  totalSteps: number;
  label: string;
  index: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) drawRaster(ref.current, point, totalSteps);
  }, [point, totalSteps]);
  // The parameter's name is the curve's axis title; here the value and the rate only.
  const caption = `${formatValue(point.value)}: ${point.rate.toFixed(1)} Hz`;
  return (
    <figure className="sweep-raster" data-testid={`sweep-raster-${index}`}>
      <canvas
        ref={ref}
        role="img"
        aria-label={`Raster of variant ${index + 1}, ${label} = ${caption}`}
        style={{ width: WIDTH, height: HEIGHT }}
      />
      <figcaption>
        {caption}
        {point.rasterTruncated && ' (first spikes only)'}
      </figcaption>
    </figure>
  );
}

export function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : Number(v.toPrecision(4)).toString();
}

export function SweepRasters({
  points,
  totalSteps,
  label,
}: {
  points: readonly SweepPoint[];
  totalSteps: number;
  label: string;
}) {
  return (
    <div className="sweep-rasters" data-testid="sweep-rasters">
      {points.map((p, i) => (
        <SmallRaster key={i} point={p} totalSteps={totalSteps} label={label} index={i} />
      ))}
    </div>
  );
}
