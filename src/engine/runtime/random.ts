// Seeded randomness: the only source of chance in the engine (pod name suffixes, uids, jitter,
// IP choice). mulberry32: tiny, fast, and good enough for a simulation; never used for secrets.

export class SeededRandom {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** Integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1)
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]
  }

  /** `n` characters drawn from `alphabet`. */
  string(n: number, alphabet: string): string {
    let s = ''
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)]
    return s
  }

  /** A version-4-shaped UUID (for metadata.uid). */
  uuid(): string {
    const hex = this.string(32, '0123456789abcdef').split('')
    hex[12] = '4'
    hex[16] = '89ab'[this.int(4)]
    const h = hex.join('')
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
  }
}

/** Upstream's utilrand.String alphabet: no vowels (no words), no confusable 0/1/3. */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'
