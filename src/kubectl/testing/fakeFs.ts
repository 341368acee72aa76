// A tiny in-memory FileSystem for kubectl's unit tests (kubectl may not import shell/).
import type { FileSystem } from '../context'

export class MemFs implements FileSystem {
  files = new Map<string, string>()
  dirs = new Set<string>(['/'])

  constructor(initial: Record<string, string> = {}) {
    for (const [p, c] of Object.entries(initial)) this.writeFile(p, c)
  }
  private parents(path: string): void {
    const parts = path.split('/').filter(Boolean)
    for (let i = 1; i < parts.length; i++) this.dirs.add('/' + parts.slice(0, i).join('/'))
  }
  readFile(path: string): string | undefined { return this.files.get(path) }
  writeFile(path: string, content: string): void { this.parents(path); this.files.set(path, content) }
  exists(path: string): boolean { return this.files.has(path) || this.dirs.has(path) }
  isDir(path: string): boolean { return this.dirs.has(path) }
  mkdir(path: string): void { this.parents(path + '/x'); this.dirs.add(path) }
  readdir(path: string): string[] | undefined {
    if (!this.dirs.has(path)) return undefined
    const prefix = path === '/' ? '/' : path + '/'
    const names = new Set<string>()
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p.startsWith(prefix) && p !== path) names.add(p.slice(prefix.length).split('/')[0])
    }
    return [...names].sort()
  }
  remove(path: string): void { this.files.delete(path); this.dirs.delete(path) }
  rename(from: string, to: string): void {
    const c = this.files.get(from)
    if (c !== undefined) { this.files.delete(from); this.writeFile(to, c) }
  }
}
