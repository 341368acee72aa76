// What the runtime executes: the argv Docker/Kubernetes build from the image and the container,
// and whether argv[0] exists in the container (runc's $PATH lookup, as far as we model files).
import type { Container } from '../../../api/types'
import { basename, dirname, resolvePath } from '../../../shell'
import type { FileSystem } from '../../../shell'
import type { ImageSpec, Program } from '../../images/types'

/**
 * Kubernetes' rule (docs "Define a Command and Arguments for a Container"): `command` replaces
 * ENTRYPOINT and drops CMD; `args` alone replaces CMD and keeps ENTRYPOINT. An empty list counts as
 * unset (it is omitted in JSON). nginx with `args: ["-g", "daemon off;"]` runs
 * `/docker-entrypoint.sh -g daemon off;`; busybox with `command: ["sleep", "3600"]` runs just that.
 */
export function containerArgv(container: Pick<Container, 'command' | 'args'>, image: Pick<ImageSpec, 'entrypoint' | 'cmd'>): string[] {
  const command = container.command?.length ? container.command : undefined
  const args = container.args?.length ? container.args : undefined
  return [...(command ?? image.entrypoint), ...(args ?? (command ? [] : image.cmd))]
}

/** Where executables live: `/bin/sh` and `/usr/local/bin/redis-server` name `sh` and `redis-server`. */
const BIN_DIRS = new Set(['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'])

/** Shell builtins with no file on disk: `command: ["cd", "/app"]` fails to start on a real node. */
const SHELL_ONLY = new Set([
  'cd', 'export', 'unset', 'exit', 'alias', 'unalias', 'source', '.', 'history', 'break', 'continue',
  'return', 'shift', 'set', 'eval', 'local', 'exec', 'wait', 'trap', 'type', '[[', 'read', 'help',
])

/** The program an image ships under this path or name (`/hello`; `/usr/sbin/nginx` → `nginx`), if any. */
export function programFor(image: ImageSpec, argv0: string): Program | undefined {
  const programs = image.programs
  if (!programs || argv0 === '') return undefined
  const has = (k: string) => Object.prototype.hasOwnProperty.call(programs, k)
  if (has(argv0)) return programs[argv0]
  const name = basename(argv0)
  return has(name) ? programs[name] : undefined
}

/** Which shells the image has: busybox/alpine `sh` (ash), debian `sh` (dash) and `bash`. */
export function hasShell(image: ImageSpec, name: string): boolean {
  if (image.shell === 'none') return false
  if (name === 'sh') return true
  if (name === 'ash') return image.shell === 'sh'
  if (name === 'dash') return image.shell === 'bash'
  if (name === 'bash') return image.shell === 'bash' || (image.tools ?? []).includes('bash')
  return false
}

export const SHELL_NAMES = new Set(['sh', 'ash', 'dash', 'bash'])

/**
 * Whether argv[0] exists in a container whose image has a shell. `known(name)` says whether the
 * container's shell knows the command (a builtin that is also a utility, or a registered tool).
 */
export async function executableExists(
  image: ImageSpec,
  fs: FileSystem,
  cwd: string,
  argv0: string,
  known: (name: string) => boolean | Promise<boolean>,
): Promise<boolean> {
  if (argv0 === '') return false
  if (programFor(image, argv0)) return true
  if (image.shell === 'none') return false
  const name = basename(argv0)
  if (argv0.includes('/')) {
    const path = resolvePath(cwd, argv0)
    // A script in the image or a mounted volume (`/docker-entrypoint.sh`, a configMap's run.sh).
    if (fs.exists(path) && !fs.isDir(path)) return true
    if (!BIN_DIRS.has(dirname(path))) return false
  }
  if (SHELL_NAMES.has(name)) return hasShell(image, name)
  if (SHELL_ONLY.has(name)) return false
  if ((image.tools ?? []).includes(name)) return true
  return known(name)
}
