// `kubectl exec -it web -- sh`: an interactive shell in the container, with the prompt that image's
// shell prints (busybox ash `/ # `, debian dash `# `, bash `root@web:/# `), until `exit` or the
// container's end.
import type { CancelSignal, InteractiveSession, Shell } from '../../../shell'
import { basename } from '../../../shell'
import type { ImageSpec } from '../../images/types'
import { hasShell, SHELL_NAMES } from './lookup'
import { execErrorMessage, RuntimeExecError, SIGKILL_EXIT_CODE } from './messages'
import { eitherSignal } from './signals'

export interface SessionOptions {
  argv: string[]
  image: ImageSpec
  shell: () => Shell
  /** Aborts when the container ends: the session ends with it. */
  containerEnded: CancelSignal
  /** Lists the session's shell in `ps`; returns the untrack. */
  track: () => () => void
}

/** The prompt families: busybox ash (PS1 `\w \$ `), dash (`\$ `), bash (`\u@\h:\w\$ `). */
export type PromptStyle = 'ash' | 'dash' | 'bash'

export function promptStyle(image: ImageSpec, shellName: string): PromptStyle {
  if (shellName === 'bash') return 'bash'
  if (shellName === 'ash') return 'ash'
  if (shellName === 'dash') return 'dash'
  return image.shell === 'sh' ? 'ash' : 'dash'
}

export function renderPrompt(style: PromptStyle, shell: Shell): string {
  const sigil = shell.user === 'root' ? '#' : '$'
  if (style === 'bash') {
    // A uid without a passwd entry (runAsUser: 1001): bash's \u cannot name it.
    if (/^\d+$/.test(shell.user)) return `I have no name!@${shell.hostname}:${tilde(shell)}${sigil} `
    return shell.prompt()
  }
  if (style === 'dash') return `${sigil} `
  return `${tilde(shell)} ${sigil} `
}

/** `\w`: the working directory with $HOME as `~`. */
function tilde(shell: Shell): string {
  const home = shell.env.HOME
  const cwd = shell.cwd
  return home && home !== '/' && (cwd === home || cwd.startsWith(`${home}/`)) ? `~${cwd.slice(home.length)}` : cwd
}

/**
 * Throws RuntimeExecError with the runtime's words when the image has no such shell
 * (`kubectl exec -it busybox -- bash`). argv[0] must be a shell: other commands go through exec().
 */
export function containerSession(o: SessionOptions): InteractiveSession {
  const argv0 = o.argv[0] ?? ''
  const name = basename(argv0)
  if (!SHELL_NAMES.has(name)) {
    if (o.image.shell === 'none') throw new RuntimeExecError(execErrorMessage(argv0))
    throw new Error(`interactive sessions run a shell, not ${JSON.stringify(argv0)}: use exec`)
  }
  if (!hasShell(o.image, name)) throw new RuntimeExecError(execErrorMessage(argv0))
  const shell = o.shell()
  const style = promptStyle(o.image, name)
  const untrack = o.track()
  let closed = false
  const session: InteractiveSession = {
    async run(line, io) {
      if (session.exited) return session.exitCode
      const signal = eitherSignal(io.signal, o.containerEnded)
      try {
        return await shell.run(line, { stdout: io.stdout, stderr: io.stderr, signal, isTTY: true, columns: io.columns })
      } finally {
        signal.dispose()
        if (shell.exited) untrack()
      }
    },
    prompt: () => renderPrompt(style, shell),
    complete: (line, cursor) => shell.complete(line, cursor),
    get exited() {
      return closed || shell.exited || o.containerEnded.aborted
    },
    get exitCode() {
      if (shell.exited) return shell.exitCode
      return o.containerEnded.aborted ? SIGKILL_EXIT_CODE : shell.lastStatus
    },
    close() {
      closed = true
      untrack()
    },
  }
  return session
}
