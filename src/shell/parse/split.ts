// Splitting a script into its top-level commands, as the headless runner prints them (`$ cmd`).
import { ShellSyntaxError } from './errors'
import { Parser } from './parser'

/**
 * The source text of each complete top-level command: one line normally; a multi-line
 * `if`/`for`/`while`/here-document is one entry; `a; b` on one line stays one entry; comments and
 * blank lines are dropped. A script with a syntax error is split as far as it parses, and the rest
 * is returned as one entry so that running it reports the error.
 */
export function splitCommands(script: string): string[] {
  try {
    const { spans } = new Parser(script).parseProgram()
    return spans.map((s) => script.slice(s.start, s.end).replace(/\n$/, ''))
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e
    const out: string[] = []
    const lines = script.split('\n')
    // Fall back line by line so the good commands before the error still show.
    let acc = ''
    for (const line of lines) {
      acc = acc === '' ? line : acc + '\n' + line
      if (isComplete(acc)) {
        out.push(...splitCommandsSafe(acc))
        acc = ''
      }
    }
    if (acc.trim() !== '') out.push(acc.trim())
    return out
  }
}

function splitCommandsSafe(src: string): string[] {
  try {
    const { spans } = new Parser(src).parseProgram()
    return spans.map((s) => src.slice(s.start, s.end).replace(/\n$/, ''))
  } catch {
    return src.trim() === '' ? [] : [src.trim()]
  }
}

/** False when the input ends inside a quote, compound command or here-document (a terminal then asks for more). */
export function isComplete(source: string): boolean {
  // A line ending in an unescaped backslash continues on the next line.
  if (/(^|[^\\])(\\\\)*\\$/.test(source)) return false
  try {
    new Parser(source).parseProgram()
    return true
  } catch (e) {
    return !(e instanceof ShellSyntaxError && e.eof)
  }
}
