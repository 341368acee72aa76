// The terminal as a learner uses it: click it, type a line, press Enter, read the rows. xterm's
// DOM renderer puts one <div> per visible row under `.xterm-rows`; we read those, never xterm's API.
import { expect, type Locator, type Page } from '@playwright/test'

/** The learner's prompt, exactly as the shell prints it (cwd = HOME). */
export const PROMPT = 'learner@kubelab:~$ '

export interface CommandOutput {
  /** Rows printed after the command line (wrapped rows stay separate). */
  lines: string[]
  /** True once a fresh prompt follows the output. */
  done: boolean
}

export class TerminalPanel {
  readonly root: Locator
  readonly rowsLocator: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('terminal')
    this.rowsLocator = this.root.locator('.xterm-rows')
  }

  /** The visible rows, trailing blanks trimmed, non-breaking spaces made plain. */
  async rows(): Promise<string[]> {
    if (await this.rowsLocator.count() === 0) return []
    return this.rowsLocator.first().evaluate((el) =>
      Array.from(el.children, (row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').replace(/\s+$/, '')))
  }

  async text(): Promise<string> {
    return (await this.rows()).join('\n')
  }

  /** The last row that has any text: the prompt line while the shell waits for input. */
  async currentLine(): Promise<string> {
    const rows = await this.rows()
    for (let i = rows.length - 1; i >= 0; i--) if (rows[i] !== '') return rows[i]
    return ''
  }

  /** Wait until the shell shows an empty prompt. */
  async waitForPrompt(timeout = 15_000): Promise<void> {
    await expect(this.rowsLocator).toBeVisible({ timeout })
    await expect.poll(() => this.currentLine(), { timeout, message: 'the terminal shows an empty prompt' })
      .toBe(PROMPT.trimEnd())
  }

  /** Give the terminal keyboard focus, as a learner does by clicking it. */
  async focus(): Promise<void> {
    await this.root.locator('.xterm').first().click()
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text)
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key)
  }

  /** Type a line and press Enter without waiting for it to finish (`-w`, heredocs). */
  async start(line: string): Promise<void> {
    await this.focus()
    await this.type(line)
    await this.press('Enter')
  }

  /** What the most recent run of `line` printed so far, or undefined if its command line is not visible. */
  async outputOf(line: string): Promise<CommandOutput | undefined> {
    const rows = await this.rows()
    const commandRow = (PROMPT + line).trimEnd()
    const at = rows.lastIndexOf(commandRow)
    if (at < 0) return undefined
    const next = rows.findIndex((r, i) => i > at && r.startsWith(PROMPT.trimEnd()))
    const end = next < 0 ? rows.length : next
    const lines = rows.slice(at + 1, end)
    while (lines.length && lines[lines.length - 1] === '') lines.pop()
    return { lines, done: next >= 0 }
  }

  /** Run one line and return its output once the prompt is back. */
  async run(line: string, timeout = 15_000): Promise<string> {
    await this.start(line)
    await expect.poll(async () => (await this.outputOf(line))?.done ?? false,
      { timeout, message: `\`${line}\` finishes and the prompt returns` }).toBe(true)
    const out = await this.outputOf(line)
    return (out?.lines ?? []).join('\n')
  }
}
