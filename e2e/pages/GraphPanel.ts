// The cluster graph. Cytoscape draws on a canvas, so the panel also keeps a hidden list that
// mirrors every drawn object: `[data-testid="graph-objects"] li[data-kind][data-name][data-status]`.
import type { Locator, Page } from '@playwright/test'

/** Where `record` keeps its snapshots in the page (one array of `name status` per change). */
const RECORD_KEY = '__kubelabGraphRecord'

export class GraphPanel {
  readonly root: Locator
  readonly objects: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('graph')
    this.objects = page.getByTestId('graph-objects')
  }

  /**
   * Drawn edges of one relation leaving an object, as `Kind/name state` (`Pod/web-6d4c9-x2b7k ready`):
   * the hidden twin of the canvas's lines (`[data-testid="graph-edges"] li`).
   */
  async edgesFrom(from: string, relation: string): Promise<string[]> {
    return this.page.getByTestId('graph-edges').locator(`li[data-from="${from}"][data-relation="${relation}"]`).evaluateAll((els) =>
      els.map((el) => `${el.getAttribute('data-to') ?? ''} ${el.getAttribute('data-state') ?? ''}`.trim()).sort())
  }

  /** The list entry for one drawn object (hidden: assert with toHaveCount / toHaveAttribute). */
  object(kind: string, name: string): Locator {
    return this.objects.locator(`li[data-kind="${kind}"][data-name="${name}"]`)
  }

  /** Every listed object of one kind as `name status` (`web-6d4c9f8b7 2/3`), in list order. */
  async statuses(kind: string): Promise<string[]> {
    return this.objects.locator(`li[data-kind="${kind}"]`).evaluateAll((els) =>
      els.map((el) => `${el.getAttribute('data-name') ?? ''} ${el.getAttribute('data-status') ?? ''}`.trim()))
  }

  /**
   * Start keeping every state the list passes through for one kind (a MutationObserver in the
   * page), so a test sees each step a learner would have seen, however briefly it was shown.
   */
  async record(kind: string): Promise<void> {
    await this.objects.evaluate((list, [key, k]) => {
      const snaps: string[][] = []
      const take = () => {
        const now = Array.from(list.querySelectorAll(`li[data-kind="${k}"]`), (el) =>
          `${el.getAttribute('data-name') ?? ''} ${el.getAttribute('data-status') ?? ''}`.trim())
        const last = snaps[snaps.length - 1]
        if (!last || last.join('\n') !== now.join('\n')) snaps.push(now)
      }
      take()
      new MutationObserver(take).observe(list, { subtree: true, childList: true, attributes: true })
      ;(window as unknown as Record<string, unknown>)[key] = snaps
    }, [RECORD_KEY, kind] as const)
  }

  /** The snapshots kept since `record`, oldest first. */
  async recorded(): Promise<string[][]> {
    return this.page.evaluate((key) => (window as unknown as Record<string, string[][]>)[key] ?? [], RECORD_KEY)
  }
}
