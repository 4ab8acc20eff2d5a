/**
 * A small seeded generator (mulberry32) for reproducible made-up data: the interchange bench's
 * weights and spikes, and the tests' random cases. Not the engine's generator (engine/random.ts),
 * whose draws the backends must reproduce bit for bit.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
