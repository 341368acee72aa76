// cobra's "Did you mean this?" (command.go SuggestionsFor): a command is suggested when its
// Levenshtein distance to the typed word is at most 2, or when its name starts with the word.
export const SUGGESTIONS_MINIMUM_DISTANCE = 2

export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase()
  const t = b.toLowerCase()
  const d: number[] = Array.from({ length: t.length + 1 }, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    let prev = d[0]
    d[0] = i
    for (let j = 1; j <= t.length; j++) {
      const tmp = d[j]
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (s[i - 1] === t[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return d[t.length]
}

/** The suffix cobra appends to `unknown command "x" for "kubectl"` (empty when nothing is close). */
export function suggestFor(typed: string, names: string[]): string {
  const hits = names.filter((n) => levenshtein(typed, n) <= SUGGESTIONS_MINIMUM_DISTANCE || n.toLowerCase().startsWith(typed.toLowerCase()))
  if (hits.length === 0) return ''
  return `\n\nDid you mean this?\n${hits.map((h) => `\t${h}\n`).join('')}`
}
