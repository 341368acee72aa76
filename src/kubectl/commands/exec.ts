// kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go (1.30: the form without `--` is an
// error), podcmd.FindOrDefaultContainerByName, cmdutil.CheckErr's CodeExitError branch.
// With -it, a shell command and a terminal host (ctx.attach), the terminal is handed to a nested
// session in the container (its prompt, until `exit`); anything else runs to completion here.
import type { AbortSignalLike, ChunkWriter, ExecSession } from '../../api/client'
import { flagBool, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { POD_RUNNING_TIMEOUT_FLAG, attachablePod, containerFor, upgradeError } from './exec-target'

export const CONTAINER_FLAG_USAGE = 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen'

/** StreamOptions.SetupTTY's notice when -t is asked for but stdin is no terminal. */
export const NO_TTY = 'Unable to use a TTY - input is not a terminal or the right kind of file'

/** Shells a nested interactive session can run (argv[0]'s base name). */
const SHELLS = ['sh', 'bash', 'ash', 'dash', 'zsh']
/** Options that keep a shell interactive (`bash -il`, `sh -l`); anything else (`sh -c ...`, a script) runs to completion. */
const INTERACTIVE_SHELL_ARGS = /^-[il]+$|^--login$|^--norc$|^--noprofile$/

export function isInteractiveShell(argv: string[]): boolean {
  const base = argv[0]?.split('/').pop() ?? ''
  return SHELLS.includes(base) && argv.slice(1).every((a) => INTERACTIVE_SHELL_ARGS.test(a))
}

/** `command terminated with exit code 3`: how kubectl reports the remote command's status (no `error: `). */
export const terminatedWith = (code: number) => `command terminated with exit code ${code}`

/**
 * The nested session kubectl hands the terminal: the container's shell, plus kubectl's last words
 * when it ends with a non-zero status (`exit 3` → `command terminated with exit code 3`).
 */
export function attachedExec(inner: ExecSession): ExecSession {
  return {
    async run(line: string, io: { stdout: ChunkWriter; stderr: ChunkWriter; signal: AbortSignalLike; columns?: number }) {
      const code = await inner.run(line, io)
      if (inner.exited && inner.exitCode !== 0) io.stderr.write(`${terminatedWith(inner.exitCode)}\n`)
      return code
    },
    prompt: () => inner.prompt(),
    complete: inner.complete ? (line, cursor) => inner.complete!(line, cursor) : undefined,
    get exited() { return inner.exited },
    get exitCode() { return inner.exitCode },
    close: () => inner.close?.(),
  }
}

/** exit code 130: the shell's status for a line interrupted by Ctrl-C. */
const STATUS_INTERRUPTED = 130

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  const args = p.positional
  const quiet = flagBool(p, 'quiet')
  // ExecOptions.Complete: the resource is the first word unless `--` came first.
  const resource = args.length > 0 && p.dashAt !== 0 ? args[0] : undefined
  let command: string[] = []
  if (p.dashAt > -1) command = args.slice(p.dashAt)
  else if (args.length > 1) throw new CmdError("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples")
  // Validate.
  if (!resource) throw fail('pod, type/name or --filename must be specified')
  if (command.length === 0) throw fail('you must specify at least one command for the container')
  inv.target()

  const pod = await attachablePod(inv, resource)
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') throw fail(`cannot exec into a container in a completed pod; current phase is ${phase}`)
  const container = containerFor(inv, pod, flagStr(p, 'container'), quiet)

  // SetupTTY: without -i there is no stdin and no TTY (silently); -t needs a terminal on stdin.
  const stdin = flagBool(p, 'stdin')
  let tty = stdin && flagBool(p, 'tty')
  const ns = pod.metadata.namespace ?? inv.target().namespace
  const name = pod.metadata.name ?? ''
  if (tty && !inv.ctx.attach) {
    tty = false
    if (!quiet) inv.err(NO_TTY)
  }
  if (tty && inv.ctx.attach && isInteractiveShell(command)) {
    let session: ExecSession
    try { session = inv.api.podExecSession(ns, name, { container, command, stdin: true, tty: true }) } catch (e) { throw upgradeError(e) }
    inv.ctx.attach(attachedExec(session))
    return 0
  }
  const code = await inv.api.podExec(ns, name, { container, command, stdin, tty }, {
    stdout: inv.ctx.stdout,
    // With a TTY the remote side has one output stream: stderr arrives on stdout.
    stderr: tty ? inv.ctx.stdout : inv.ctx.stderr,
    stdin: stdin ? inv.ctx.stdin : undefined,
    signal: inv.ctx.signal,
  }).catch((e: unknown) => { throw upgradeError(e) })
  // Ctrl-C ends kubectl itself: the shell reports 130, kubectl says nothing.
  if (inv.ctx.signal.aborted) return STATUS_INTERRUPTED
  if (code !== 0) throw new CmdError(terminatedWith(code), code)
  return 0
}

export const execCommand: Cmd = {
  name: 'exec',
  help: {
    short: 'Execute a command in a container',
    long: 'Execute a command in a container.',
    examples: `  # Get output from running the 'date' command from pod mypod, using the first container by default
  kubectl exec mypod -- date

  # Get output from running the 'date' command in ruby-container from pod mypod
  kubectl exec mypod -c ruby-container -- date

  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
  # and sends stdout/stderr from 'bash' back to the client
  kubectl exec mypod -c ruby-container -i -t -- bash -il

  # List contents of /usr from the first container of pod mypod and sort by modification time
  # If the command you want to execute in the pod has any flags in common (e.g. -i),
  # you must use two dashes (--) to separate your command's flags/arguments
  # Also note, do not surround your command and its flags/arguments with quotes
  # unless that is how you would execute it normally (i.e., do ls -t /usr, not "ls -t /usr")
  kubectl exec mypod -i -t -- ls -t /usr

  # Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default
  kubectl exec deploy/mydeployment -- date

  # Get output from running 'date' command from the first pod of the service myservice, using the first container by default
  kubectl exec svc/myservice -- date`,
    usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  },
  flags: [
    { name: 'container', short: 'c', type: 'string', usage: CONTAINER_FLAG_USAGE },
    POD_RUNNING_TIMEOUT_FLAG,
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only print output from the remote session' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Stdin is a TTY' },
  ],
  run,
}
