// A container's filesystem: the image's files as a private root (a fresh copy per container
// instance, like an overlay's upper layer that dies with the container), with a mount table that
// routes paths under a mount point to another store — an emptyDir shared by the pod, a configMap
// volume, the node's hostPath, the kubelet's /etc/hosts. The longest mount point wins, as in the
// kernel: /var/run/secrets/kubernetes.io/serviceaccount beats /var/run.
import { basename, dirname, MemoryFileSystem, resolvePath, type FileSystem } from '../../../shell'
import type { ContainerFileSystem, MountInfo } from './types'

/** One entry of the mount table: `path` in the container is `base` in `store`. */
export interface Mount {
  info: MountInfo
  store: FileSystem
  /** Path inside the store: a directory for volumes, a file for /etc/hosts or a subPath file. */
  base: string
}

/** EROFS, worded as the kernel's strerror: the shell prints `sh: /etc/config/x: Read-only file system`. */
export const READ_ONLY = 'Read-only file system'
/** EBUSY: removing or renaming a mount point itself. */
export const BUSY = 'Device or resource busy'

/** Directories every Linux image has, whatever its files say (`ls /` in busybox shows them). */
const SKELETON_DIRS = ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/var']

/** The image's files as a writable root: a new MemoryFileSystem per container instance. */
export function imageRoot(files: Record<string, string> | undefined): MemoryFileSystem {
  const root = new MemoryFileSystem(Object.entries(files ?? {}).map(([path, content]) => ({ path, content })))
  for (const d of SKELETON_DIRS) if (!root.exists(d)) root.mkdir(d, { recursive: true })
  return root
}

export class MountedFileSystem implements ContainerFileSystem {
  /** Longest mount path first, so the first match is the innermost mount. */
  private readonly table: Mount[]
  /** In the order the runtime mounted them (what `mount` lists). */
  private readonly ordered: Mount[]

  constructor(private readonly root: FileSystem, mounts: Mount[], private readonly rootInfo: MountInfo) {
    this.ordered = [...mounts]
    this.table = [...mounts].sort((a, b) => b.info.path.length - a.info.path.length)
    // Mount points show up in their parent's listing, as on a real node (the runtime creates them).
    for (const m of [...this.table].reverse()) {
      const parent = this.route(dirname(m.info.path))
      const at = resolvePath(parent.path, basename(m.info.path))
      if (!parent.fs.isDir(parent.path)) parent.fs.mkdir(parent.path, { recursive: true })
      if (parent.fs.exists(at)) continue
      if (m.store.isDir(m.base)) parent.fs.mkdir(at, { recursive: true })
      else parent.fs.writeFile(at, '')
    }
  }

  mounts(): MountInfo[] {
    return [this.rootInfo, ...this.ordered.map((m) => m.info)]
  }

  /** Where a container path lives: the innermost mount's store, or the root. */
  private route(p: string): { fs: FileSystem; path: string; mount?: Mount } {
    const abs = resolvePath('/', p)
    for (const m of this.table) {
      const mp = m.info.path
      if (abs === mp) return { fs: m.store, path: m.base, mount: m }
      if (abs.startsWith(mp + '/')) return { fs: m.store, path: resolvePath('/', m.base + abs.slice(mp.length)), mount: m }
    }
    return { fs: this.root, path: abs }
  }

  private writable(p: string): { fs: FileSystem; path: string; mount?: Mount } {
    const r = this.route(p)
    const ro = r.mount ? r.mount.info.readOnly : this.rootInfo.readOnly
    if (ro) throw new Error(`${p}: ${READ_ONLY}`)
    return r
  }

  private isMountPoint(p: string): boolean {
    const abs = resolvePath('/', p)
    return this.table.some((m) => m.info.path === abs)
  }

  readFile(path: string): string | undefined {
    const r = this.route(path)
    return r.fs.readFile(r.path)
  }

  writeFile(path: string, content: string): void {
    const r = this.writable(path)
    r.fs.writeFile(r.path, content)
  }

  exists(path: string): boolean {
    const r = this.route(path)
    return r.fs.exists(r.path)
  }

  isDir(path: string): boolean {
    const r = this.route(path)
    return r.fs.isDir(r.path)
  }

  mkdir(path: string, opts?: { recursive?: boolean }): void {
    // `mkdir -p /etc/config/a` inside a read-only mount: the existing part is fine, the new part is not.
    if (opts?.recursive && this.isDir(path)) return
    if (opts?.recursive && !this.isDir(dirname(path)) && dirname(path) !== path) this.mkdir(dirname(path), opts)
    const r = this.writable(path)
    r.fs.mkdir(r.path, { recursive: true, ...opts })
  }

  readdir(path: string): string[] | undefined {
    const r = this.route(path)
    return r.fs.readdir(r.path)
  }

  remove(path: string, opts?: { recursive?: boolean }): void {
    if (this.isMountPoint(path)) throw new Error(`${path}: ${BUSY}`)
    const r = this.writable(path)
    r.fs.remove(r.path, opts)
  }

  rename(from: string, to: string): void {
    if (this.isMountPoint(from) || this.isMountPoint(to)) throw new Error(`${from}: ${BUSY}`)
    const a = this.writable(from)
    const b = this.writable(to)
    if (a.fs === b.fs) {
      a.fs.rename(a.path, b.path)
      return
    }
    // Across mounts rename(2) fails with EXDEV and mv copies then deletes: do the same.
    if (!a.fs.exists(a.path)) throw new Error(`${from}: No such file or directory`)
    copyTree(a.fs, a.path, b.fs, b.path)
    a.fs.remove(a.path, { recursive: true })
  }
}

function copyTree(from: FileSystem, fp: string, to: FileSystem, tp: string): void {
  if (!from.isDir(fp)) {
    to.writeFile(tp, from.readFile(fp) ?? '')
    return
  }
  to.mkdir(tp, { recursive: true })
  for (const n of from.readdir(fp) ?? []) copyTree(from, `${fp}/${n}`, to, `${tp}/${n}`)
}
