// The learner's terminal with `kubectl exec -it` in it: a line runs in the learner's shell, which
// may hand the terminal to a nested interactive session (ctx.attach); from then on lines, Tab
// completion and the prompt belong to that session until it exits, when the learner's shell takes
// over again with $? set to the nested exit status, as after a real `kubectl exec -it ... -- sh`.
import { createCancel, type InteractiveSession, type RunIO, type Shell } from '../shell'

export interface TerminalRunIO extends Omit<RunIO, 'attach'> {
  /** False for a host without a terminal (kubectl then runs -it commands to completion). Default true. */
  interactive?: boolean
}

export class AttachRouter {
  private nested: InteractiveSession | undefined

  constructor(private readonly shell: Shell) {}

  /** The attached session while it lasts (one that ended on its own is let go here). */
  get active(): InteractiveSession | undefined {
    if (this.nested?.exited) this.release()
    return this.nested
  }

  /** The prompt the terminal shows now: the nested session's, or undefined for the learner's own. */
  prompt(): string | undefined {
    return this.active?.prompt()
  }

  async run(line: string, io: TerminalRunIO): Promise<number> {
    const nested = this.active
    if (nested) return this.runNested(nested, line, io)
    let handed: InteractiveSession | undefined
    const { interactive, ...runIO } = io
    const code = await this.shell.run(line, {
      ...runIO,
      attach: interactive === false ? undefined : (s) => { handed = s },
    })
    if (handed && !handed.exited) this.nested = handed
    return code
  }

  complete(line: string, cursor: number): { word: string; items: string[] } {
    const nested = this.active
    if (nested) return nested.complete?.(line, cursor) ?? { word: '', items: [] }
    return this.shell.complete(line, cursor)
  }

  /** The terminal goes away (a new `hello`): the nested session is told, as a hang-up would. */
  dispose(): void {
    this.nested?.close?.()
    this.nested = undefined
  }

  private async runNested(nested: InteractiveSession, line: string, io: TerminalRunIO): Promise<number> {
    let code: number
    try {
      code = await nested.run(line, { stdout: io.stdout, stderr: io.stderr, signal: io.signal, columns: io.columns })
    } catch (e) {
      io.stderr.write(`kubelab: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
      code = 1
    }
    if (!nested.exited) return code
    const status = nested.exitCode
    this.release()
    await this.setStatus(status)
    return status
  }

  private release(): void {
    this.nested = undefined
  }

  /** `$?` in the learner's shell after the nested one ended: a subshell exiting with it. */
  private async setStatus(status: number): Promise<void> {
    const silent = { write: () => {} }
    await this.shell.runArgv(['eval', `(exit ${status})`], { stdout: silent, stderr: silent, signal: createCancel().signal, isTTY: false })
  }
}
