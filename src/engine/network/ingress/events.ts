// The controller's event recorder (client-go tools/record through the API): an identical event on
// the same object bumps `count` (`kubectl describe` prints `Sync  10s (x2 over 70s)`), and klog
// prints each one as event.go does.
import type { ApiClient } from '../../../api/client'
import type { KubeObject } from '../../../api/types'
import { isStatusError } from '../../../api/errors'

/** The `From` column: ingress-nginx records as this component. */
export const INGRESS_COMPONENT = 'nginx-ingress-controller'

export interface Recorder {
  event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void
}

export function createRecorder(api: ApiClient, now: () => number, instance: string, log: (msg: string) => void): Recorder {
  const cache = new Map<string, { namespace: string; name: string; count: number }>()
  let seq = 0
  return {
    event(obj, type, reason, message) {
      const m = obj.metadata
      const ref = { apiVersion: obj.apiVersion, kind: obj.kind, name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion }
      log(`Event(v1.ObjectReference{Kind:"${obj.kind}", Namespace:"${m.namespace ?? ''}", Name:"${m.name}", UID:"${m.uid ?? ''}", APIVersion:"${obj.apiVersion}", ResourceVersion:"${m.resourceVersion ?? ''}", FieldPath:""}): type: '${type}' reason: '${reason}' ${message}`)
      const ts = new Date(now()).toISOString().replace(/\.\d+Z$/, 'Z')
      const key = [obj.kind, m.namespace, m.name, m.uid, type, reason, message].join('\u0000')
      const hit = cache.get(key)
      if (hit) {
        try {
          api.patch('events', hit.namespace, hit.name, 'merge', { count: hit.count + 1, lastTimestamp: ts }, { fieldManager: INGRESS_COMPONENT })
          hit.count++
          return
        } catch (e) {
          if (!isStatusError(e) || e.status.reason !== 'NotFound') return
          cache.delete(key)
        }
      }
      const namespace = m.namespace || 'default'
      // client-go names events <object>.<UnixNano in hex>.
      const name = `${m.name}.${(BigInt(now()) * 1_000_000n + BigInt(seq++)).toString(16)}`
      const ev = {
        apiVersion: 'v1', kind: 'Event', metadata: { name, namespace },
        involvedObject: ref, reason, message, source: { component: INGRESS_COMPONENT },
        firstTimestamp: ts, lastTimestamp: ts, count: 1, type, eventTime: null,
        reportingComponent: INGRESS_COMPONENT, reportingInstance: instance,
      }
      try {
        api.create('events', ev as unknown as KubeObject, { fieldManager: INGRESS_COMPONENT })
        cache.set(key, { namespace, name, count: 1 })
      } catch { /* dropped, as client-go drops on error */ }
    },
  }
}
