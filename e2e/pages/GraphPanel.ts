// The cluster graph. Cytoscape draws on a canvas, so the panel also keeps a hidden list that
// mirrors every drawn object: `[data-testid="graph-objects"] li[data-kind][data-name][data-status]`.
import type { Locator, Page } from '@playwright/test'

export class GraphPanel {
  readonly root: Locator
  readonly objects: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('graph')
    this.objects = page.getByTestId('graph-objects')
  }

  /** The list entry for one drawn object (hidden: assert with toHaveCount / toHaveAttribute). */
  object(kind: string, name: string): Locator {
    return this.objects.locator(`li[data-kind="${kind}"][data-name="${name}"]`)
  }
}
