// A small unified diff, shaped like GNU `diff -u` (what kubectl diff runs): an LCS edit script,
// deletions before insertions inside a change, 3 lines of context, and changes closer than
// 2×context merged into one hunk. Hunk ranges follow GNU: `@@ -5 +5 @@` for one line,
// `@@ -4,0 +5,2 @@` for none (the line before).

/** Lines of context around each change (`diff -u`'s default). */
export const CONTEXT = 3

type Op = { t: ' ' | '-' | '+'; line: string }

/** Split text into lines; a final newline does not make an extra empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** The edit script from a to b by longest common subsequence (O(n·m), fine for manifests). */
export function editScript(a: string[], b: string[]): Op[] {
  const n = a.length
  const m = b.length
  const w = m + 1
  const lcs = new Uint32Array((n + 1) * w)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1])
    }
  }
  const ops: Op[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { ops.push({ t: ' ', line: a[i] }); i++; j++ } else if (j >= m || (i < n && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) { ops.push({ t: '-', line: a[i] }); i++ } else { ops.push({ t: '+', line: b[j] }); j++ }
  }
  return ops
}

function range(start: number, count: number): string {
  if (count === 1) return `${start}`
  return `${count === 0 ? start - 1 : start},${count}`
}

/** The hunks of `diff -u` (without the ---/+++ header); '' when the texts are equal. */
export function unifiedHunks(aText: string, bText: string, context = CONTEXT): string {
  const ops = editScript(splitLines(aText), splitLines(bText))
  const changed = ops.map((o, k) => (o.t !== ' ' ? k : -1)).filter((k) => k >= 0)
  if (changed.length === 0) return ''
  // Group changes whose gap of unchanged lines is at most 2×context.
  const groups: Array<[number, number]> = []
  for (const k of changed) {
    const last = groups[groups.length - 1]
    if (last && k - last[1] - 1 <= 2 * context) last[1] = k
    else groups.push([k, k])
  }
  // Line numbers (1-based) of a and b before each op.
  const aLine: number[] = []
  const bLine: number[] = []
  let ai = 1
  let bi = 1
  for (const o of ops) { aLine.push(ai); bLine.push(bi); if (o.t !== '+') ai++; if (o.t !== '-') bi++ }
  let out = ''
  for (const [first, last] of groups) {
    const from = Math.max(0, first - context)
    const to = Math.min(ops.length - 1, last + context)
    const slice = ops.slice(from, to + 1)
    const aCount = slice.filter((o) => o.t !== '+').length
    const bCount = slice.filter((o) => o.t !== '-').length
    out += `@@ -${range(aLine[from], aCount)} +${range(bLine[from], bCount)} @@\n`
    for (const o of slice) out += `${o.t}${o.line}\n`
  }
  return out
}
