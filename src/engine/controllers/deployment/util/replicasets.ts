// Which ReplicaSet is new, which are old, and their revisions (deployment_util.go, controller_utils.go).
import { deepEqual } from '../../../../api/objects'
import type { PodTemplateSpec } from 'kubernetes-types/core/v1'
import { POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION } from './annotations'
import { replicasOf, type Deployment, type ReplicaSet } from './types'

const created = (rs: ReplicaSet): string => rs.metadata?.creationTimestamp ?? ''

/** ReplicaSetsByCreationTimestamp: oldest first, ties by name. */
export function byCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  if (created(a) !== created(b)) return created(a) < created(b) ? -1 : 1
  return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1
}

/** ReplicaSetsBySizeOlder: larger first; ties oldest first (scale down takes from the old). */
export const bySizeOlder = (a: ReplicaSet, b: ReplicaSet): number =>
  replicasOf(a) !== replicasOf(b) ? replicasOf(b) - replicasOf(a) : byCreationTimestamp(a, b)

/** ReplicaSetsBySizeNewer: larger first; ties newest first (scale up favours the new). */
export const bySizeNewer = (a: ReplicaSet, b: ReplicaSet): number =>
  replicasOf(a) !== replicasOf(b) ? replicasOf(b) - replicasOf(a) : byCreationTimestamp(b, a)

/** Revision(rs): the revision annotation as a number (0 when absent or not a number). */
export function revisionOf(obj: { metadata?: { annotations?: Record<string, string> } }): number {
  const v = obj.metadata?.annotations?.[REVISION_ANNOTATION]
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : 0
}

/** ReplicaSetsByRevision: lowest revision first, ties by creation time (cleanup deletes these first). */
export const byRevision = (a: ReplicaSet, b: ReplicaSet): number =>
  revisionOf(a) !== revisionOf(b) ? revisionOf(a) - revisionOf(b) : byCreationTimestamp(a, b)

/** MaxRevision over ReplicaSets (0 for none). */
export const maxRevision = (rss: readonly ReplicaSet[]): number => rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0)

/** EqualIgnoreHash: the templates are equal once the pod-template-hash label is dropped from both. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const labels = { ...(t?.metadata?.labels ?? {}) }
    delete labels[POD_TEMPLATE_HASH_LABEL]
    return { ...t, metadata: { ...t?.metadata, labels: Object.keys(labels).length ? labels : undefined } }
  }
  return deepEqual(strip(a), strip(b))
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's (ignoring the hash). */
export function findNewReplicaSet(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...rsList].sort(byCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template))
}

/** FindOldReplicaSets: every other ReplicaSet (`all`), and those with replicas (`required`). */
export function findOldReplicaSets(d: Deployment, rsList: readonly ReplicaSet[]): { required: ReplicaSet[]; all: ReplicaSet[] } {
  const newRS = findNewReplicaSet(d, rsList)
  const all = rsList.filter((rs) => !newRS || rs.metadata?.uid !== newRS.metadata?.uid)
  return { required: all.filter((rs) => replicasOf(rs) !== 0), all }
}

/** FilterActiveReplicaSets: those asked to run at least one pod. */
export const filterActiveReplicaSets = (rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] =>
  rss.filter((rs): rs is ReplicaSet => !!rs && replicasOf(rs) > 0)

/**
 * FindActiveOrLatest: the only active ReplicaSet, or (none active) the new one or the newest
 * old one; undefined when several are active (then proportional scaling decides).
 */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined
  const olds = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a))
  const active = filterActiveReplicaSets([...olds, newRS])
  if (active.length === 0) return newRS ?? olds[0]
  return active.length === 1 ? active[0] : undefined
}
