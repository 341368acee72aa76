import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'

// Debian's Chromium when present (CI and these machines); otherwise Playwright's own browser,
// which `npx playwright install chromium` downloads on an ordinary laptop.
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// Without the background-networking family Chromium keeps dialling outside hosts.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']
// E2E_PORT lets a second checkout run its browser tests while another preview server holds 4173.
const PORT = Number(process.env.E2E_PORT ?? 4173)

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
  },
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: { executablePath: existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : undefined, args: CHROMIUM_ARGS },
  },
})
