// POSIX path helpers: every path the shell hands to the FileSystem is absolute and normalised.

/** Resolves `p` against `cwd`, folding `.` and `..` ("/a/b/../c" → "/a/c"). */
export function resolvePath(cwd: string, p: string): string {
  const abs = p.startsWith('/') ? p : `${cwd}/${p}`
  const out: string[] = []
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') out.pop()
    else out.push(seg)
  }
  return '/' + out.join('/')
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/')
  return i <= 0 ? '/' : p.slice(0, i)
}

export function basename(p: string): string {
  const trimmed = p.length > 1 ? p.replace(/\/+$/, '') : p
  const i = trimmed.lastIndexOf('/')
  return i < 0 ? trimmed : trimmed.slice(i + 1) || '/'
}

/** `/home/learner/x` → `~/x` when home is /home/learner (for the prompt). */
export function tildify(p: string, home: string | undefined): string {
  if (!home || home === '/') return p
  if (p === home) return '~'
  if (p.startsWith(home + '/')) return '~' + p.slice(home.length)
  return p
}
