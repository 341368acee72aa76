// Shared by the workload verbs (scale, rollout *, set *): resolving TYPE NAME / TYPE/NAME / -f / -l
// / --all into objects the way resource.Builder does, the pod spec inside each kind
// (polymorphichelpers.updatePodSpecForObject), and a Deployment's ReplicaSets by revision
// (deploymentutil.GetAllReplicaSets + Revision).
import type { KindInfo } from '../../api/kinds'
import type { KubeObject } from '../../api/types'
import { flagArr, flagBool, flagStr } from '../argv'
import type { Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { parseResourceArgs } from '../resources'
import { loadPlaced } from '../apply/objects'
import { listSelected, nsFor } from './common'

/** The annotation the deployment controller stamps on a Deployment and its ReplicaSets. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'
/** Set by the learner (or --record); `rollout history` shows it as CHANGE-CAUSE. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause'
/** The label that tells one Deployment's ReplicaSets apart. */
export const POD_TEMPLATE_HASH = 'pod-template-hash'

export interface Target { kind: KindInfo; ns: string | undefined; name: string }

export const NO_RESOURCES = "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"

/**
 * Objects named on the command line: `-f` manifests, or TYPE with names, or TYPE with -l/--all.
 * `TYPE` alone without a selector is resource.Builder's "no name was specified" error unless
 * allowEmptySelector (rollout's verbs).
 */
export async function resolveTargets(inv: Invocation, opts: { args?: string[]; allowEmptySelector?: boolean } = {}): Promise<Target[]> {
  const args = opts.args ?? inv.args.positional
  const p = inv.args
  if (flagArr(p, 'filename').length > 0) {
    const { items, errs } = await loadPlaced(inv)
    if (errs.length > 0) throw new CmdError(errs.map((e) => e.text).join('\n'))
    return items.map((it) => ({ kind: it.kind, ns: it.namespace, name: it.obj.metadata.name ?? '' }))
  }
  const selector = flagStr(p, 'selector')
  // ResourceTypeOrNameArgs(allowEmptySelector): rollout's verbs take a bare TYPE as "all of them".
  const all = flagBool(p, 'all') || opts.allowEmptySelector === true
  const out: Target[] = []
  for (const r of parseResourceArgs(inv.api.discovery(), args)) {
    if (r.names.length > 0) {
      if (selector) throw fail('name cannot be provided when a selector is specified')
      for (const name of r.names) out.push({ kind: r.kind, ns: nsFor(inv, r.kind), name })
      continue
    }
    if (!selector && !all) throw fail('resource(s) were provided, but no name was specified')
    for (const o of listSelected(inv, r.kind, { namespace: nsFor(inv, r.kind), labelSelector: selector })) {
      out.push({ kind: r.kind, ns: o.metadata.namespace, name: o.metadata.name ?? '' })
    }
  }
  return out
}

type Loose = Record<string, unknown>
export interface PodSpecLike { containers?: Loose[]; initContainers?: Loose[]; [k: string]: unknown }

/** The pod spec inside an object of this kind, or undefined (upstream's "not a pod or does not have a pod template"). */
export function podSpecOf(obj: KubeObject): PodSpecLike | undefined {
  const spec = obj.spec as Loose | undefined
  switch (obj.kind) {
    case 'Pod': return spec as PodSpecLike | undefined
    case 'Deployment': case 'ReplicaSet': case 'StatefulSet': case 'DaemonSet': case 'Job': case 'ReplicationController':
      return ((spec?.template as Loose | undefined)?.spec as PodSpecLike | undefined)
    case 'CronJob':
      return ((((spec?.jobTemplate as Loose | undefined)?.spec as Loose | undefined)?.template as Loose | undefined)?.spec as PodSpecLike | undefined)
    default: return undefined
  }
}

/** The JSON merge patch that puts `spec` (a modified copy of podSpecOf(obj)) back into an object of obj's kind. */
export function podSpecPatch(obj: KubeObject, spec: PodSpecLike): Loose {
  const fields: Loose = {}
  for (const k of ['containers', 'initContainers'] as const) if (spec[k] !== undefined) fields[k] = spec[k]
  if (obj.kind === 'Pod') return { spec: fields }
  if (obj.kind === 'CronJob') return { spec: { jobTemplate: { spec: { template: { spec: fields } } } } }
  return { spec: { template: { spec: fields } } }
}

/** `*v1.ConfigMap`: the Go type upstream names in "does not have a pod template". */
export function goTypeName(kind: KindInfo): string {
  return `*${kind.version}.${kind.kind}`
}

/** deploymentutil.Revision: the revision annotation as a number (0 when absent or unparsable). */
export function revisionOf(obj: KubeObject): number {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION]
  if (v === undefined || !/^\d+$/.test(v)) return 0
  return Number(v)
}

/** ReplicaSets whose controller owner is this Deployment (GetAllReplicaSets: selector + ControllerRef). */
export function replicaSetsOf(inv: Invocation, deploy: KubeObject): KubeObject[] {
  const rss = inv.api.list('replicasets', { namespace: deploy.metadata.namespace }).items
  return rss.filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === deploy.metadata.uid))
}

/** `deployments.apps`: the resource string upstream prints in pause/resume errors. */
export function resourceString(kind: KindInfo): string {
  return kind.group ? `${kind.plural}.${kind.group}` : kind.plural
}

/** schema.GroupKind.String(): `Pod`, `ReplicaSet.apps`. */
export function groupKind(kind: KindInfo): string {
  return kind.group ? `${kind.kind}.${kind.group}` : kind.kind
}

/** A strict JSON deep copy (objects from the API are plain JSON). */
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T
}
