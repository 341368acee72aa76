// minikube's tables (olekukonko/tablewriter as minikube configures it: borders on all sides, `|`
// as the centre separator, headers upper-cased and centred, text cells left-aligned, numeric
// cells right-aligned, a cell with line breaks spread over several lines).
//   |----------------------|----------|--------------|
//   |      ADDON NAME      | PROFILE  |    STATUS    |
//   |----------------------|----------|--------------|
//   | default-storageclass | minikube | enabled ✅   |

/** Terminal columns of a string: emoji such as ✅ take two (go-runewidth). */
export function displayWidth(s: string): number {
  let w = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    w += cp >= 0x1f300 || (cp >= 0x2600 && cp <= 0x27bf) || (cp >= 0x1100 && cp <= 0x115f) ? 2 : 1
  }
  return w
}

const NUMERIC = /^[-+]?\d+(\.\d+)?$/

function pad(s: string, width: number, align: 'left' | 'right' | 'center'): string {
  const gap = Math.max(0, width - displayWidth(s))
  if (align === 'right') return ' '.repeat(gap) + s
  if (align === 'left') return s + ' '.repeat(gap)
  const left = Math.floor(gap / 2)
  return ' '.repeat(left) + s + ' '.repeat(gap - left)
}

export function renderTable(header: string[], rows: string[][]): string {
  const head = header.map((h) => h.replace(/_/g, ' ').toUpperCase())
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.flatMap((r) => (r[i] ?? '').split('\n').map(displayWidth))))
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`
  const line = (cells: string[]) => `| ${cells.join(' | ')} |\n`
  let out = rule + line(head.map((h, i) => pad(h, widths[i], 'center'))) + rule
  for (const r of rows) {
    const parts = widths.map((_, i) => (r[i] ?? '').split('\n'))
    const height = Math.max(...parts.map((p) => p.length))
    for (let k = 0; k < height; k++) {
      out += line(parts.map((p, i) => {
        const cell = p[k] ?? ''
        return pad(cell, widths[i], NUMERIC.test(cell.trim()) ? 'right' : 'left')
      }))
    }
  }
  return out + rule
}
