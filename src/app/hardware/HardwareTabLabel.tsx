/** The Hardware tab's label: a comparison's progress shows while another tab is open. */
import { useHardwareStore } from './index.ts';

export function HardwareTabLabel() {
  const progress = useHardwareStore((s) => s.progress);
  // Two runs, float then fixed: each is half of the comparison.
  const fraction =
    progress === null ? null : (progress.phase === 'float' ? 0 : 0.5) + progress.fraction / 2;
  return (
    <>
      Hardware
      {fraction !== null && (
        <span className="tab-badge" data-testid="hw-tab-progress">
          {Math.round(fraction * 100)}%
        </span>
      )}
    </>
  );
}
