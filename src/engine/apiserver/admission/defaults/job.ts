// batch/v1 Job defaulting (pkg/apis/batch/v1/defaults.go SetDefaults_Job) plus the Job registry
// strategy's PrepareForCreate → generateSelector (pkg/registry/batch/job/strategy.go): unless
// spec.manualSelector is true, the server picks the selector itself from the Job's uid, so
//   uid 6f1c… → selector {batch.kubernetes.io/controller-uid: 6f1c…} and the template gains
//   batch.kubernetes.io/controller-uid, batch.kubernetes.io/job-name, controller-uid, job-name.
import type { AdmissionContext, Loose } from '../types'
import type { KubeObject } from '../../../../api/types'
import { defaultPodSpec } from './pod'

/** Six retries: the 7th failed pod marks the Job Failed (BackoffLimitExceeded). */
export const DEFAULT_BACKOFF_LIMIT = 6
/** The label the generated selector matches (and its pre-1.27 unprefixed twin). */
export const JOB_CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid'
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name'
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid'
export const LEGACY_JOB_NAME_LABEL = 'job-name'

export function defaultJob(obj: KubeObject, ctx: AdmissionContext): void {
  const spec = ((obj as Loose).spec ??= {})
  // Both unset → a single pod run once; parallelism alone set → work-queue job (completions nil).
  if (spec.completions == null && spec.parallelism == null) { spec.completions = 1; spec.parallelism = 1 }
  spec.parallelism ??= 1
  spec.backoffLimit ??= DEFAULT_BACKOFF_LIMIT
  spec.completionMode ??= 'NonIndexed'
  spec.suspend ??= false
  // JobPodReplacementPolicy (beta, on in 1.30): Failed when a podFailurePolicy is set.
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed'
  spec.template ??= {}
  spec.template.metadata ??= {}
  if (!('creationTimestamp' in spec.template.metadata)) spec.template.metadata.creationTimestamp = null
  spec.template.spec ??= {}
  // SetDefaults_PodSpec would set restartPolicy Always; a Job template without one is rejected
  // instead (`Required value: valid values: "OnFailure", "Never"`), so keep it unset.
  const hadRestartPolicy = spec.template.spec.restartPolicy !== undefined
  defaultPodSpec(spec.template.spec)
  if (!hadRestartPolicy) delete spec.template.spec.restartPolicy
  if (ctx.op === 'create' && spec.manualSelector !== true) generateSelector(obj, spec)
  // A Job without labels of its own wears its template's (so `kubectl get job -o yaml` shows the
  // four generated labels under metadata.labels too, as the Jobs docs page does).
  const labels = spec.template.metadata.labels
  if (labels && Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...labels }
}

function generateSelector(obj: KubeObject, spec: Loose): void {
  const uid = obj.metadata.uid ?? ''
  const name = obj.metadata.name ?? ''
  const labels = (spec.template.metadata.labels ??= {})
  labels[JOB_CONTROLLER_UID_LABEL] = uid
  labels[JOB_NAME_LABEL] = name
  labels[LEGACY_CONTROLLER_UID_LABEL] = uid
  labels[LEGACY_JOB_NAME_LABEL] = name
  // A learner-written selector is replaced only when it is absent (validation then reports
  // `selector not auto-generated` upstream; here a given selector is kept and validated).
  spec.selector ??= { matchLabels: { [JOB_CONTROLLER_UID_LABEL]: uid } }
}
