// A process's output stream cut into lines for the container log (the CRI log is line-based:
// one record per line, stamped when written).
import type { Writer } from '../../../shell'

/** containerd splits a line longer than 16 KiB into partial records; we cut there too. */
export const MAX_LINE_CHARS = 16 * 1024

export class LineWriter implements Writer {
  private partial = ''

  constructor(private readonly emit: (line: string) => void) {}

  write(chunk: string): void {
    if (chunk === '') return
    const parts = (this.partial + chunk).split('\n')
    this.partial = parts.pop() ?? ''
    for (const p of parts) this.emit(p)
    while (this.partial.length > MAX_LINE_CHARS) {
      this.emit(this.partial.slice(0, MAX_LINE_CHARS))
      this.partial = this.partial.slice(MAX_LINE_CHARS)
    }
  }

  /** The process ended: a last line without its newline still reaches the log. */
  flush(): void {
    if (this.partial !== '') this.emit(this.partial)
    this.partial = ''
  }
}
