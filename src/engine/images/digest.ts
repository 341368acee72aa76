// Stable pseudo-digests: 64 hex characters derived from a string, so an image's imageID is the
// same in every session without storing real registry digests. FNV-1a, re-seeded per 8-hex block.

export function hex64(s: string): string {
  let out = ''
  for (let block = 0; block < 8; block++) {
    let h = (0x811c9dc5 ^ Math.imul(block + 1, 0x9e3779b1)) >>> 0
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i)
      h = Math.imul(h, 0x01000193) >>> 0
    }
    // A final avalanche so neighbouring blocks differ in every digit.
    h ^= h >>> 16
    h = Math.imul(h, 0x85ebca6b) >>> 0
    h ^= h >>> 13
    out += (h >>> 0).toString(16).padStart(8, '0')
  }
  return out
}
