import { useSessionStore } from '../../store/session/index.ts';
import { useDocumentStore } from '../../store/document/index.ts';
import type { SceneModel } from './scene-model.ts';
import { useViewStore } from './view-store.ts';

/**
 * The 3D view's buttons: fit the network, follow the activity; and what the view shows (how
 * many neurons, and which populations cannot flash because their spikes are not recorded).
 */
export function View3DToolbar({ scene }: { scene: SceneModel }) {
  const follow = useViewStore((s) => s.follow);
  const setFollow = useViewStore((s) => s.setFollow);
  const requestFit = useViewStore((s) => s.requestFit);
  const probes = useDocumentStore((s) => s.document.probes);
  const running = useSessionStore((s) => s.status === 'running');
  const recorded = new Set(probes.flatMap((p) => (p.kind === 'spikes' ? [p.population] : [])));
  const silent = scene.populations.filter((p) => !recorded.has(p.id)).map((p) => p.label);
  return (
    <div className="view3d-toolbar" role="toolbar" aria-label="3D view">
      <button
        type="button"
        className="btn btn-small"
        data-testid="view3d-fit"
        title="Show the whole network (F)"
        onClick={requestFit}
      >
        Fit
      </button>
      <button
        type="button"
        className="btn btn-small"
        data-testid="view3d-follow"
        aria-pressed={follow}
        title="Ease the camera toward where the spikes are"
        onClick={() => setFollow(!follow)}
      >
        Follow activity
      </button>
      <span className="view3d-info" data-testid="view3d-info">
        {scene.totalNeurons.toLocaleString('en-US')} neurons
        {running && silent.length > 0 && ` · not recorded: ${silent.join(', ')}`}
      </span>
    </div>
  );
}
