/**
 * The presenter view's 3D view: the lab's own (src/app/view3d), loaded on demand like there, so
 * the neurons flash with the run beside the raster. Its toolbar's Follow activity suits a room.
 */
import { lazy, Suspense } from 'react';

const View3D = lazy(() => import('../view3d/View3D.tsx'));

export function Presenter3D() {
  return (
    <section className="presenter-3d" aria-label="3D view">
      <Suspense fallback={<p className="presenter-empty">Loading the 3D view…</p>}>
        <View3D />
      </Suspense>
    </section>
  );
}
