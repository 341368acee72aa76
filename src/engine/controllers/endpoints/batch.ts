// Pod-triggered syncs are batched per Service, as kube-controller-manager's
// --endpoint-updates-batch-period / --endpointslice-updates-batch-period do: the first change
// after a quiet second syncs at once (a learner sees a pod become ready in the same instant),
// further changes within BATCH_PERIOD_MS of the last sync wait for the end of that second.
// Why: 1,000 pods becoming ready at ~650 distinct instants made each controller rewrite a
// 1,000-address Endpoints object ~650 times (≈ 13 s in Node); batched, at most one write per
// Service per second (kube-proxy reads them at most once per second anyway: minSyncPeriod).
import type { VirtualClock } from '../../runtime/clock'
import type { WorkQueue } from '../../runtime/workqueue'

/** The batch period: 1 s. */
export const BATCH_PERIOD_MS = 1000

export class SyncBatcher {
  private lastSync = new Map<string, number>()

  constructor(private readonly clock: VirtualClock, private readonly queue: WorkQueue, private readonly periodMs = BATCH_PERIOD_MS) {}

  /** A pod change for `key`: now, or at the end of the period that began with the last sync. */
  add(key: string): void {
    const last = this.lastSync.get(key)
    const now = this.clock.now()
    if (last === undefined || now - last >= this.periodMs) this.queue.add(key)
    else this.queue.addAfter(key, last + this.periodMs - now)
  }

  /** Called by sync: the period starts now. */
  synced(key: string): void {
    this.lastSync.set(key, this.clock.now())
  }

  forget(key: string): void {
    this.lastSync.delete(key)
  }
}
