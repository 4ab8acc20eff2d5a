import { Canvas } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { useDocumentStore } from '../../store/document/index.ts';
import { isTypingTarget, hasCommandKey } from '../common/keyboard.ts';
import { LayoutPanel } from './LayoutPanel.tsx';
import { buildScene } from './scene-model.ts';
import { SceneContents } from './SceneContents.tsx';
import { View3DToolbar } from './View3DToolbar.tsx';
import { useViewStore } from './view-store.ts';
import './view3d.css';

/** The canvas's background (App.css `--bg`), so the 2D and 3D views sit side by side calmly. */
const BACKGROUND = '#0d1117';

/**
 * The 3D view of the network: populations as clouds of neurons, projections as bundles,
 * neurons flashing as the run's spikes arrive. Loaded on demand (three.js is large), so the
 * editor opens as fast as before. Renders on demand: a frame after a change, a spike, a drag.
 */
export default function View3D() {
  const populations = useDocumentStore((s) => s.document.populations);
  const projections = useDocumentStore((s) => s.document.projections);
  const selected = useDocumentStore((s) => s.selection.populations);
  // Only populations and projections shape the scene; a probe or run edit must not rebuild it.
  const scene = useMemo(
    () => buildScene({ ...useDocumentStore.getState().document, populations, projections }),
    [populations, projections],
  );
  const single =
    selected.length === 1 ? scene.populations.find((p) => p.id === selected[0]) : undefined;
  useFitKey();
  return (
    <div className="view3d" data-testid="view3d">
      <Canvas
        className="view3d-canvas"
        frameloop="demand"
        // No tone mapping: a flash must reach near white, and the model colors stay those of the
        // palette and the canvas.
        flat
        dpr={[1, 2]}
        camera={{ fov: 45, near: 0.1, far: 10_000, position: [0, 0, 50] }}
        role="img"
        aria-label="3D view of the network: drag to orbit, wheel to zoom, click a neuron to record it"
      >
        <color attach="background" args={[BACKGROUND]} />
        <SceneContents scene={scene} />
      </Canvas>
      <View3DToolbar scene={scene} />
      {single && <LayoutPanel population={single} />}
    </div>
  );
}

/** F fits the 3D view too (the 2D editor's own F handler fits the canvas). */
function useFitKey(): void {
  const requestFit = useViewStore((s) => s.requestFit);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || event.altKey || hasCommandKey(event)) return;
      if (event.key.toLowerCase() === 'f' && !event.shiftKey) requestFit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [requestFit]);
}
