// `npx tsx e2e/screenshot.ts`: the README's picture, taken from the built app (run `npm run build`
// first). A few commands give the terminal and graph something to show.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { freePort, waitForHttp } from '../bench/server'

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)))
const OUT = join(ROOT, 'docs', 'screenshot.png')
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const PROMPT = 'learner@kubelab:~$'
const COMMANDS = ['kubectl run web --image=nginx', 'kubectl run cache --image=redis', 'kubectl get pods']

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first')
  const port = await freePort()
  const preview = spawn(process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: ROOT, stdio: 'ignore' })
  const browser = await chromium.launch({ executablePath: existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : undefined,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] })
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, 20_000)
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 })
    await page.goto(`http://127.0.0.1:${port}/`)
    const rows = page.locator('[data-testid="terminal"] .xterm-rows')
    const lastRow = () => rows.evaluate((el) => {
      const texts = Array.from(el.children, (r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trim()).filter(Boolean)
      return texts[texts.length - 1] ?? ''
    })
    const waitPrompt = async () => {
      for (let i = 0; i < 200 && (await lastRow()) !== PROMPT; i++) await page.waitForTimeout(100)
    }
    await waitPrompt()
    await page.getByTestId('clock').getByLabel('Speed').selectOption('10')
    await page.locator('[data-testid="terminal"] .xterm').first().click()
    for (const c of COMMANDS.slice(0, -1)) {
      await page.keyboard.type(c)
      await page.keyboard.press('Enter')
      await waitPrompt()
    }
    // Let the pods reach Running (10× speed) before listing them.
    await page.waitForTimeout(3_000)
    await page.keyboard.type(COMMANDS[COMMANDS.length - 1])
    await page.keyboard.press('Enter')
    await waitPrompt()
    await page.locator('[data-testid="editor"] .monaco-editor').first().waitFor({ timeout: 30_000 })
    await page.waitForTimeout(1_500)
    mkdirSync(dirname(OUT), { recursive: true })
    await page.screenshot({ path: OUT })
    console.log(`wrote ${OUT}`)
  } finally {
    await browser.close()
    preview.kill()
  }
}

main().catch((e) => { console.error(e); process.exit(1) })
