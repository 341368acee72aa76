// The workspace and the shell history live in IndexedDB: a reload keeps both.
import { test, expect } from './fixtures'
import { PROMPT } from './pages/TerminalPanel'

test('reload keeps workspace files and terminal history', async ({ page, terminal }) => {
  await page.goto('/')
  await terminal.waitForPrompt()
  const write = 'echo kept-after-reload > notes.txt'
  expect(await terminal.run(write)).toBe('')
  // Saving to IndexedDB is asynchronous (and may be debounced): give it a moment before reloading.
  await page.waitForTimeout(1_500)
  await page.reload()
  await terminal.waitForPrompt()
  expect(await terminal.run('cat notes.txt')).toBe('kept-after-reload')
  // History is [..., write, cat]: two presses of ↑ bring back the command typed before the reload.
  await terminal.press('ArrowUp')
  await terminal.press('ArrowUp')
  await expect.poll(() => terminal.currentLine()).toBe(PROMPT + write)
})
