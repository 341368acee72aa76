// (d) What the learner downloads before the editor: index.html's entry scripts and modulepreloads,
// everything they import statically, what the entry itself imports dynamically (main.tsx loads the
// UI chunk at once, right after starting the engine), and the engine worker with its static
// imports. Monaco and its workers load lazily from the UI, so they are excluded and reported apart.
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Figure } from './run'

/** Static `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`; not `import("./x.js")`. */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`]((?:\.{1,2}\/|\/)[^"'`]+\.js)["'`]/g
/** A worker entry a chunk refers to: `new URL("/assets/engine.worker-abc.js", import.meta.url)` (minifiers may use backticks). */
const WORKER_REF = /["'`]((?:\.{0,2}\/)?(?:assets\/)?[\w.-]*worker[\w.-]*\.js)["'`]/g
/** `import("./render-abc.js")`, as the entry loads the UI chunk (Vite may wrap it in a preload helper). */
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]((?:\.{1,2}\/|\/)[^"'`]+\.js)["'`]\s*\)/g
const ENTRY_TAGS = /<(?:script[^>]*\bsrc|link[^>]*\brel=["']modulepreload["'][^>]*\bhref)=["']([^"']+\.js)["']/g

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`

function gzipSize(file: string): number {
  return gzipSync(readFileSync(file)).length
}

/** URL path (`/assets/x.js`) of every chunk reachable by static imports from `starts`. */
function closure(dist: string, starts: string[]): Set<string> {
  const seen = new Set<string>()
  const queue = [...starts]
  while (queue.length) {
    const url = queue.shift()!
    if (seen.has(url) || !existsSync(join(dist, url))) continue
    seen.add(url)
    const code = readFileSync(join(dist, url), 'utf8')
    for (const m of code.matchAll(STATIC_IMPORT)) {
      queue.push(m[1].startsWith('/') ? m[1] : posix.join(posix.dirname(url), m[1]))
    }
  }
  return seen
}

export function measureBundle(dist: string): Figure[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const entries = [...html.matchAll(ENTRY_TAGS)].map((m) => (m[1].startsWith('/') ? m[1] : `/${m[1].replace(/^\.\//, '')}`))
  const loadedAtOnce = entries.flatMap((url) => {
    const code = existsSync(join(dist, url)) ? readFileSync(join(dist, url), 'utf8') : ''
    return [...code.matchAll(DYNAMIC_IMPORT)].map((m) => (m[1].startsWith('/') ? m[1] : posix.join(posix.dirname(url), m[1])))
  })
  const initial = closure(dist, [...entries, ...loadedAtOnce])
  const workers = new Set<string>()
  for (const url of initial) {
    const code = readFileSync(join(dist, url), 'utf8')
    for (const m of code.matchAll(WORKER_REF)) {
      const ref = m[1]
      const path = ref.startsWith('/') ? ref : ref.startsWith('.') ? posix.join(posix.dirname(url), ref) : `/${ref}`
      if (existsSync(join(dist, path))) workers.add(path)
    }
  }
  const workerClosure = closure(dist, [...workers])
  const beforeEditor = new Set([...initial, ...workerClosure])
  const total = [...beforeEditor].reduce((sum, url) => sum + gzipSize(join(dist, url)), 0)

  // The Monaco chunk: the largest JS file that is neither loaded before the editor nor a worker.
  const lazy = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js') && !/worker/i.test(f) && !beforeEditor.has(`/assets/${f}`))
    .map((f) => ({ f, raw: readFileSync(join(dist, 'assets', f)).length }))
    .sort((a, b) => b.raw - a.raw)
  const monaco = lazy[0]
  const figures: Figure[] = [{
    name: 'JS before the editor (entry, the UI chunk it loads, their static imports, engine worker), gzip',
    value: workers.size ? kB(total) : `${kB(total)} (no worker chunk found)`,
    target: '≤ 350 kB',
    data: { gzipBytes: total, chunks: [...beforeEditor], workers: [...workers] },
  }]
  // Other lazy chunks (the graph, schema data…): not counted above, but some load right after start.
  const others = lazy.slice(1)
  const othersGz = others.reduce((sum, o) => sum + gzipSize(join(dist, 'assets', o.f)), 0)
  figures.push({
    name: `other lazy JS chunks (${others.length}), gzip`,
    value: `${kB(othersGz)}${others.length ? ` (${others.map((o) => o.f.replace(/-[\w-]{8}\.js$/, '')).join(', ')})` : ''}`,
    target: '(lazy)',
    data: { gzipBytes: othersGz, files: others.map((o) => o.f) },
  })
  if (monaco) {
    const gz = gzipSize(join(dist, 'assets', monaco.f))
    figures.push({
      name: `largest lazy chunk (Monaco: ${monaco.f}), gzip`,
      value: `${kB(gz)} (raw ${kB(monaco.raw)})`,
      target: '(lazy; ~1.0 MB seen)',
      data: { file: monaco.f, gzipBytes: gz, rawBytes: monaco.raw },
    })
  } else {
    figures.push({ name: 'Monaco chunk, gzip', value: 'n/a: no lazily loaded chunk in dist/assets', target: '(lazy)' })
  }
  return figures
}
