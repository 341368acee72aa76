// Which ReplicaSets and pods belong to a Deployment (deployment_controller.go
// getReplicaSetsForDeployment / getPodMapForDeployment, ControllerRefManager): a ReplicaSet it
// controls and whose labels still match is its own; a matching orphan is adopted; one it
// controls that no longer matches is released.
import type { KubeObject, Pod } from '../../../api/types'
import { getControllerOf, newControllerRef, withoutOwner } from '../../../api/objects'
import type { Deployment, ReplicaSet } from './util/types'
import { asObj, CONTROLLER_NAME, isReason, selects, type Ctx } from './context'
import type { PodMap } from './recreate'

function patchOwners(ctx: Ctx, rs: ReplicaSet, refs: unknown[]): ReplicaSet | undefined {
  try {
    return ctx.api.patch('replicasets', rs.metadata!.namespace, rs.metadata!.name!, 'merge',
      { metadata: { ownerReferences: refs.length ? refs : null } }, { fieldManager: CONTROLLER_NAME }) as unknown as ReplicaSet
  } catch (e) {
    if (isReason(e, 'NotFound') || isReason(e, 'Conflict')) return undefined
    throw e
  }
}

export function getReplicaSetsForDeployment(ctx: Ctx, d: Deployment): ReplicaSet[] {
  const all = ctx.api.list('replicasets', { namespace: d.metadata!.namespace }).items as unknown as ReplicaSet[]
  const uid = d.metadata!.uid!
  const deleting = !!d.metadata?.deletionTimestamp
  const out: ReplicaSet[] = []
  for (const rs of all) {
    const ref = getControllerOf(rs)
    const matches = selects(d, rs.metadata?.labels)
    if (ref) {
      if (ref.uid !== uid) continue
      if (matches || deleting) { out.push(rs); continue }
      // Ours but its labels no longer match: release it (drop our reference).
      patchOwners(ctx, rs, withoutOwner(rs.metadata?.ownerReferences, uid))
      continue
    }
    if (!matches || deleting || rs.metadata?.deletionTimestamp) continue
    // A matching orphan: adopt it.
    const adopted = patchOwners(ctx, rs, [...(rs.metadata?.ownerReferences ?? []), newControllerRef(asObj(d) as KubeObject)])
    if (adopted) out.push(adopted)
  }
  return out
}

/** getPodMapForDeployment: the Deployment's pods by the uid of their controlling ReplicaSet. */
export function getPodMapForDeployment(ctx: Ctx, d: Deployment, rsList: ReplicaSet[]): PodMap {
  const map: PodMap = new Map(rsList.map((rs) => [rs.metadata!.uid!, [] as Pod[]]))
  const pods = ctx.api.list('pods', { namespace: d.metadata!.namespace }).items as unknown as Pod[]
  for (const p of pods) {
    if (!selects(d, p.metadata?.labels)) continue
    const ref = getControllerOf(p)
    if (ref && map.has(ref.uid)) map.get(ref.uid)!.push(p)
  }
  return map
}
