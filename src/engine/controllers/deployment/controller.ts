// The Deployment controller (pkg/controller/deployment/deployment_controller.go). Watch handlers
// only enqueue `namespace/name`; syncDeployment reads the current Deployment and climbs upstream's
// ladder of guards: gone → selects everything → being deleted → paused → scaling event → strategy.
import type { ApiClient } from '../../../api/client'
import type { KubeObject, WatchEvent } from '../../../api/types'
import { deepCopy, deepEqual, getControllerOf } from '../../../api/objects'
import { isStatusError } from '../../../api/errors'
import type { VirtualClock } from '../../runtime/clock'
import type { SeededRandom } from '../../runtime/random'
import type { EventBroadcaster } from '../../events/recorder'
import { WorkQueue, keyOf, splitKey, type SyncResult } from '../../runtime/workqueue'
import type { Deployment, ReplicaSet } from './util/types'
import { asObj, CONTROLLER_NAME, selects, updateStatus, type Ctx } from './context'
import { getPodMapForDeployment, getReplicaSetsForDeployment } from './claim'
import { getAllReplicaSetsAndSyncRevision } from './newrs'
import { checkPausedConditions, isScalingEvent, sync, syncDeploymentStatus } from './sync'
import { rolloutRolling } from './rolling'
import { rolloutRecreate } from './recreate'

/** Warning on a Deployment whose selector is `{}` (it would select every pod in the namespace). */
export const SELECTING_ALL_REASON = 'SelectingAll'
export const SELECTING_ALL_MESSAGE = 'This deployment is selecting all pods. A non-empty selector is required.'
/** A write lost a race (Conflict, NotFound): look again shortly, like client-go's 5 ms base backoff. */
export const RACE_RETRY_MS = 5

export function startDeploymentController(
  api: ApiClient, clock: VirtualClock, events: EventBroadcaster, _random?: SeededRandom,
  onError?: (name: string, key: string, err: unknown) => void,
): () => void {
  const recorder = events.recorder({ component: CONTROLLER_NAME })
  const queue: WorkQueue = new WorkQueue(clock, (key) => syncDeployment(ctx, key), CONTROLLER_NAME, onError)
  const ctx: Ctx = { api, clock, recorder, requeueAfter: (d, ms) => queue.addAfter(keyOf(d as { metadata: { namespace?: string; name?: string } }), ms) }
  const enqueueOwner = (o: KubeObject) => {
    const ref = getControllerOf(o)
    if (ref?.kind === 'Deployment' && ref.apiVersion.startsWith('apps/')) queue.add(`${o.metadata.namespace}/${ref.name}`)
    return !!ref
  }
  const stops = [
    api.watch('deployments', {}, (ev) => queue.add(keyOf(ev.object))),
    api.watch('replicasets', {}, (ev: WatchEvent) => {
      if (enqueueOwner(ev.object) || ev.type === 'DELETED') return
      // An orphan: every Deployment that selects it may adopt it.
      for (const d of api.list('deployments', { namespace: ev.object.metadata.namespace }).items as unknown as Deployment[]) {
        if (selects(d, ev.object.metadata.labels)) queue.add(`${ev.object.metadata.namespace}/${d.metadata!.name}`)
      }
    }),
    // A Recreate rollout waits for the old pods to be gone: a deleted pod wakes its Deployment
    // (upstream deletePod; RollingUpdate Deployments learn from their ReplicaSets' status).
    api.watch('pods', {}, (ev: WatchEvent) => {
      if (ev.type !== 'DELETED') return
      const ref = getControllerOf(ev.object)
      if (ref?.kind !== 'ReplicaSet') return
      const ns = ev.object.metadata.namespace
      try {
        const owner = getControllerOf(api.get('replicasets', ns, ref.name))
        if (owner?.kind !== 'Deployment') return
        const d = api.get('deployments', ns, owner.name) as unknown as Deployment
        if (d.spec?.strategy?.type === 'Recreate') queue.add(`${ns}/${owner.name}`)
      } catch { /* the ReplicaSet or Deployment is gone too */ }
    }),
  ]
  return () => stops.forEach((s) => s())
}

export function syncDeployment(ctx: Ctx, key: string): SyncResult {
  const { namespace, name } = splitKey(key)
  let stored: Deployment
  try {
    stored = ctx.api.get('deployments', namespace, name) as unknown as Deployment
  } catch (e) {
    if (isStatusError(e) && e.status.reason === 'NotFound') return // deleted: nothing to do
    throw e
  }
  const d = deepCopy(stored)
  try {
    syncOne(ctx, d)
  } catch (e) {
    if (isStatusError(e) && (e.status.reason === 'Conflict' || e.status.reason === 'NotFound' || e.status.reason === 'AlreadyExists')) {
      return { requeueAfterMs: RACE_RETRY_MS }
    }
    throw e
  }
}

function syncOne(ctx: Ctx, d: Deployment): void {
  if (deepEqual(d.spec?.selector ?? {}, {})) {
    ctx.recorder.event(asObj(d) as KubeObject, 'Warning', SELECTING_ALL_REASON, SELECTING_ALL_MESSAGE)
    if ((d.status?.observedGeneration ?? 0) < (d.metadata?.generation ?? 0)) {
      updateStatus(ctx, d, { ...d.status, observedGeneration: d.metadata?.generation })
    }
    return
  }
  const rsList: ReplicaSet[] = getReplicaSetsForDeployment(ctx, d)
  if (d.metadata?.deletionTimestamp) {
    // syncStatusOnly: a Deployment being deleted only reports.
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false)
    return syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d)
  }
  checkPausedConditions(ctx, d)
  if (d.spec?.paused) return sync(ctx, d, rsList)
  // (The legacy rollbackTo annotation is not served: kubectl rollout undo copies the template.)
  if (isScalingEvent(ctx, d, rsList)) return sync(ctx, d, rsList)
  switch (d.spec?.strategy?.type ?? 'RollingUpdate') {
    case 'Recreate':
      return rolloutRecreate(ctx, d, rsList, getPodMapForDeployment(ctx, d, rsList))
    case 'RollingUpdate':
      return rolloutRolling(ctx, d, rsList)
  }
}
