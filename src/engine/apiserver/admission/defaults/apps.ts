// apps/v1 defaulting (pkg/apis/apps/v1/defaults.go: SetDefaults_Deployment, SetDefaults_ReplicaSet)
// plus the pod template's own defaults (SetDefaults_PodSpec + SetDefaults_Container), so
// `kubectl get deploy web -o yaml` shows what a real v1.30 server stores.
import type { AdmissionContext, Loose } from '../types'
import type { KubeObject } from '../../../../api/types'
import { defaultPodSpec } from './pod'

/** replicas: 1 when unset (both kinds). */
export const DEFAULT_REPLICAS = 1
/** 25%: both maxSurge and maxUnavailable; 4 replicas → 1 surge pod, 1 unavailable pod. */
export const DEFAULT_MAX_SURGE = '25%'
export const DEFAULT_MAX_UNAVAILABLE = '25%'
/** Ten old ReplicaSets kept for `rollout undo`. */
export const DEFAULT_REVISION_HISTORY_LIMIT = 10
/** Ten minutes without progress → Progressing=False ProgressDeadlineExceeded. */
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600

function defaultTemplate(spec: Loose): void {
  spec.template ??= {}
  // Go serialises the template's zero metav1.Time as null, so a v1.30 server returns
  // `template: {metadata: {creationTimestamp: null, …}}` and `-o yaml` shows it.
  spec.template.metadata ??= {}
  if (!('creationTimestamp' in spec.template.metadata)) spec.template.metadata.creationTimestamp = null
  spec.template.spec ??= {}
  defaultPodSpec(spec.template.spec)
}

export function defaultReplicaSet(obj: KubeObject, _ctx: AdmissionContext): void {
  const spec = ((obj as Loose).spec ??= {})
  spec.replicas ??= DEFAULT_REPLICAS
  defaultTemplate(spec)
}

export function defaultDeployment(obj: KubeObject, _ctx: AdmissionContext): void {
  const spec = ((obj as Loose).spec ??= {})
  spec.replicas ??= DEFAULT_REPLICAS
  const strategy = (spec.strategy ??= {})
  strategy.type ??= 'RollingUpdate'
  if (strategy.type === 'RollingUpdate') {
    strategy.rollingUpdate ??= {}
    strategy.rollingUpdate.maxUnavailable ??= DEFAULT_MAX_UNAVAILABLE
    strategy.rollingUpdate.maxSurge ??= DEFAULT_MAX_SURGE
  }
  spec.revisionHistoryLimit ??= DEFAULT_REVISION_HISTORY_LIMIT
  spec.progressDeadlineSeconds ??= DEFAULT_PROGRESS_DEADLINE_SECONDS
  defaultTemplate(spec)
}
