/**
 * "Keep learned weights": after a run, or while it is paused, writes the weights its plastic
 * projections have learned into the network as per-synapse weights, in one undoable edit.
 */
import { useState } from 'react';
import { formatIssue } from '../../model/index.ts';
import { documentStore } from '../../store/document/index.ts';
import { sessionStore, useSessionStore } from '../../store/session/index.ts';
import { useNotices } from '../common/notices-store.ts';
import { keepLearnedWeights } from './learned-weights.ts';

export function KeepWeightsButton() {
  const status = useSessionStore((s) => s.status);
  const learns = useSessionStore(
    (s) =>
      s.record?.document.projections.some(
        (p) => p.plasticity !== undefined || p.structural !== undefined,
      ) ?? false,
  );
  const [working, setWorking] = useState(false);
  if (!learns || (status !== 'paused' && status !== 'finished')) return null;

  const keep = async () => {
    const { toast } = useNotices.getState();
    setWorking(true);
    const result = await sessionStore.getState().learnedWeights();
    setWorking(false);
    if (!result.ok)
      return toast(`Could not keep the learned weights: ${result.fault.message}`, 'error');
    const doc = documentStore.getState().document;
    const { document, kept, skipped } = keepLearnedWeights(doc, result.weights);
    for (const { id, reason } of skipped) toast(`${id} keeps its weights: ${reason}`, 'error');
    if (kept.length === 0) return;
    const issues = documentStore
      .getState()
      .tryApply({ type: 'replaceDocument', document }, { label: 'keep learned weights' });
    const problem = issues[0];
    if (problem !== undefined)
      return toast(`Could not keep the learned weights: ${formatIssue(problem)}`, 'error');
    const ms = Number((result.step * sessionStore.getState().dt).toPrecision(6));
    toast(
      `Kept the weights of ${kept.join(', ')} learned by ${ms} ms (undo restores them)`,
      'success',
    );
  };

  return (
    <button
      type="button"
      className="run-keep"
      data-testid="keep-weights-button"
      title="Write the weights learned so far into the network as per-synapse weights (one undo step)"
      disabled={working}
      onClick={() => void keep()}
    >
      Keep learned weights
    </button>
  );
}
