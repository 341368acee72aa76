// (a) navigation → terminal prompt and (b) `kubectl get pods` round trips, in headless Chromium
// against the built app. Nothing in the app is changed for this: an init script records, from
// inside the page, when the prompt is first drawn, and wraps `Worker` to timestamp the protocol's
// `run` messages and their `exit` replies (UI → worker → UI).
import type { Browser, Page } from 'playwright-core'
import type { Figure } from './run'
import { median, ms, percentile } from './stats'

const PROMPT = 'learner@kubelab:~$'
const NAV_RUNS = 5
const ROUND_TRIPS = 30
const WARM_UP = 3
const PODS = 100

/** Runs in the page before any app script. Plain JS: it is serialised as a string. */
const INSTRUMENT = `(() => {
  const PROMPT = ${JSON.stringify(PROMPT)}
  const rec = { promptAt: 0, runs: {}, enterAt: 0, drawn: [], workerAt: 0, helloAt: 0, readyAt: 0 }
  window.__kubelabBench = rec
  const lastRow = (rows) => {
    for (let i = rows.children.length - 1; i >= 0; i--) {
      const t = (rows.children[i].textContent || '').replace(/\\u00a0/g, ' ').trim()
      if (t) return t
    }
    return ''
  }
  const watch = new MutationObserver(() => {
    const rows = document.querySelector('[data-testid="terminal"] .xterm-rows')
    if (!rows) return
    const last = lastRow(rows)
    if (!rec.promptAt && (rows.textContent || '').includes(PROMPT)) rec.promptAt = performance.now()
    if (rec.enterAt && last === PROMPT) { rec.drawn.push(performance.now() - rec.enterAt); rec.enterAt = 0 }
  })
  const start = () => watch.observe(document.documentElement, { childList: true, subtree: true, characterData: true })
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start)
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter' && rec.armed) { rec.enterAt = performance.now(); rec.armed = false } }, true)
  const Orig = window.Worker
  window.Worker = class extends Orig {
    constructor(...args) {
      super(...args)
      if (!rec.workerAt) rec.workerAt = performance.now()
      this.addEventListener('message', (e) => {
        const m = e.data
        if (m && m.type === 'ready' && !rec.readyAt) rec.readyAt = performance.now()
        const r = m && typeof m.id === 'number' ? rec.runs[m.id] : undefined
        if (!r) return
        if (m.type === 'out') r.out += m.data
        if (m.type === 'exit') { r.ms = performance.now() - r.t; r.code = m.code }
      })
    }
    postMessage(m, ...rest) {
      if (m && m.type === 'hello' && !rec.helloAt) rec.helloAt = performance.now()
      if (m && m.type === 'run') rec.runs[m.id] = { t: performance.now(), line: m.line, out: '', ms: -1, code: -1 }
      return super.postMessage(m, ...rest)
    }
  }
})()`

interface RunRecord { t: number; line: string; out: string; ms: number; code: number }

async function openLab(browser: Browser, url: string): Promise<{ page: Page; close: () => Promise<void> }> {
  // A fresh context per load: empty HTTP cache and storage ("cold-ish"; the OS and server stay warm).
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
  await context.addInitScript(INSTRUMENT)
  const page = await context.newPage()
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(() => (window as any).__kubelabBench?.promptAt > 0, null, { timeout: 20_000 })
  return { page, close: () => context.close() }
}

export async function measureNavigation(browser: Browser, url: string): Promise<Figure> {
  const samples: number[] = []
  // Milestones on the way, to show where the time goes: Worker created, hello sent, ready received.
  const worker: number[] = []
  const hello: number[] = []
  const ready: number[] = []
  for (let i = 0; i < NAV_RUNS; i++) {
    const { page, close } = await openLab(browser, url)
    // performance.now() counts from the navigation's start, so this is goto → prompt drawn.
    const r = await page.evaluate(() => {
      const b = (window as any).__kubelabBench
      return { promptAt: b.promptAt as number, workerAt: b.workerAt as number, helloAt: b.helloAt as number, readyAt: b.readyAt as number }
    })
    samples.push(r.promptAt)
    worker.push(r.workerAt)
    hello.push(r.helloAt)
    ready.push(r.readyAt)
    await close()
  }
  return {
    name: `navigation → terminal prompt (median of ${NAV_RUNS})`,
    value: `${ms(median(samples))} (min ${ms(Math.min(...samples))}, max ${ms(Math.max(...samples))}; ` +
      `medians: Worker ${ms(median(worker))}, hello ${ms(median(hello))}, ready ${ms(median(ready))})`,
    target: '≤ 1000 ms',
    data: { samplesMs: samples, workerCreatedMs: worker, helloSentMs: hello, readyReceivedMs: ready },
  }
}

/** Type a line into the terminal and wait for its `exit`; returns its record. */
async function runLine(page: Page, line: string, timeout = 30_000): Promise<RunRecord> {
  const before = await page.evaluate(() => Object.keys((window as any).__kubelabBench.runs).length)
  await page.evaluate(() => { (window as any).__kubelabBench.armed = true })
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
  const handle = await page.waitForFunction(([n, l]) => {
    const runs = Object.values((window as any).__kubelabBench.runs) as RunRecord[]
    const r = runs.length > (n as number) ? runs.find((x, i) => i >= (n as number) && x.line === l && x.ms >= 0) : undefined
    return r ?? false
  }, [before, line] as const, { timeout })
  return (await handle.jsonValue()) as RunRecord
}

export async function measureGetPodsRoundTrip(browser: Browser, url: string): Promise<Figure[]> {
  const { page, close } = await openLab(browser, url)
  try {
    await page.locator('[data-testid="terminal"] .xterm').first().click()
    const names = Array.from({ length: PODS }, (_, i) => i + 1).join(' ')
    const create = await runLine(page, `for i in ${names}; do kubectl run p$i --image=nginx; done`, 120_000)
    const created = (create.out.match(/^pod\/p\d+ created/gm) ?? []).length
    const protocol: number[] = []
    const drawn: number[] = []
    let rows = 0
    for (let i = 0; i < WARM_UP + ROUND_TRIPS; i++) {
      const drawnBefore = await page.evaluate(() => (window as any).__kubelabBench.drawn.length as number)
      const r = await runLine(page, 'kubectl get pods')
      await page.waitForFunction((n) => (window as any).__kubelabBench.drawn.length > n, drawnBefore, { timeout: 10_000 })
      if (i < WARM_UP) continue
      protocol.push(r.ms)
      drawn.push(await page.evaluate(() => (window as any).__kubelabBench.drawn.at(-1) as number))
      rows = r.out.split('\n').filter((l) => /^p\d+\s/.test(l)).length
    }
    const note = rows === PODS ? '' : ` (only ${rows} pod rows; ${created} created)`
    return [{
      name: `kubectl get pods, ${PODS} pods: protocol round trip p50/p95 (n=${ROUND_TRIPS})`,
      value: `${ms(percentile(protocol, 50))} / ${ms(percentile(protocol, 95))}${note}`,
      target: 'p95 ≤ 16 ms',
      data: { samplesMs: protocol, podRows: rows, created },
    }, {
      name: `kubectl get pods, ${PODS} pods: Enter → output drawn in xterm p50/p95`,
      value: `${ms(percentile(drawn, 50))} / ${ms(percentile(drawn, 95))}${note}`,
      target: '(includes xterm frame)',
      data: { samplesMs: drawn },
    }]
  } finally {
    await close()
  }
}
