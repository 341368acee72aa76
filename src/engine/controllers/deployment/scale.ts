// Changing a ReplicaSet's size (sync.go scaleReplicaSet / scaleReplicaSetAndRecordEvent): the
// desired/max-replicas annotations are refreshed on the same write, and a real change of size is
// told as an event on the Deployment in upstream's words (1.30:
// "Scaled up replica set web-6d4c9f8b7 to 3 from 1").
import type { KubeObject } from '../../../api/types'
import { deepCopy } from '../../../api/objects'
import { maxSurge, replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './util/fenceposts'
import { replicasOf, type Deployment, type ReplicaSet } from './util/types'
import { asObj, CONTROLLER_NAME, SCALING_REPLICA_SET, type Ctx } from './context'

export const scaledMessage = (op: 'up' | 'down', rs: string, to: number, from: number) => `Scaled ${op} replica set ${rs} to ${to} from ${from}`

/** scaleReplicaSetAndRecordEvent: nothing to do when the size is already right. */
export function scaleReplicaSetAndRecordEvent(ctx: Ctx, rs: ReplicaSet, newScale: number, d: Deployment): { scaled: boolean; rs: ReplicaSet } {
  if (replicasOf(rs) === newScale) return { scaled: false, rs }
  return scaleReplicaSet(ctx, rs, newScale, d, replicasOf(rs) < newScale ? 'up' : 'down')
}

export function scaleReplicaSet(ctx: Ctx, rs: ReplicaSet, newScale: number, d: Deployment, op: 'up' | 'down' | ''): { scaled: boolean; rs: ReplicaSet } {
  const desired = replicasOf(d)
  const max = desired + maxSurge(d)
  const sizeNeedsUpdate = replicasOf(rs) !== newScale
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs }
  const oldScale = replicasOf(rs)
  const copy = deepCopy(rs)
  copy.spec = { ...copy.spec!, replicas: newScale }
  setReplicasAnnotations(copy, desired, max)
  const updated = ctx.api.update('replicasets', asObj(copy), { fieldManager: CONTROLLER_NAME }) as unknown as ReplicaSet
  if (sizeNeedsUpdate) {
    ctx.recorder.event(asObj(d) as KubeObject, 'Normal', SCALING_REPLICA_SET, scaledMessage(op || 'up', updated.metadata!.name!, newScale, oldScale))
  }
  return { scaled: sizeNeedsUpdate, rs: updated }
}
