// Finding or creating the Deployment's new ReplicaSet (sync.go getNewReplicaSet,
// getAllReplicaSetsAndSyncRevision): name `<deployment>-<pod-template-hash>`, the hash label on
// its labels, selector and template, a controller ownerReference, and the revision annotations.
import type { KubeObject } from '../../../api/types'
import { deepCopy, getControllerOf, newControllerRef } from '../../../api/objects'
import { POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION } from './util/annotations'
import { computeHash } from './util/hash'
import { newRSNewReplicas } from './util/fenceposts'
import { hasProgressDeadline } from './util/progress'
import { equalIgnoreHash, findNewReplicaSet, findOldReplicaSets, maxRevision } from './util/replicasets'
import { setDeploymentRevision, setNewReplicaSetAnnotations } from './util/revision'
import {
  DEPLOYMENT_PROGRESSING, FailedRSCreateReason, FoundNewRSReason, NewReplicaSetReason, createdNewRSMessage,
  failedRSCreateMessage, foundNewRSMessage, getDeploymentCondition, newDeploymentCondition, setDeploymentCondition,
} from './util/conditions'
import type { Deployment, ReplicaSet } from './util/types'
import { asObj, CONTROLLER_NAME, isReason, SCALING_REPLICA_SET, updateStatus, type Ctx } from './context'

export interface AllReplicaSets { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] }

/** getAllReplicaSetsAndSyncRevision: every old RS, and the new one (created when asked). */
export function getAllReplicaSetsAndSyncRevision(ctx: Ctx, d: Deployment, rsList: ReplicaSet[], createIfNotExisted: boolean): AllReplicaSets {
  const { all } = findOldReplicaSets(d, rsList)
  const newRS = getNewReplicaSet(ctx, d, rsList, all, createIfNotExisted)
  return { newRS, oldRSs: all }
}

/** Write the revision annotation on the Deployment (upstream rides it on its status update). */
function syncRevision(ctx: Ctx, d: Deployment, revision: string | undefined): void {
  if (!setDeploymentRevision(d, revision)) return
  const stored = ctx.api.patch('deployments', d.metadata!.namespace, d.metadata!.name!, 'merge',
    { metadata: { annotations: { [REVISION_ANNOTATION]: revision } } }, { fieldManager: CONTROLLER_NAME }) as unknown as Deployment
  d.metadata = stored.metadata
}

function getNewReplicaSet(ctx: Ctx, d: Deployment, rsList: ReplicaSet[], oldRSs: ReplicaSet[], createIfNotExisted: boolean): ReplicaSet | undefined {
  const existing = findNewReplicaSet(d, rsList)
  // Revision 3 when the old ones have 1 and 2 (a rollback makes an old RS new again at max + 1).
  const newRevision = String(maxRevision(oldRSs) + 1)
  const now = ctx.clock.nowISO()
  if (existing) {
    const copy = deepCopy(existing)
    const annotationsUpdated = setNewReplicaSetAnnotations(d, copy, newRevision, true)
    const minReadySecondsNeedsUpdate = (copy.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0)
    if (annotationsUpdated || minReadySecondsNeedsUpdate) {
      copy.spec = { ...copy.spec!, minReadySeconds: d.spec?.minReadySeconds ?? 0 }
      return ctx.api.update('replicasets', asObj(copy), { fieldManager: CONTROLLER_NAME }) as unknown as ReplicaSet
    }
    syncRevision(ctx, d, copy.metadata?.annotations?.[REVISION_ANNOTATION])
    if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING)) {
      const status = deepCopy(d.status ?? {})
      setDeploymentCondition(status, newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'True', FoundNewRSReason, foundNewRSMessage(copy.metadata!.name!), now))
      updateStatus(ctx, d, status)
    }
    return copy
  }
  if (!createIfNotExisted) return undefined

  const template = deepCopy(d.spec!.template)
  const hash = computeHash(template, d.status?.collisionCount)
  const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash }
  template.metadata = { ...template.metadata, labels }
  const selector = deepCopy(d.spec!.selector)
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash }
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `${d.metadata!.name}-${hash}`, namespace: d.metadata!.namespace, ownerReferences: [newControllerRef(asObj(d))], labels },
    spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
  }
  const replicas = newRSNewReplicas(d, [...oldRSs, rs], rs)
  rs.spec!.replicas = replicas
  setNewReplicaSetAnnotations(d, rs, newRevision, false)

  let created: ReplicaSet
  let alreadyExists = false
  try {
    created = ctx.api.create('replicasets', asObj(rs), { fieldManager: CONTROLLER_NAME }) as unknown as ReplicaSet
  } catch (e) {
    if (isReason(e, 'AlreadyExists')) {
      const found = ctx.api.get('replicasets', rs.metadata!.namespace, rs.metadata!.name!) as unknown as ReplicaSet
      const ref = getControllerOf(found)
      if (ref?.uid === d.metadata?.uid && equalIgnoreHash(d.spec?.template, found.spec?.template)) {
        created = found
        alreadyExists = true
      } else {
        // A hash collision: another template already owns this name. Bump collisionCount so the
        // next hash differs, and let the write of the status requeue us.
        const status = deepCopy(d.status ?? {})
        status.collisionCount = (status.collisionCount ?? 0) + 1
        updateStatus(ctx, d, status)
        return undefined
      }
    } else if (isReason(e, 'Forbidden') && /terminat/i.test(String((e as Error).message))) {
      return undefined // the namespace is terminating: every create fails, nothing to report
    } else {
      const msg = failedRSCreateMessage(rs.metadata!.name!, String((e as Error).message))
      if (hasProgressDeadline(d)) {
        const status = deepCopy(d.status ?? {})
        setDeploymentCondition(status, newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'False', FailedRSCreateReason, msg, now))
        try { updateStatus(ctx, d, status) } catch { /* the bigger problem is reported below */ }
      }
      ctx.recorder.event(asObj(d) as KubeObject, 'Warning', FailedRSCreateReason, msg)
      throw e
    }
  }
  if (!alreadyExists && replicas > 0) {
    ctx.recorder.event(asObj(d) as KubeObject, 'Normal', SCALING_REPLICA_SET, `Scaled up replica set ${created.metadata!.name} to ${replicas}`)
  }
  syncRevision(ctx, d, newRevision)
  if (!alreadyExists && hasProgressDeadline(d)) {
    const status = deepCopy(d.status ?? {})
    setDeploymentCondition(status, newDeploymentCondition(DEPLOYMENT_PROGRESSING, 'True', NewReplicaSetReason, createdNewRSMessage(created.metadata!.name!), now))
    updateStatus(ctx, d, status)
  }
  return created
}
