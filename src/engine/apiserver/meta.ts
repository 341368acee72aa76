// Metadata the server owns: names from generateName, generation bumps, and the system fields a
// client may not set or change (uid, creationTimestamp, deletionTimestamp, generation).
import type { KubeObject, ObjectMeta } from '../../api/types'
import { deepEqual } from '../../api/objects'
import { NAME_SUFFIX_ALPHABET, type SeededRandom } from '../runtime/random'

/** ObjectMeta with the server-owned fields writable (kubernetes-types marks them readonly). */
export type MutableMeta = { -readonly [K in keyof ObjectMeta]: ObjectMeta[K] }

/** The server's handle on an object's metadata. */
export function metaOf(o: KubeObject): MutableMeta {
  return o.metadata as MutableMeta
}

/** 5 random characters follow a generateName (upstream utilrand.String(5)). */
export const GENERATED_SUFFIX_LENGTH = 5
/** 63 - 5 = 58: upstream trims generateName so name + suffix fits a DNS label. */
export const MAX_GENERATE_NAME_BASE = 58

/** `web-` → `web-7x4kq` (upstream names.SimpleNameGenerator). */
export function generateName(base: string, random: SeededRandom): string {
  const b = base.length > MAX_GENERATE_NAME_BASE ? base.slice(0, MAX_GENERATE_NAME_BASE) : base
  return b + random.string(GENERATED_SUFFIX_LENGTH, NAME_SUFFIX_ALPHABET)
}

/**
 * Core v1 kinds whose registry strategies never set metadata.generation (v1.30): `kubectl get pod
 * -o yaml` on a real 1.30 cluster shows no generation. Kinds with a rollout to observe
 * (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, Ingress, CRDs...) start at 1.
 */
export const NO_GENERATION_KINDS = new Set([
  'Pod', 'ConfigMap', 'Secret', 'Namespace', 'Node', 'Event', 'Service', 'Endpoints', 'ServiceAccount',
  'PersistentVolume', 'PersistentVolumeClaim', 'LimitRange', 'ResourceQuota'
])

export function tracksGeneration(kind: string): boolean {
  return !NO_GENERATION_KINDS.has(kind)
}

/** What metadata.generation tracks: spec, or for kinds without spec everything but metadata/status. */
export function generationRelevant(o: KubeObject): unknown {
  if (o.spec !== undefined) return o.spec
  const rest: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) if (k !== 'metadata' && k !== 'status' && k !== 'apiVersion' && k !== 'kind') rest[k] = v
  return rest
}

export function specChanged(a: KubeObject, b: KubeObject): boolean {
  return !deepEqual(generationRelevant(a), generationRelevant(b))
}

/** Copy the fields only the server sets from `old` onto `next` (update and patch). */
export function keepSystemMeta(next: KubeObject, old: KubeObject): void {
  const m = metaOf(next)
  const o = old.metadata
  m.uid ??= o.uid
  m.creationTimestamp = o.creationTimestamp
  if (o.generation !== undefined) m.generation = o.generation
  else delete m.generation
  m.resourceVersion = o.resourceVersion
  if (o.deletionTimestamp) m.deletionTimestamp = o.deletionTimestamp
  else delete m.deletionTimestamp
  if (o.deletionGracePeriodSeconds !== undefined) m.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds
  else delete m.deletionGracePeriodSeconds
  delete m.managedFields
  if (o.generateName !== undefined && m.generateName === undefined) m.generateName = o.generateName
}

/** Two stored states equal apart from resourceVersion: such an update is a no-op (no rv bump). */
export function sameObject(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } })
  return deepEqual(strip(a), strip(b))
}
