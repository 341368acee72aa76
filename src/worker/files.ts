// Workspace file changes made by the shell (`cat > x`, `rm`, kubeconfig edits), batched into one
// `files` message per tick for the editor. Writes the editor itself made are not echoed back.
import type { FileSystem } from '../shell'
import type { WorkspaceFile } from '../protocol/messages'

export class FileBatcher {
  private changed = new Set<string>()
  private removed = new Set<string>()
  private quiet = false
  private stop: () => void

  constructor(private readonly fs: FileSystem) {
    this.stop = fs.onChange?.((path, kind) => {
      if (this.quiet) return
      if (kind === 'write') { this.changed.add(path); this.removed.delete(path) }
      else { this.removed.add(path); this.changed.delete(path) }
    }) ?? (() => {})
  }

  /** Run `fn` (an editor edit) without reporting its changes back. */
  silently(fn: () => void): void {
    this.quiet = true
    try { fn() } finally { this.quiet = false }
  }

  flush(): { changed: WorkspaceFile[]; removed: string[] } | undefined {
    if (this.changed.size === 0 && this.removed.size === 0) return undefined
    const changed: WorkspaceFile[] = []
    for (const path of [...this.changed].sort()) {
      const content = this.fs.readFile(path)
      if (content !== undefined) changed.push({ path, content })
    }
    const removed = [...this.removed].sort()
    this.changed.clear()
    this.removed.clear()
    return { changed, removed }
  }

  dispose(): void {
    this.stop()
  }
}

/** Every file under `dir`, depth first, sorted (for `ready`). */
export function listFiles(fs: FileSystem, dir = '/'): WorkspaceFile[] {
  const out: WorkspaceFile[] = []
  for (const name of fs.readdir(dir) ?? []) {
    const path = dir === '/' ? `/${name}` : `${dir}/${name}`
    if (fs.isDir(path)) out.push(...listFiles(fs, path))
    else {
      const content = fs.readFile(path)
      if (content !== undefined) out.push({ path, content })
    }
  }
  return out
}
