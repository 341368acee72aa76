// sudo on a minikube node: the `docker` user is in the sudo group with NOPASSWD (kicbase's
// /etc/sudoers: `%sudo ALL=(ALL) NOPASSWD:ALL`), so nothing asks for a password.
//   sudo -i | sudo su [-] | sudo -s | sudo bash   a root shell (`root@minikube:~# `) until `exit`
//   sudo CMD ARGS…                                CMD as root (USER=root), output to the caller
import type { CommandContext, CommandInfo, Shell } from '../../shell'

export interface SudoHost {
  /** Opens an interactive root shell on top of the caller's (`-i`/`su -`: a login shell in /root). */
  rootShell(opts: { login: boolean; cwd: string }): void
  /** A fresh non-interactive root shell in `cwd` to run one command. */
  oneShot(cwd: string): Shell
}

/** sudo 1.9.9 (Ubuntu 22.04) with no arguments. */
export const SUDO_USAGE = [
  'usage: sudo -h | -K | -k | -V',
  'usage: sudo -v [-ABknS] [-g group] [-h host] [-p prompt] [-u user]',
  'usage: sudo -l [-ABknS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command]',
  'usage: sudo [-ABbEHknPS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i|-s] [<command>]',
  'usage: sudo -e [-ABknS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...',
].join('\n') + '\n'

const SHELLS = new Set(['bash', 'sh', '/bin/bash', '/bin/sh'])

export function createSudo(host: SudoHost): CommandInfo {
  return {
    summary: 'execute a command as root',
    async run(ctx: CommandContext): Promise<number> {
      const args = ctx.argv.slice(1)
      // Flags that change nothing here (-E keep env, -H home, -n non-interactive, -u root).
      while (args.length > 0 && /^-[EHnS]+$/.test(args[0])) args.shift()
      if (args[0] === '-u' && args[1] === 'root') args.splice(0, 2)
      if (args.length === 0) {
        ctx.stderr.write(SUDO_USAGE)
        return 1
      }
      const [first, ...rest] = args
      if (first === '-i' || first === '-s') {
        if (rest.length > 0) return runAsRoot(host, ctx, rest)
        host.rootShell({ login: first === '-i', cwd: ctx.cwd })
        return 0
      }
      if (first === 'su' && (rest.length === 0 || (rest.length === 1 && (rest[0] === '-' || rest[0] === '-l' || rest[0] === 'root')))) {
        host.rootShell({ login: rest[0] === '-' || rest[0] === '-l', cwd: ctx.cwd })
        return 0
      }
      if (SHELLS.has(first) && rest.length === 0) {
        host.rootShell({ login: false, cwd: ctx.cwd })
        return 0
      }
      if (first.startsWith('-')) {
        ctx.stderr.write(`sudo: invalid option -- '${first.replace(/^-+/, '').charAt(0)}'\n${SUDO_USAGE}`)
        return 1
      }
      return runAsRoot(host, ctx, args)
    },
  }
}

async function runAsRoot(host: SudoHost, ctx: CommandContext, argv: string[]): Promise<number> {
  const shell = host.oneShot(ctx.cwd)
  const silent = { write: () => {} }
  // sudo looks the command up in root's PATH before running it (no shell: builtins do not count,
  // but the lab's commands are builtins or registry entries alike, so ask the shell).
  const found = await shell.runArgv(['command', '-v', argv[0]], { stdout: silent, stderr: silent, signal: ctx.signal, isTTY: false })
  if (found !== 0) {
    ctx.stderr.write(`sudo: ${argv[0]}: command not found\n`)
    return 1
  }
  return shell.runArgv(argv, { stdout: ctx.stdout, stderr: ctx.stderr, stdin: ctx.stdin, signal: ctx.signal, isTTY: ctx.isTTY, columns: ctx.columns })
}
