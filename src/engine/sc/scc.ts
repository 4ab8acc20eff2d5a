/**
 * Stochastic cross-correlation (Alaghi & Hayes, "Exploiting correlation in stochastic circuit
 * design", ICCD 2013):
 *
 *     SCC = (p11 - pa pb) / (min(pa, pb) - pa pb)          if p11 > pa pb
 *         = (p11 - pa pb) / (pa pb - max(pa + pb - 1, 0))  otherwise
 *
 * with pa, pb the densities and p11 the density of `a AND b`. +1: maximal overlap (AND gives
 * min), 0: independent (AND gives the product), -1: minimal overlap (AND gives max(pa+pb-1, 0)).
 */
import { assertSameLength } from './bitstream.ts';
import type { Bitstream } from './bitstream.ts';
import { andPopcountWords, popcountWords } from './word-kernels.ts';

/**
 * SCC of two equally long streams, in [-1, 1]. Defined as 0 when the denominator vanishes (a
 * constant stream, all zeros or all ones, is uncorrelated with anything).
 *
 * @example
 * scc(s, s) === 1
 */
export function scc(a: Bitstream, b: Bitstream): number {
  const n = assertSameLength(a, b);
  if (n === 0) return 0;
  const words = a.words.length;
  const pa = popcountWords(a.words, 0, words) / n;
  const pb = popcountWords(b.words, 0, words) / n;
  const p11 = andPopcountWords(a.words, b.words, 0, words) / n;
  const delta = p11 - pa * pb;
  const denominator = delta > 0 ? Math.min(pa, pb) - pa * pb : pa * pb - Math.max(pa + pb - 1, 0);
  return denominator === 0 ? 0 : delta / denominator;
}
