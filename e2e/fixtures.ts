// The fixture every spec uses: it records uncaught page errors, console errors (page and its
// workers) and HTTP responses >= 400, and fails the test at the end if any occurred. A lab that
// "works" while logging errors is broken for the next learner.
import { test as base, expect } from '@playwright/test'
import { TerminalPanel } from './pages/TerminalPanel'
import { EditorPanel } from './pages/EditorPanel'
import { GraphPanel } from './pages/GraphPanel'
import { ClockPanel } from './pages/ClockPanel'

export interface PageProblems {
  /** Everything that went wrong so far, one line each. */
  list: string[]
}

interface Fixtures {
  problems: PageProblems
  terminal: TerminalPanel
  editor: EditorPanel
  graph: GraphPanel
  clock: ClockPanel
}

export const test = base.extend<Fixtures>({
  problems: [async ({ page }, use, testInfo) => {
    const problems: PageProblems = { list: [] }
    page.on('pageerror', (err) => problems.list.push(`pageerror: ${err.message}`))
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.list.push(`console.error: ${msg.text()}`)
    })
    page.on('worker', (worker) => {
      worker.on('console', (msg) => {
        if (msg.type() === 'error') problems.list.push(`worker console.error (${worker.url()}): ${msg.text()}`)
      })
    })
    page.on('response', (res) => {
      if (res.status() >= 400) problems.list.push(`HTTP ${res.status()}: ${res.url()}`)
    })
    await use(problems)
    if (problems.list.length) await testInfo.attach('page-problems', { body: problems.list.join('\n') })
    expect(problems.list, 'the page logged errors or failed requests').toEqual([])
  }, { auto: true }],
  terminal: async ({ page }, use) => { await use(new TerminalPanel(page)) },
  editor: async ({ page }, use) => { await use(new EditorPanel(page)) },
  graph: async ({ page }, use) => { await use(new GraphPanel(page)) },
  clock: async ({ page }, use) => { await use(new ClockPanel(page)) },
})

export { expect }
