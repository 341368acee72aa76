// controller.ComputeHash: the pod-template-hash. Upstream hashes the template with 32-bit FNV-1a
// (over a spew dump) plus the collision count, prints the number in decimal and maps each digit
// through rand.SafeEncodeString's alphabet. We hash canonical JSON instead of a spew dump, so the
// value differs from Go's but has the same alphabet and length (up to 10 characters, e.g.
// "6d4c9f8b7") and is stable for a template.
import { NAME_SUFFIX_ALPHABET } from '../../../runtime/random'

const FNV32_OFFSET = 0x811c9dc5
const FNV32_PRIME = 0x01000193

/** JSON with keys sorted at every level, so equal templates give equal text. */
export function canonicalJSON(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null'
  if (Array.isArray(v)) return `[${v.map(canonicalJSON).join(',')}]`
  const o = v as Record<string, unknown>
  return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJSON(o[k])}`).join(',')}}`
}

/** FNV-1a, 32 bits, over the UTF-8 bytes of `s` then `extra` bytes. */
export function fnv32a(s: string, extra: readonly number[] = []): number {
  let h = FNV32_OFFSET
  const feed = (b: number) => { h ^= b; h = Math.imul(h, FNV32_PRIME) >>> 0 }
  for (const b of new TextEncoder().encode(s)) feed(b)
  for (const b of extra) feed(b)
  return h >>> 0
}

/** rand.SafeEncodeString: each character → alphabet[byte % 27] (no vowels, no 0/1/3). */
export function safeEncodeString(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) out += NAME_SUFFIX_ALPHABET[s.charCodeAt(i) % NAME_SUFFIX_ALPHABET.length]
  return out
}

/** The collision count is written after the template as 4 little-endian bytes, as upstream. */
export function computeHash(template: unknown, collisionCount?: number | null): string {
  const extra = collisionCount === undefined || collisionCount === null ? []
    : [collisionCount & 0xff, (collisionCount >>> 8) & 0xff, (collisionCount >>> 16) & 0xff, (collisionCount >>> 24) & 0xff]
  return safeEncodeString(String(fnv32a(canonicalJSON(template), extra)))
}
