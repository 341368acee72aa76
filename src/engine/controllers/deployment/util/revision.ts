// Revisions and annotations on the new ReplicaSet (deployment_util.go SetNewReplicaSetAnnotations).
import {
  ANNOTATIONS_TO_SKIP, MAX_REV_HISTORY_LENGTH_IN_CHARS, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION,
} from './annotations'
import { maxSurge, setReplicasAnnotations } from './fenceposts'
import { replicasOf, type Deployment, type ReplicaSet } from './types'

/**
 * copyDeploymentAnnotationsToReplicaSet: the Deployment's annotations (change-cause...) go onto
 * the ReplicaSet, except the skipped ones (revision, replicas, last-applied...). True if any changed.
 */
export function copyDeploymentAnnotationsToReplicaSet(d: Deployment, rs: ReplicaSet): boolean {
  const a = (rs.metadata ??= {}).annotations ??= {}
  let changed = false
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || a[k] === v) continue
    a[k] = v
    changed = true
  }
  return changed
}

/**
 * SetNewReplicaSetAnnotations: copy the Deployment's annotations, raise the revision to
 * `newRevision` when it is higher, and remember the revision it replaced in revision-history
 * (a rollback to the RS of revision 1 when the max was 2: revision 3, revision-history "1").
 * The history is trimmed from the front to `limitChars`. A ReplicaSet about to be created also
 * gets the desired/max-replicas annotations. True when anything changed.
 */
export function setNewReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: string, exists: boolean, limitChars = MAX_REV_HISTORY_LENGTH_IN_CHARS): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, rs)
  const a = (rs.metadata ??= {}).annotations ??= {}
  const hadRevision = REVISION_ANNOTATION in a
  const oldRevision = a[REVISION_ANNOTATION] ?? ''
  let oldRevisionInt = 0
  if (oldRevision !== '') {
    if (!/^-?\d+$/.test(oldRevision)) return false
    oldRevisionInt = Number(oldRevision)
  }
  if (!/^-?\d+$/.test(newRevision)) return false
  const newRevisionInt = Number(newRevision)
  if (oldRevisionInt < newRevisionInt) {
    a[REVISION_ANNOTATION] = newRevision
    changed = true
  }
  if (hadRevision && oldRevisionInt < newRevisionInt) {
    const history = a[REVISION_HISTORY_ANNOTATION] ?? ''
    let old = history.split(',')
    if (old[0].length === 0) {
      a[REVISION_HISTORY_ANNOTATION] = oldRevision
    } else {
      let totalLen = history.length + oldRevision.length + 1
      let start = 0
      while (totalLen > limitChars && start < old.length) {
        totalLen = totalLen - old[start].length - 1
        start++
      }
      if (totalLen <= limitChars) {
        old = [...old.slice(start), oldRevision]
        a[REVISION_HISTORY_ANNOTATION] = old.join(',')
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true
  return changed
}

/** SetDeploymentRevision: the Deployment carries its new RS's revision; true when it changed. */
export function setDeploymentRevision(d: Deployment, revision: string | undefined): boolean {
  const a = (d.metadata ??= {}).annotations ??= {}
  if (revision === undefined || a[REVISION_ANNOTATION] === revision) return false
  a[REVISION_ANNOTATION] = revision
  return true
}
