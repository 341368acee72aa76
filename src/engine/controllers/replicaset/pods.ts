// Pod-side helpers of the ReplicaSet controller: the pod a template makes (GetPodFromTemplate),
// which pods a ReplicaSet owns (ControllerRefManager.ClaimPods: adopt matching orphans, release
// owned pods whose labels stopped matching), and slowStartBatch.
import type { KubeObject, OwnerReference, Pod, ReplicaSet } from '../../../api/types'
import { deepCopy, getControllerOf, newControllerRef } from '../../../api/objects'
import { isStatusError } from '../../../api/errors'
import type { ApiClient } from '../../../api/client'
import { fromLabelSelector, matchSelector, type LabelSelector } from '../../../api/labels'

/** SlowStartInitialBatchSize: create 1 pod, then 2, 4, 8… stopping at the first failure. */
export const SLOW_START_INITIAL_BATCH_SIZE = 1

/**
 * GetPodFromTemplate: labels, annotations and finalizers from the template, generateName
 * `<rs>-` (the API server adds 5 chars of bcdfghjklmnpqrstvwxz2456789: `web-7xk2p`), and a
 * controller reference to the ReplicaSet (apps/v1, controller + blockOwnerDeletion true).
 */
export function podFromTemplate(rs: ReplicaSet): Pod & KubeObject {
  const t = rs.spec?.template ?? {}
  const metadata: Pod['metadata'] & object = {
    generateName: `${rs.metadata!.name}-`,
    namespace: rs.metadata!.namespace,
  }
  if (t.metadata?.labels) metadata.labels = deepCopy(t.metadata.labels)
  if (t.metadata?.annotations) metadata.annotations = deepCopy(t.metadata.annotations)
  if (t.metadata?.finalizers) metadata.finalizers = [...t.metadata.finalizers]
  metadata.ownerReferences = [newControllerRef(rs as KubeObject)]
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: deepCopy(t.spec ?? { containers: [] }) } as Pod & KubeObject
}

/**
 * slowStartBatch: calls fn `count` times in batches of 1, 2, 4…; the first batch with an error
 * ends it. Worked numbers: count 10, the 4th call fails → batches 1, 2, then 4 (calls 4–7 run,
 * one fails) → 6 successes and that error; calls 8–10 are skipped.
 */
export function slowStartBatch(count: number, initial: number, fn: () => void): { successes: number; error?: unknown } {
  let remaining = count
  let successes = 0
  for (let batch = Math.min(remaining, initial); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let error: unknown
    for (let i = 0; i < batch; i++) {
      try { fn(); successes++ } catch (e) { error ??= e }
    }
    if (error !== undefined) return { successes, error }
    remaining -= batch
  }
  return { successes }
}

const isNotFound = (e: unknown) => isStatusError(e) && e.status.reason === 'NotFound'

/**
 * ClaimPods: the active pods this ReplicaSet owns after adopting orphans its selector matches
 * and releasing owned pods it no longer matches. A ReplicaSet being deleted adopts and releases
 * nothing. `canAdopt` re-reads the ReplicaSet (RecheckDeletionTimestamp) and throws if it is gone.
 */
export function claimPods<P extends Pod>(api: ApiClient, rs: ReplicaSet, pods: readonly P[], canAdopt: () => void): P[] {
  const uid = rs.metadata!.uid!
  const deleting = !!rs.metadata?.deletionTimestamp
  const claimed: P[] = []
  // Parsed once per sync, not once per pod (a 1,000-pod ReplicaSet syncs thousands of times).
  const sel = rs.spec?.selector ? fromLabelSelector(rs.spec.selector as LabelSelector) : undefined
  for (const pod of pods) {
    const ref = getControllerOf(pod)
    const match = !!sel && matchSelector(sel, pod.metadata?.labels)
    if (ref) {
      if (ref.uid !== uid) continue
      if (match) { claimed.push(pod); continue }
      if (deleting) continue
      try { release(api, pod, uid) } catch (e) { if (!isNotFound(e)) throw e }
      continue
    }
    if (deleting || !match || pod.metadata?.deletionTimestamp) continue
    if (pod.metadata?.namespace !== rs.metadata?.namespace) continue
    try {
      canAdopt()
      claimed.push(adopt(api, pod, newControllerRef(rs as KubeObject)) as P)
    } catch (e) {
      if (!isNotFound(e)) throw e
    }
  }
  return claimed
}

function adopt(api: ApiClient, pod: Pod, ref: OwnerReference): Pod {
  const refs = [...(pod.metadata?.ownerReferences ?? []), ref]
  return api.patch<Pod & KubeObject>('pods', pod.metadata!.namespace, pod.metadata!.name!, 'merge', { metadata: { ownerReferences: refs, uid: pod.metadata!.uid } })
}

function release(api: ApiClient, pod: Pod, ownerUid: string): void {
  const refs = (pod.metadata?.ownerReferences ?? []).filter((r) => r.uid !== ownerUid)
  api.patch('pods', pod.metadata!.namespace, pod.metadata!.name!, 'merge', { metadata: { ownerReferences: refs.length ? refs : null, uid: pod.metadata!.uid } })
}
