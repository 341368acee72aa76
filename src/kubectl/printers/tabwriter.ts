// A port of Go's text/tabwriter (the parts kubectl uses), so columns line up exactly as kubectl's.
//
// Cells are tab-terminated; the text after a line's last tab is not a cell of any column and is
// never padded. A "column block" is a run of consecutive lines that all have a cell in that column;
// each block is as wide as its widest cell plus `padding`, but at least `minwidth`. Example with
// kubectl's settings (minwidth 6, padding 3): "NAME\tREADY\n" + "web\t1/1\n" gives NAME padded to
// max(6, 4 + 3) = 7 columns: "NAME   READY" / "web    1/1".

export interface TabWriterOptions {
  /** Minimal cell width including padding. */
  minwidth: number
  /** Padding added to a cell's width. */
  padding: number
}

/** cli-runtime/pkg/printers/tabwriter.go: tabwriter.NewWriter(out, 6, 4, 3, ' ', RememberWidths). */
export const GET_TABWRITER: TabWriterOptions = { minwidth: 6, padding: 3 }
/** kubectl describe: tabwriter.NewWriter(out, 0, 8, 2, ' ', 0). */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minwidth: 0, padding: 2 }

interface Cell { text: string; width: number }

/** Width in runes, as tabwriter counts it (utf8.RuneCount). */
function runeWidth(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

function splitLines(text: string): Cell[][] {
  const lines: Cell[][] = [[]]
  let cur = ''
  const push = () => { lines[lines.length - 1].push({ text: cur, width: runeWidth(cur) }); cur = '' }
  for (const ch of text) {
    if (ch === '\t') push()
    else if (ch === '\n') { push(); lines.push([]) }
    else cur += ch
  }
  if (cur !== '') push() // Flush terminates a non-empty trailing cell only
  return lines
}

/**
 * Align tab-separated text the way Go's tabwriter does on Flush. `remembered` gives kubectl's
 * RememberWidths flag (liggitt/tabwriter): column widths never shrink across calls, so rows
 * printed one at a time by `get -w` stay aligned with the header printed first.
 */
export function tabwrite(text: string, opts: TabWriterOptions, remembered?: number[]): string {
  const lines = splitLines(text)
  const widths: number[] = []
  let out = ''

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i]
      line.forEach((c, j) => {
        out += c.text
        if (j < widths.length) out += ' '.repeat(Math.max(0, widths[j] - c.width))
      })
      if (i + 1 < lines.length) out += '\n' // the last buffered line has no newline
    }
  }

  const format = (line0: number, line1: number) => {
    const column = widths.length
    for (let row = line0; row < line1; row++) {
      if (column >= lines[row].length - 1) continue
      // A cell exists in this column: print the lines before it, then size the block.
      writeLines(line0, row)
      line0 = row
      let width = opts.minwidth
      for (; row < line1; row++) {
        const line = lines[row]
        if (column >= line.length - 1) break
        width = Math.max(width, line[column].width + opts.padding)
      }
      if (remembered) {
        width = Math.max(width, remembered[column] ?? 0)
        remembered[column] = width
      }
      widths.push(width)
      format(line0, row)
      widths.pop()
      line0 = row // `row` lacks this column, so the loop's increment may skip it (as Go's does)
    }
    writeLines(line0, line1)
  }

  format(0, lines.length)
  return out
}
