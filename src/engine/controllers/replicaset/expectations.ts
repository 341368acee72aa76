// ControllerExpectations (pkg/controller/controller_utils.go), on the virtual clock.
// Before a sync creates 3 pods it records "expect 3 adds"; each pod ADDED event lowers the count.
// Until the count reaches 0 (or the record is 5 minutes old) the next sync does not manage replicas
// again, so a watch that lags behind our own writes can never make us create pods twice.
// Deletions are tracked by pod key (UIDTrackingControllerExpectations) so a pod that is deleted
// twice (graceful update, then the DELETED event) is only counted once.

/** ExpectationsTimeout: a record older than this is treated as satisfied (a lost event heals). */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000

interface Record_ {
  add: number
  del: number
  /** Pod keys we deleted and have not yet seen go. */
  deleting: Set<string>
  at: number
}

export class ControllerExpectations {
  private records = new Map<string, Record_>()

  constructor(private readonly now: () => number) {}

  /** SatisfiedExpectations: no record, a fulfilled one, or an expired one. */
  satisfied(key: string): boolean {
    const r = this.records.get(key)
    if (!r) return true
    if (r.add <= 0 && r.del <= 0) return true
    return this.now() - r.at > EXPECTATIONS_TIMEOUT_MS
  }

  /** ExpectCreations: replaces the record (expectations are set only when satisfied). */
  expectCreations(key: string, n: number): void {
    this.records.set(key, { add: n, del: 0, deleting: new Set(), at: this.now() })
  }

  /** ExpectDeletions with the keys of the pods about to be deleted. */
  expectDeletions(key: string, podKeys: readonly string[]): void {
    this.records.set(key, { add: 0, del: podKeys.length, deleting: new Set(podKeys), at: this.now() })
  }

  /** CreationObserved: a pod of ours appeared (or a create we attempted failed / was skipped). */
  creationObserved(key: string): void {
    const r = this.records.get(key)
    if (r) r.add--
  }

  /** DeletionObserved: counted once per pod key we were waiting for. */
  deletionObserved(key: string, podKey: string): void {
    const r = this.records.get(key)
    if (!r || !r.deleting.has(podKey)) return
    r.deleting.delete(podKey)
    r.del--
  }

  /** DeleteExpectations: the ReplicaSet is gone. */
  delete(key: string): void {
    this.records.delete(key)
  }

  /** For tests and debugging: the pending counts. */
  pending(key: string): { add: number; del: number } | undefined {
    const r = this.records.get(key)
    return r && { add: r.add, del: r.del }
  }
}
