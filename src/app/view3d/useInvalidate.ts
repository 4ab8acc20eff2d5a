/** The canvas's `invalidate` (the view renders on demand: after a change, not every frame). */
import { useThree } from '@react-three/fiber';

export function useInvalidate(): () => void {
  return useThree((s) => s.invalidate);
}
