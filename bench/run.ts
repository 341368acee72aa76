// `npm run bench`: the figures that say whether Kubelab feels instant. It prints a table with the
// target beside each figure (targets are goals, not assertions: speed is never a failing test) and
// writes bench/out/results.json. Each section reports "n/a" with the reason when what it measures
// does not exist yet, so the rest still runs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { measureBundle } from './bundle'
import { measureClusterScale } from './cluster'
import { measureRollout } from './rollout'
import { measureGetPodsRoundTrip, measureNavigation } from './browser'
import { freePort, waitForHttp } from './server'

export interface Figure {
  name: string
  /** Formatted value, or `n/a: <why>`. */
  value: string
  target: string
  /** Raw numbers for results.json. */
  data?: Record<string, unknown>
}

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)))
const OUT_DIR = join(ROOT, 'bench', 'out')
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** The flags playwright.config.ts uses: no outside traffic, no sandbox in containers. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

function notAvailable(name: string, target: string, err: unknown): Figure {
  const why = err instanceof Error ? err.message.split('\n')[0] : String(err)
  return { name, value: `n/a: ${why}`, target }
}

function build(): void {
  if (existsSync(join(ROOT, 'dist', 'index.html'))) return
  console.log('dist/ is missing: building (vite build)…')
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) throw new Error('vite build failed')
}

async function startPreview(): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort()
  const proc = spawn(process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: ROOT, stdio: 'ignore' })
  const url = `http://127.0.0.1:${port}/`
  await waitForHttp(url, 20_000)
  return { url, proc }
}

function printTable(figures: Figure[]): void {
  const head = ['figure', 'value', 'target']
  const rows = figures.map((f) => [f.name, f.value, f.target])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()
  console.log()
  console.log(line(head))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  for (const r of rows) console.log(line(r))
}

async function main(): Promise<void> {
  const figures: Figure[] = []

  // (c) needs no browser: run it first, while the machine is quiet.
  figures.push(await measureClusterScale().catch((e) => notAvailable('1,000 pods to Running (Node, wall)', '(none yet)', e)))
  figures.push(...await measureRollout().catch((e) => [notAvailable('1,000-replica Deployment rollout (Node, wall)', 'rollout ≤ 20× baseline', e)]))

  let builtOk = true
  try { build() } catch (e) {
    builtOk = false
    figures.push(notAvailable('navigation → terminal prompt (median of 5)', '≤ 1000 ms', e))
  }
  if (builtOk) {
    figures.push(...measureBundle(join(ROOT, 'dist')))
    let preview: { url: string; proc: ChildProcess } | undefined
    let browser: Browser | undefined
    try {
      preview = await startPreview()
      browser = await chromium.launch({ executablePath: existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : undefined, args: CHROMIUM_ARGS })
      figures.push(await measureNavigation(browser, preview.url)
        .catch((e) => notAvailable('navigation → terminal prompt (median of 5)', '≤ 1000 ms', e)))
      figures.push(...await measureGetPodsRoundTrip(browser, preview.url)
        .catch((e) => [notAvailable('kubectl get pods, 100 pods: protocol round trip p50/p95', 'p95 ≤ 16 ms', e)]))
    } catch (e) {
      figures.push(notAvailable('browser figures', '', e))
    } finally {
      await browser?.close()
      preview?.proc.kill()
    }
  }

  printTable(figures)
  mkdirSync(OUT_DIR, { recursive: true })
  const results = { date: new Date().toISOString(), node: process.version, figures }
  writeFileSync(join(OUT_DIR, 'results.json'), JSON.stringify(results, null, 2) + '\n')
  console.log(`\nwritten to ${join('bench', 'out', 'results.json')}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
