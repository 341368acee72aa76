// Events expire: kube-apiserver stores them with a lease of --event-ttl (default 1h), renewed by
// every write, so `kubectl get events` forgets what happened more than an hour ago.
import type { KubeObject } from '../../api/types'
import type { VirtualClock } from '../runtime/clock'

/** 1 h: kube-apiserver's default --event-ttl. */
export const EVENT_TTL_MS = 60 * 60 * 1000

export class EventTTL {
  private timers = new Map<string, () => void>()

  constructor(private readonly clock: VirtualClock, private readonly expire: (namespace: string, name: string, uid: string) => void) {}

  /** Written now: expire EVENT_TTL_MS from now (replacing the earlier lease). */
  touch(ev: KubeObject): void {
    const uid = ev.metadata.uid!
    this.timers.get(uid)?.()
    const { namespace, name } = ev.metadata
    this.timers.set(uid, this.clock.after(EVENT_TTL_MS, () => {
      this.timers.delete(uid)
      this.expire(namespace!, name!, uid)
    }))
  }

  forget(ev: KubeObject): void {
    const uid = ev.metadata.uid!
    this.timers.get(uid)?.()
    this.timers.delete(uid)
  }
}
