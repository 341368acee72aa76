// The event recorder: writes core/v1 Events through the API the way client-go's recorder and
// EventCorrelator do (tools/record/event.go, events_cache.go). A repeat of an identical event
// (same object, type, reason, message, source) bumps `count` and `lastTimestamp` on the existing
// Event instead of creating another — which `kubectl describe` prints as `(x3 over 20s)`.
// Events expire an hour after their last write, as the API server's event TTL (--event-ttl=1h) does.
import type { ApiClient } from '../../api/client'
import type { KubeObject } from '../../api/types'
import { isStatusError } from '../../api/errors'
import type { VirtualClock } from '../runtime/clock'

/** The API server's default --event-ttl: an Event lives one hour after its last update. */
export const EVENT_TTL_MS = 60 * 60 * 1000

export type EventType = 'Normal' | 'Warning'

/** EventAggregator defaults (client-go events_cache.go): 10 similar events within 10 minutes. */
export const AGGREGATE_MAX_EVENTS = 10
export const AGGREGATE_INTERVAL_MS = 10 * 60 * 1000
export const COMBINED_PREFIX = '(combined from similar events): '

export interface EventSource {
  /** `kubelet`, `default-scheduler`, `node-controller`... */
  component: string
  /** The node name for node-local components (kubelet); omitted for cluster components. */
  host?: string
}

export interface InvolvedObject {
  apiVersion: string
  kind: string
  name: string
  namespace?: string
  uid?: string
  resourceVersion?: string
  /** `spec.containers{nginx}` for events about one container. */
  fieldPath?: string
}

export interface EventRecorder {
  event(obj: KubeObject | InvolvedObject, type: EventType, reason: string, message: string, fieldPath?: string): void
}

interface CacheEntry {
  namespace: string
  name: string
  count: number
  firstTimestamp: string
}

/** One per cluster: owns the correlation cache and the TTL sweep; hands out per-source recorders. */
export class EventBroadcaster {
  private cache = new Map<string, CacheEntry>()
  private similar = new Map<string, { messages: Set<string>; last: number }>()
  private keyByName = new Map<string, string>() // ns/name → cache key
  // Expiries are pushed in time order (now + a constant TTL), so a FIFO is a sorted queue.
  private expiries: { at: number; ref: string }[] = []
  private expiryHead = 0
  private latestExpiry = new Map<string, number>()
  private sweepArmedAt: number | undefined
  private lastStampMs = -1
  private stampSeq = 0

  constructor(private readonly api: ApiClient, private readonly clock: VirtualClock, private readonly ttlMs = EVENT_TTL_MS) {}

  /** A recorder that stamps `source` on everything it records (one per component). */
  recorder(source: EventSource, reportingInstance?: string): EventRecorder {
    return { event: (obj, type, reason, message, fieldPath) => this.record(source, reportingInstance ?? source.host ?? '', obj, type, reason, message, fieldPath) }
  }

  private record(source: EventSource, instance: string, obj: KubeObject | InvolvedObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const ref = toReference(obj, fieldPath)
    const similar = [source.component, source.host ?? '', ref.kind, ref.namespace ?? '', ref.name, ref.fieldPath ?? '', ref.uid ?? '', ref.apiVersion, type, reason].join('\u0000')
    // EventAggregator: the 10th distinct message for one object+reason within 10 min turns into a
    // single "(combined from similar events): …" event that later ones update.
    let key = `${similar}\u0000${message}`
    const agg = this.aggregate(similar, message)
    if (agg) { key = `${similar}\u0000(combined)`; message = `${COMBINED_PREFIX}${message}` }
    const now = this.clock.nowISO()
    const hit = this.cache.get(key)
    if (hit) {
      try {
        this.api.patch('events', hit.namespace, hit.name, 'merge', { count: hit.count + 1, lastTimestamp: now, message }, { fieldManager: source.component })
        hit.count++
        this.touch(hit.namespace, hit.name)
        return
      } catch (e) {
        if (!isStatusError(e) || e.status.reason !== 'NotFound') return // upstream logs and drops
        this.forget(`${hit.namespace}/${hit.name}`)
      }
    }
    const namespace = ref.namespace || 'default'
    const name = `${ref.name}.${this.stamp()}`
    const ev = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: ref,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: instance,
    }
    try {
      this.api.create('events', ev as unknown as KubeObject, { fieldManager: source.component })
    } catch {
      return // e.g. the namespace is terminating: upstream drops the event too
    }
    this.cache.set(key, { namespace, name, count: 1, firstTimestamp: now })
    this.keyByName.set(`${namespace}/${name}`, key)
    this.touch(namespace, name)
  }

  /** True once `similar` has seen AGGREGATE_MAX_EVENTS distinct messages within the interval. */
  private aggregate(similar: string, message: string): boolean {
    const now = this.clock.now()
    let rec = this.similar.get(similar)
    if (!rec || now - rec.last > AGGREGATE_INTERVAL_MS) {
      rec = { messages: new Set(), last: now }
      this.similar.set(similar, rec)
    }
    rec.last = now
    if (rec.messages.has(message) || rec.messages.size < AGGREGATE_MAX_EVENTS) {
      rec.messages.add(message)
      return false
    }
    return true
  }

  /**
   * 16 hex digits: upstream names events `<name>.%x` of the event's UnixNano. We use the virtual
   * time in ns plus a per-millisecond sequence, so two events in the same ms get distinct names.
   * 2026-01-01T00:00:00Z = 1767225600000 ms → 0x18867251edfa0000 ns.
   */
  private stamp(): string {
    const ms = this.clock.now()
    if (ms !== this.lastStampMs) { this.lastStampMs = ms; this.stampSeq = 0 }
    const ns = BigInt(ms) * 1_000_000n + BigInt(this.stampSeq++ % 1_000_000)
    return ns.toString(16).padStart(16, '0')
  }

  private touch(namespace: string, name: string): void {
    const ref = `${namespace}/${name}`
    const at = this.clock.now() + this.ttlMs
    this.latestExpiry.set(ref, at)
    this.expiries.push({ at, ref })
    this.arm()
  }

  private arm(): void {
    const next = this.expiries[this.expiryHead]
    if (!next || this.sweepArmedAt !== undefined) return
    this.sweepArmedAt = next.at
    this.clock.at(next.at, () => this.sweep())
  }

  private sweep(): void {
    this.sweepArmedAt = undefined
    const now = this.clock.now()
    while (this.expiryHead < this.expiries.length && this.expiries[this.expiryHead].at <= now) {
      const { at, ref } = this.expiries[this.expiryHead++]
      if (this.latestExpiry.get(ref) !== at) continue // written again since: a later entry covers it
      const [namespace, name] = ref.split('/')
      try { this.api.delete('events', namespace, name) } catch { /* already gone */ }
      this.forget(ref)
    }
    if (this.expiryHead > 1024 && this.expiryHead * 2 > this.expiries.length) {
      this.expiries = this.expiries.slice(this.expiryHead)
      this.expiryHead = 0
    }
    this.arm()
  }

  private forget(ref: string): void {
    const key = this.keyByName.get(ref)
    if (key !== undefined) this.cache.delete(key)
    this.keyByName.delete(ref)
    this.latestExpiry.delete(ref)
  }
}

/** ref.GetReference: the involved object's identity (resourceVersion included, as upstream does). */
function toReference(obj: KubeObject | InvolvedObject, fieldPath?: string): InvolvedObject {
  const o = obj as Partial<KubeObject> & Partial<InvolvedObject>
  const ref: InvolvedObject = o.metadata
    ? {
        apiVersion: o.apiVersion ?? 'v1',
        kind: o.kind ?? '',
        name: o.metadata.name ?? '',
        namespace: o.metadata.namespace,
        uid: o.metadata.uid,
        resourceVersion: o.metadata.resourceVersion,
      }
    : { ...(obj as InvolvedObject) }
  if (fieldPath) ref.fieldPath = fieldPath
  for (const k of Object.keys(ref) as (keyof InvolvedObject)[]) if (ref[k] === undefined) delete ref[k]
  return ref
}
