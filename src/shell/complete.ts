// Tab completion: command names in command position; otherwise the command's own completer
// (kubectl completes resource names), else file names relative to cwd (directories end with '/').
import { resolvePath } from './path'
import type { CommandRegistry, FileSystem } from './types'

export interface CompleteEnv {
  fs: FileSystem
  cwd: string
  env: Record<string, string>
  registry: CommandRegistry
  builtins: string[]
  /** Alias name → value: `k get po<Tab>` completes as `kubectl get po`. */
  aliases: Map<string, string>
}

/** Splits the text before the cursor into words, roughly as the shell would (quotes removed). */
function wordsBefore(text: string): { words: string[]; commandStart: number } {
  const words: string[] = []
  let cur = ''
  let inWord = false
  let quote: string | null = null
  let commandStart = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = null
      else cur += c
    } else if (c === "'" || c === '"') {
      quote = c
      inWord = true
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i]
      inWord = true
    } else if (c === ' ' || c === '\t') {
      if (inWord) words.push(cur)
      cur = ''
      inWord = false
    } else if (';|&()'.includes(c)) {
      if (inWord) words.push(cur)
      cur = ''
      inWord = false
      commandStart = words.length
    } else {
      cur += c
      inWord = true
    }
  }
  words.push(cur)
  return { words: words.slice(commandStart), commandStart }
}

export function completeLine(line: string, cursor: number, e: CompleteEnv): { word: string; items: string[] } {
  const { words } = wordsBefore(line.slice(0, cursor))
  const word = words[words.length - 1]
  if (words.length === 1) {
    const names = new Set([...e.builtins, ...e.registry.names(), ...e.aliases.keys()])
    if (!word.includes('/')) return { word, items: [...names].filter((n) => n.startsWith(word)).sort() }
  }
  const alias = e.aliases.get(words[0])?.trim().split(/\s+/)
  const argv = alias && alias[0] ? [...alias, ...words.slice(1)] : words
  const info = e.registry.get(argv[0])
  if (info?.complete && words.length > 1) {
    return { word, items: info.complete(argv, { cwd: e.cwd, fs: e.fs, env: e.env }).filter((i) => i.startsWith(word)) }
  }
  return { word, items: completeFiles(word, e) }
}

export function completeFiles(word: string, e: { fs: FileSystem; cwd: string; env: Record<string, string> }): string[] {
  const slash = word.lastIndexOf('/')
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : ''
  const base = slash >= 0 ? word.slice(slash + 1) : word
  const home = e.env.HOME ?? '/'
  const dirPath = dirPart.startsWith('~/') ? home + dirPart.slice(1) : dirPart
  const dir = resolvePath(e.cwd, dirPath === '' ? '.' : dirPath)
  const names = e.fs.readdir(dir) ?? []
  return names
    .filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.')))
    .map((n) => dirPart + n + (e.fs.isDir(resolvePath(dir, n)) ? '/' : ''))
}
