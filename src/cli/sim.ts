// The headless script runner: `npm run sim -- FILE`. Each command of FILE is printed as `$ cmd`,
// followed by exactly what the terminal would show (stdout and stderr interleaved, no colour).
// Virtual time is instant: `sleep 30` moves the cluster 30 s at once, and a command that waits on
// the cluster (`kubectl delete`) runs the clock until it finishes. The exit status is always 0.
//
// Files: the script's directory is copied into /home/learner (the shell's cwd) before the first
// command, so `kubectl apply -f web.yaml` next to the script just works. Sub-directories are
// copied too (three levels deep, at most 500 files); dot-directories and node_modules are skipped,
// files over 1 MB are left out, and entries that vanish or cannot be read (sockets, a busy /tmp)
// are passed over.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { MemoryFileSystem, Shell } from '../shell'
import { createCluster } from '../engine/cluster'
import { createSession, LEARNER_HOME } from '../worker/session'
import { runToCompletion } from '../worker/drive'

/** Files bigger than this are not copied into the workspace (a script dir is manifests, not data). */
export const MAX_COPIED_FILE_BYTES = 1024 * 1024
const SKIPPED_DIRS = new Set(['node_modules'])
/** A script's directory holds a handful of manifests; a bound keeps `sim /tmp/x.sh` quick. */
export const MAX_COPIED_FILES = 500
const MAX_DEPTH = 3
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g

export interface SimOptions {
  seed?: number
  /** Workspace files (absolute paths). */
  files?: { path: string; content: string }[]
  columns?: number
  write: (s: string) => void
}

/** Run a script's text; everything shown goes to `write`. */
export async function simulate(script: string, o: SimOptions): Promise<void> {
  const cluster = createCluster({ seed: o.seed })
  const fs = new MemoryFileSystem(o.files ?? [])
  const session = createSession({ cluster, fs, clock: 'instant' })
  const out = { write: (s: string) => o.write(s.replace(ANSI, '')) }
  for (const command of Shell.splitCommands(script)) {
    o.write(`$ ${command}\n`)
    await runToCompletion(session, command, { stdout: out, stderr: out, columns: o.columns })
  }
}

/** The script's directory as workspace files under /home/learner. */
export function workspaceFrom(dir: string): { path: string; content: string }[] {
  const files: { path: string; content: string }[] = []
  const walk = (d: string, depth: number) => {
    let names: string[]
    try { names = readdirSync(d).sort() } catch { return }
    for (const name of names) {
      if (files.length >= MAX_COPIED_FILES) return
      const p = join(d, name)
      try {
        const st = statSync(p)
        if (st.isDirectory()) {
          if (depth < MAX_DEPTH && !name.startsWith('.') && !SKIPPED_DIRS.has(name)) walk(p, depth + 1)
        } else if (st.isFile() && st.size <= MAX_COPIED_FILE_BYTES) {
          files.push({ path: `${LEARNER_HOME}/${relative(dir, p).split('\\').join('/')}`, content: readFileSync(p, 'utf8') })
        }
      } catch {
        // Gone between readdir and stat, or unreadable: not a manifest the script needs.
      }
    }
  }
  walk(dir, 1)
  return files
}

export async function main(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('--'))
  const seedArg = argv.find((a) => a.startsWith('--seed='))
  if (!file) {
    process.stderr.write('usage: npm run sim -- FILE [--seed=N]\n')
    return 1
  }
  let script: string
  try {
    script = readFileSync(file, 'utf8')
  } catch (e) {
    process.stderr.write(`sim: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  }
  const files = workspaceFrom(dirname(resolve(file)))
  await simulate(script, { files, seed: seedArg ? Number(seedArg.slice(7)) : undefined, write: (s) => process.stdout.write(s) })
  return 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => process.exit(code))
}
