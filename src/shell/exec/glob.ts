// Pathname expansion and pattern matching (`*`, `?`, `[a-z]`, `[!x]`). Quoted characters match
// themselves only, so a pattern is a list of characters each marked special or not.
import type { FileSystem } from '../types'
import { resolvePath } from '../path'

export interface PatChar {
  ch: string
  special: boolean
}

export function hasGlob(pat: PatChar[]): boolean {
  return pat.some((c) => c.special && (c.ch === '*' || c.ch === '?' || c.ch === '['))
}

const escapeRe = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

/** Regex source for a pattern; `slash` false makes `*` stop at '/' (pathname components). */
export function patternSource(pat: PatChar[], slash = true): string {
  let out = ''
  const any = slash ? '[\\s\\S]' : '[^/]'
  for (let i = 0; i < pat.length; i++) {
    const { ch, special } = pat[i]
    if (!special) {
      out += escapeRe(ch)
    } else if (ch === '*') {
      out += any + '*'
    } else if (ch === '?') {
      out += any
    } else if (ch === '[') {
      let j = i + 1
      let cls = ''
      if (pat[j]?.ch === '!' || pat[j]?.ch === '^') {
        cls = '^'
        j++
      }
      const startBody = j
      while (j < pat.length && !(pat[j].ch === ']' && j > startBody)) {
        const c = pat[j].ch
        cls += c === '\\' || c === ']' || c === '[' || (c === '^' && j === startBody) ? '\\' + c : c
        j++
      }
      if (j >= pat.length) out += '\\['
      else {
        out += `[${cls}]`
        i = j
      }
    } else out += escapeRe(ch)
  }
  return out
}

export function matchPattern(pat: PatChar[], s: string): boolean {
  return new RegExp(`^${patternSource(pat)}$`).test(s)
}

/** Expands a pattern against the filesystem: sorted matches, or [] when nothing matches. */
export function globPaths(pat: PatChar[], cwd: string, fs: FileSystem): string[] {
  const comps: PatChar[][] = [[]]
  for (const c of pat) {
    if (c.ch === '/') comps.push([])
    else comps[comps.length - 1].push(c)
  }
  const absolute = pat[0]?.ch === '/'
  if (absolute) comps.shift()
  let results: string[] = [absolute ? '/' : '']
  comps.forEach((comp, idx) => {
    const last = idx === comps.length - 1
    const next: string[] = []
    for (const prefix of results) {
      const dir = resolvePath(cwd, prefix === '' ? '.' : prefix)
      const join = (name: string) => (prefix === '' || prefix.endsWith('/') ? prefix + name : prefix + '/' + name)
      if (comp.length === 0) {
        if (last) next.push(prefix.endsWith('/') ? prefix : prefix + '/')
        continue
      }
      if (!hasGlob(comp)) {
        const p = join(comp.map((c) => c.ch).join(''))
        if (fs.exists(resolvePath(cwd, p))) next.push(p)
        continue
      }
      const re = new RegExp(`^${patternSource(comp, false)}$`)
      const dotOk = comp[0].ch === '.'
      for (const name of fs.readdir(dir) ?? []) {
        if (name.startsWith('.') && !dotOk) continue
        if (!re.test(name)) continue
        const p = join(name)
        if (last || fs.isDir(resolvePath(cwd, p))) next.push(p)
      }
    }
    results = next
  })
  return results.filter((r) => r !== '' && r !== '/').sort()
}
