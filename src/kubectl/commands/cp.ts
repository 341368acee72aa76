// kubectl cp <file-spec-src> <file-spec-dest>: between the workspace and a container, over exec.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/cp/cp.go streams a tar through `tar cf -` /
// `tar -xmf -` in the container. Kubelab's containers carry no tar, so the same walk is done with
// the tools every shell image has (test, find, mkdir, cat, tee), keeping upstream's visible
// behaviour: the container tar's "removing leading '/'" notice on stdout when copying from an
// absolute path, a directory destination in the pod receiving the file by its base name, a local
// destination taken as the target path itself, and the same errors.
import type { KubeObject } from '../../api/types'
import { flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { containerFor, upgradeError, type PodObject } from './exec-target'
import { CONTAINER_FLAG_USAGE, terminatedWith } from './exec'

interface FileSpec { namespace?: string; pod?: string; path: string }

const FILESPEC_FORMAT = 'filespec must match the canonical format: [[namespace/]pod:]file/path'
/** What busybox tar writes to stderr (which kubectl cp sends to stdout) for an absolute member. */
export const REMOVING_LEADING = "tar: removing leading '/' from member names"

/** extractFileSpec: `[[namespace/]pod:]path`. */
export function parseFileSpec(arg: string): FileSpec {
  const i = arg.indexOf(':')
  if (i === 0) throw fail(FILESPEC_FORMAT)
  if (i < 0) return { path: arg }
  const pieces = arg.slice(0, i).split('/')
  const path = arg.slice(i + 1)
  if (pieces.length === 1) return { pod: pieces[0], path }
  if (pieces.length === 2) return { namespace: pieces[0], pod: pieces[1], path }
  throw fail(FILESPEC_FORMAT)
}

/** A POSIX path made absolute against cwd, with `.`/`..`/`//` resolved. */
function absolute(cwd: string, p: string): string {
  const parts: string[] = []
  for (const seg of (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') parts.pop()
    else parts.push(seg)
  }
  return `/${parts.join('/')}`
}
/** `/a/b` → `/a`, `b` → `` (relative to the container's working directory). */
const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '')
const base = (p: string) => p.replace(/\/+$/, '').split('/').pop() ?? ''
/** filepath.Clean for messages: `./x/` → `x`. */
const clean = (p: string) => (p.startsWith('/') ? absolute('/', p) : absolute('/', p).slice(1) || '.')

interface Remote { inv: Invocation; ns: string; pod: string; container: string }

/** Runs argv in the container, collecting its output. */
async function remote(r: Remote, command: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  let fed = false
  const code = await r.inv.api.podExec(r.ns, r.pod, { container: r.container, command, stdin: stdin !== undefined }, {
    stdout: { write: (c) => { out += c } },
    stderr: { write: (c) => { err += c } },
    stdin: stdin === undefined ? undefined : { read: async () => { if (fed) return null; fed = true; return stdin } },
    signal: r.inv.ctx.signal,
  }).catch((e: unknown) => { throw upgradeError(e) })
  return { code, out, err }
}

/** The remote side failed: its own words, then kubectl's exit line, exiting with its status. */
function remoteFailure(r: Remote, res: { code: number; err: string }, toStdout = false): CmdError {
  if (res.err) (toStdout ? r.inv.ctx.stdout : r.inv.ctx.stderr).write(res.err)
  return new CmdError(terminatedWith(res.code), res.code)
}

async function copyToPod(r: Remote, src: string, dest: string): Promise<number> {
  const fs = r.inv.ctx.fs
  const local = absolute(r.inv.ctx.cwd, src)
  if (!fs.exists(local)) throw fail(`${src} doesn't exist in local filesystem`)
  // checkDestinationIsDir: `test -d DEST` in the pod; a directory receives the source by its name.
  let target = dest
  if ((await remote(r, ['test', '-d', dest])).code === 0) target = `${dest.replace(/\/+$/, '')}/${base(local)}`
  const files: Array<{ from: string; to: string }> = []
  const dirs: string[] = []
  const walk = (from: string, to: string) => {
    if (!fs.isDir(from)) { files.push({ from, to }); return }
    const names = fs.readdir(from) ?? []
    if (names.length === 0) dirs.push(to)
    for (const n of names) walk(`${from}/${n}`, `${to}/${n}`)
  }
  walk(local, target)
  // tar -xmf - -C <target's directory> creates what is below it; that directory must exist already.
  const targetParent = dirOf(target)
  const parents = new Set([...dirs, ...files.map((f) => dirOf(f.to))].filter((d) => d !== '' && d !== targetParent))
  if (parents.size > 0) {
    const res = await remote(r, ['mkdir', '-p', ...[...parents].sort()])
    if (res.code !== 0) throw remoteFailure(r, res)
  }
  for (const f of files) {
    const res = await remote(r, ['tee', f.to], fs.readFile(f.from) ?? '')
    if (res.code !== 0) throw remoteFailure(r, res)
  }
  return 0
}

async function copyFromPod(r: Remote, src: string, dest: string): Promise<number> {
  const fs = r.inv.ctx.fs
  // The container's tar runs with its stderr on kubectl's stdout (cp.go initReadFrom).
  if (src.startsWith('/')) r.inv.ctx.stdout.write(`${REMOVING_LEADING}\n`)
  if ((await remote(r, ['test', '-e', src])).code !== 0) {
    r.inv.ctx.stdout.write(`tar: ${src}: No such file or directory\n`)
    throw new CmdError(terminatedWith(1), 1)
  }
  const local = absolute(r.inv.ctx.cwd, dest)
  const isDir = (await remote(r, ['test', '-d', src])).code === 0
  const members: string[] = []
  if (isDir) {
    const found = await remote(r, ['find', src, '-type', 'f'])
    if (found.code !== 0) throw remoteFailure(r, found, true)
    members.push(...found.out.split('\n').filter(Boolean))
  } else members.push(src)
  const root = src.replace(/\/+$/, '')
  for (const m of members) {
    const rel = m === root ? '' : m.slice(root.length)
    const to = local + rel
    if (fs.isDir(to)) throw fail(`open ${clean(dest + rel)}: is a directory`)
    const got = await remote(r, ['cat', m])
    if (got.code !== 0) throw remoteFailure(r, got, true)
    const parent = to.slice(0, to.lastIndexOf('/')) || '/'
    if (!fs.exists(parent)) fs.mkdir(parent, { recursive: true })
    fs.writeFile(to, got.out)
  }
  if (isDir && members.length === 0 && !fs.exists(local)) fs.mkdir(local, { recursive: true })
  return 0
}

async function run(inv: Invocation): Promise<number> {
  const args = inv.args.positional
  const target = inv.target()
  if (args.length !== 2) throw fail('source and destination are required')
  const src = parseFileSpec(args[0])
  const dest = parseFileSpec(args[1])
  if (src.pod && dest.pod) throw fail('one of src or dest must be a local file specification')
  if (!src.path || !dest.path) throw fail('filepath can not be empty')
  const remoteSpec = src.pod ? src : dest.pod ? dest : undefined
  if (!remoteSpec?.pod) throw fail('one of src or dest must be a remote file specification')
  const ns = remoteSpec.namespace ?? target.namespace
  const pod = inv.api.get<PodObject & KubeObject>('pods', ns, remoteSpec.pod)
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') throw fail(`cannot exec into a container in a completed pod; current phase is ${phase}`)
  // Copying from a pod, exec's error stream is kubectl's stdout: the container notice goes there too.
  const noticeTo = src.pod ? { ...inv, err: (l: string) => inv.out(l) } : inv
  const container = containerFor(noticeTo, pod, flagStr(inv.args, 'container'))
  const r: Remote = { inv, ns, pod: remoteSpec.pod, container }
  return src.pod ? copyFromPod(r, src.path, dest.path) : copyToPod(r, src.path, dest.path)
}

export const cpCommand: Cmd = {
  name: 'cp',
  help: {
    short: 'Copy files and directories to and from containers',
    long: 'Copy files and directories to and from containers.',
    examples: `  # !!!Important Note!!!
  # Requires that the 'tar' binary is present in your container
  # image.  If 'tar' is not present, 'kubectl cp' will fail.
  #
  # For advanced use cases, such as symlinks, wildcard expansion or
  # file mode preservation, consider using 'kubectl exec'.

  # Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>
  tar cf - /tmp/foo | kubectl exec -i -n <some-namespace> <some-pod> -- tar xf - -C /tmp/bar

  # Copy /tmp/foo from a remote pod to /tmp/bar locally
  kubectl exec -n <some-namespace> <some-pod> -- tar cf - /tmp/foo | tar xf - -C /tmp/bar

  # Copy /tmp/foo_dir local directory to /tmp/bar_dir in a remote pod in the default namespace
  kubectl cp /tmp/foo_dir <some-pod>:/tmp/bar_dir

  # Copy /tmp/foo local file to /tmp/bar in a remote pod in a specific container
  kubectl cp /tmp/foo <some-pod>:/tmp/bar -c <specific-container>

  # Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>
  kubectl cp /tmp/foo <some-namespace>/<some-pod>:/tmp/bar

  # Copy /tmp/foo from a remote pod to /tmp/bar locally
  kubectl cp <some-namespace>/<some-pod>:/tmp/foo /tmp/bar`,
    usage: 'kubectl cp <file-spec-src> <file-spec-dest> [options]',
  },
  flags: [
    { name: 'container', short: 'c', type: 'string', usage: CONTAINER_FLAG_USAGE },
    { name: 'no-preserve', type: 'bool', usage: "The copied file/directory's ownership and permissions will not be preserved in the container" },
    { name: 'retries', type: 'int', default: '0', usage: 'Set number of retries to complete a copy operation from a container. Specify 0 to disable or any negative value for infinite retrying. The default is 0 (no retry).' },
  ],
  run,
}
