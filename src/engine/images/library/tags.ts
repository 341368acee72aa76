// Tag lists as registries publish them: `1.25` plus every patch `1.25.0` … `1.25.5`, optionally with
// a variant suffix (`1.25.5-alpine`). Patch counts are the real ones, so `nginx:1.25.9` is
// `manifest unknown` exactly as on Docker Hub.

/** `{ '1.25': 5 }` → 1.25, 1.25.0 … 1.25.5 (a negative count: the minor tag only). */
export function patchTags(lines: Record<string, number>, suffix = ''): string[] {
  const out: string[] = []
  for (const [minor, last] of Object.entries(lines)) {
    out.push(minor + suffix)
    for (let p = 0; p <= last; p++) out.push(`${minor}.${p}${suffix}`)
  }
  return out
}

/** Each tag with each suffix: `withSuffixes(['7.4'], ['', '-alpine'])` → 7.4, 7.4-alpine. */
export function withSuffixes(tags: readonly string[], suffixes: readonly string[]): string[] {
  return suffixes.flatMap((s) => tags.map((t) => t + s))
}
