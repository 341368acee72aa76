// The virtual clock's controls: Pause/Play, Step and a Speed select.
import { expect, type Locator, type Page } from '@playwright/test'

export class ClockPanel {
  readonly root: Locator
  readonly speed: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('clock')
    this.speed = this.root.getByLabel('Speed')
  }

  button(name: 'Pause' | 'Play' | 'Step'): Locator {
    return this.root.getByRole('button', { name, exact: true })
  }

  /** Choose the speed whose option reads `10×`, `10x` or has value `10`. */
  async setSpeed(factor: number): Promise<void> {
    const options = await this.speed.locator('option').evaluateAll((els) =>
      els.map((o) => ({ value: (o as HTMLOptionElement).value, label: (o.textContent ?? '').trim() })))
    const wanted = options.find((o) => o.value === String(factor) || new RegExp(`^${factor}\\s*[×x]?$`).test(o.label))
    expect(wanted, `a Speed option for ${factor}× among ${JSON.stringify(options)}`).toBeDefined()
    await this.speed.selectOption({ value: wanted!.value })
    await expect(this.speed).toHaveValue(wanted!.value)
  }
}
