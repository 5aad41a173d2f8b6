// Seeded randomness whose whole state is one 32-bit integer kept inside the game state,
// so a snapshot or a replay continues the same sequence (mulberry32).

export interface RandomSource {
  rngState: number;
}

/** A float in [0, 1); advances the source's state. */
export function nextRandom(source: RandomSource): number {
  let t = (source.rngState = (source.rngState + 0x6d2b79f5) | 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** An integer in [0, n). */
export function nextInt(source: RandomSource, n: number): number {
  return Math.floor(nextRandom(source) * n);
}

/** Mixes numbers and strings into a 32-bit seed (FNV-1a over their text, then avalanche). */
export function mixSeed(...parts: (number | string)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = String(part);
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x2f;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Stable hash of a key into [0, n): the partitioner (same key, same partition). */
export function partitionOf(key: string, n: number): number {
  return ((mixSeed(key) >>> 0) % n) | 0;
}
