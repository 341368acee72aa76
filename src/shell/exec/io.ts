// The three standard streams plus what a command needs to know about them.
import type { CancelSignal, InteractiveSession, Reader, Writer } from '../types'

export interface IO {
  stdin: Reader
  stdout: Writer
  stderr: Writer
  signal: CancelSignal
  /** True while stdout is the terminal itself. */
  isTTY: boolean
  columns?: number
  /** The host's terminal hand-over for this run (kubectl exec -it), when it has one. */
  attach?: (session: InteractiveSession) => void
}
