// The workspace filesystem, in memory: a map of absolute file paths to contents, plus the set of
// directories (every parent of a file is a directory, and `mkdir` adds empty ones). The editor and
// the shell share one instance, so `onChange` mirrors every write to the editor's tabs.
import type { FileSystem } from './types'
import { dirname, resolvePath } from './path'

type Listener = (path: string, kind: 'write' | 'remove') => void

export class MemoryFileSystem implements FileSystem {
  private files = new Map<string, string>()
  private dirs = new Set<string>(['/'])
  private listeners: Listener[] = []

  constructor(files: { path: string; content: string }[] = []) {
    for (const f of files) this.put(resolvePath('/', f.path), f.content)
  }

  readFile(path: string): string | undefined {
    return this.files.get(resolvePath('/', path))
  }

  writeFile(path: string, content: string): void {
    const p = resolvePath('/', path)
    if (this.dirs.has(p)) throw new Error(`${path}: Is a directory`)
    this.put(p, content)
    this.emit(p, 'write')
  }

  exists(path: string): boolean {
    const p = resolvePath('/', path)
    return this.files.has(p) || this.dirs.has(p)
  }

  isDir(path: string): boolean {
    return this.dirs.has(resolvePath('/', path))
  }

  mkdir(path: string, opts: { recursive?: boolean } = {}): void {
    const p = resolvePath('/', path)
    if (this.files.has(p)) throw new Error(`${path}: File exists`)
    if (this.dirs.has(p)) {
      if (opts.recursive) return
      throw new Error(`${path}: File exists`)
    }
    if (!opts.recursive && !this.dirs.has(dirname(p))) throw new Error(`${path}: No such file or directory`)
    this.addDirs(p)
  }

  readdir(path: string): string[] | undefined {
    const p = resolvePath('/', path)
    if (!this.dirs.has(p)) return undefined
    const prefix = p === '/' ? '/' : p + '/'
    const names = new Set<string>()
    for (const k of [...this.files.keys(), ...this.dirs]) {
      if (k !== p && k.startsWith(prefix)) names.add(k.slice(prefix.length).split('/')[0])
    }
    return [...names].sort()
  }

  remove(path: string, opts: { recursive?: boolean } = {}): void {
    const p = resolvePath('/', path)
    if (this.files.delete(p)) {
      this.emit(p, 'remove')
      return
    }
    if (!this.dirs.has(p) || p === '/') throw new Error(`${path}: No such file or directory`)
    const prefix = p + '/'
    const inside = [...this.files.keys()].filter((k) => k.startsWith(prefix))
    const subdirs = [...this.dirs].filter((d) => d.startsWith(prefix))
    if (!opts.recursive && (inside.length > 0 || subdirs.length > 0)) throw new Error(`${path}: Directory not empty`)
    for (const f of inside) {
      this.files.delete(f)
      this.emit(f, 'remove')
    }
    for (const d of subdirs) this.dirs.delete(d)
    this.dirs.delete(p)
  }

  rename(from: string, to: string): void {
    const f = resolvePath('/', from)
    const t = resolvePath('/', to)
    if (f === t) return
    const content = this.files.get(f)
    if (content !== undefined) {
      this.files.delete(f)
      this.emit(f, 'remove')
      this.put(t, content)
      this.emit(t, 'write')
      return
    }
    if (!this.dirs.has(f)) throw new Error(`${from}: No such file or directory`)
    if (t.startsWith(f + '/')) throw new Error(`cannot move '${from}' to a subdirectory of itself`)
    const prefix = f + '/'
    const moved = [...this.dirs].filter((d) => d === f || d.startsWith(prefix))
    for (const d of moved) this.dirs.delete(d)
    for (const d of moved) this.addDirs(t + d.slice(f.length))
    for (const [k, v] of [...this.files]) {
      if (!k.startsWith(prefix)) continue
      this.files.delete(k)
      this.emit(k, 'remove')
      this.put(t + k.slice(f.length), v)
      this.emit(t + k.slice(f.length), 'write')
    }
  }

  onChange(listener: Listener): () => void {
    this.listeners.push(listener)
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener)
    }
  }

  /** Every file, sorted by path (directories are implied by their files). */
  snapshot(): { path: string; content: string }[] {
    return [...this.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, content]) => ({ path, content }))
  }

  private put(p: string, content: string): void {
    this.addDirs(dirname(p))
    this.files.set(p, content)
  }

  private addDirs(p: string): void {
    for (let d = p; !this.dirs.has(d); d = dirname(d)) this.dirs.add(d)
  }

  private emit(path: string, kind: 'write' | 'remove'): void {
    for (const l of this.listeners) l(path, kind)
  }
}
