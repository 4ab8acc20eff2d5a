/**
 * The run's live changes drawn over the plots' time axis: a dashed vertical line at each
 * change's step with a label ("exc · Bias current = 1.2 at 340 ms"). The plots share their
 * horizontal geometry (`PLOT_MARGIN`, `timeRange`), so one overlay spans them all; it follows
 * the record at most once per animation frame, like the plots.
 */
import { useEffect, useReducer, useRef } from 'react';
import { PLOT_MARGIN, timeRange } from '../plots/plot-theme.ts';
import { liveMarkerText } from '../../store/session/live-log.ts';
import type { RunRecord } from '../../store/session/record.ts';
import { markersInWindow } from './marker-layout.ts';

export function LiveMarkers({ record }: { record: RunRecord }) {
  const ref = useRef<HTMLDivElement | null>(null);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    let frame = 0;
    const schedule = (): void => {
      if (frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          redraw();
        });
      }
    };
    const stop = record.subscribe(() => {
      if (record.liveChanges.length > 0) schedule();
    });
    const resize = new ResizeObserver(schedule);
    if (ref.current) resize.observe(ref.current);
    return () => {
      stop();
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [record]);

  const width = ref.current?.clientWidth ?? 0;
  const [t0, t1] = timeRange(record.endStep, record.windowSteps, record.dt);
  const markers =
    width > 0
      ? markersInWindow(record.liveChanges, record.dt, [t0, t1], {
          left: PLOT_MARGIN.l,
          width: width - PLOT_MARGIN.l - PLOT_MARGIN.r,
        })
      : [];
  return (
    <div className="live-markers" ref={ref} data-testid="live-markers" aria-hidden="true">
      {markers.map((m) => (
        <div
          key={m.step}
          // In the right half the label hangs to the left of the line, so it stays in view.
          className={m.x > width / 2 ? 'live-marker live-marker-flip' : 'live-marker'}
          style={{ left: m.x }}
          data-step={m.step}
        >
          <span className="live-marker-label">
            {m.entries.map((e) => liveMarkerText(e, record.dt)).join('; ')}
          </span>
        </div>
      ))}
    </div>
  );
}
