// The YAML editor as a learner uses it: a tab per workspace file, Monaco to type in, and an
// Apply button that runs `kubectl apply -f <file>` in the terminal.
import { expect, type Locator, type Page } from '@playwright/test'

export class EditorPanel {
  readonly root: Locator
  /** Monaco's text area (the rendered lines); clicking it focuses the editor. */
  readonly lines: Locator
  readonly applyButton: Locator
  /** Schema violations: monaco-yaml reports them as warnings. */
  readonly warnings: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('editor')
    this.lines = this.root.locator('.monaco-editor .view-lines').first()
    this.applyButton = page.getByRole('button', { name: 'Apply', exact: true })
    this.warnings = this.root.locator('.squiggly-warning')
  }

  /** Monaco loads lazily after the terminal; wait until it can take text. */
  async waitForReady(timeout = 30_000): Promise<void> {
    await expect(this.lines).toBeVisible({ timeout })
  }

  /** The tab of a workspace file, by its name as shown (`pod.yaml`). */
  tab(name: string | RegExp): Locator {
    return this.root.getByRole('tab', { name }).first()
  }

  async openFile(name: string | RegExp): Promise<void> {
    await this.tab(name).click()
  }

  /**
   * Replace the open file's text by select-all and a paste, as a learner pasting a manifest does.
   * Typing (even keyboard.insertText) goes through Monaco's auto-indent, which keeps each new
   * line's indentation and so nests every line deeper than written; a paste is inserted as is.
   */
  async setText(text: string): Promise<void> {
    await this.lines.click()
    await this.page.keyboard.press('ControlOrMeta+A')
    await this.page.keyboard.press('Delete')
    await this.page.evaluate((t) => {
      const target = document.activeElement
      if (!target) throw new Error('nothing has focus after clicking the editor')
      const data = new DataTransfer()
      data.setData('text/plain', t)
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, text)
  }

  /**
   * Whether a warning squiggle sits on the rendered line containing `text` (compared by position:
   * Monaco draws squiggles in an overlay layer, not inside the line). A warning elsewhere, such as
   * "Unable to load schema" on line 1, does not count.
   */
  async hasWarningOnLine(text: string): Promise<boolean> {
    const line = this.root.locator('.view-line', { hasText: text }).first()
    const box = await line.boundingBox()
    if (!box) return false
    const mid = box.y + box.height / 2
    for (const w of await this.warnings.all()) {
      const wb = await w.boundingBox()
      if (wb && wb.y <= mid && mid <= wb.y + wb.height) return true
    }
    return false
  }

  /** The text as Monaco renders it (visible lines only; spaces made plain). */
  async visibleText(): Promise<string> {
    return (await this.lines.innerText()).replace(/\u00a0/g, ' ')
  }

  async apply(): Promise<void> {
    await this.applyButton.click()
  }
}
