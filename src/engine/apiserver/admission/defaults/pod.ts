// Pod defaulting: pkg/apis/core/v1/defaults.go (SetDefaults_Pod, _PodSpec, _Container, ...), plus
// what default admission plugins add on create: DefaultTolerationSeconds (not-ready/unreachable
// NoExecute for 300 s), Priority (priority 0) and ServiceAccount (serviceAccountName default).
import type { AdmissionContext, Loose } from '../types'
import type { KubeObject } from '../../../../api/types'

/** 30 s: how long the kubelet waits after SIGTERM before SIGKILL, unless the pod says otherwise. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30
/** 300 s: DefaultTolerationSeconds: a pod stays bound to a not-ready node for five minutes. */
export const DEFAULT_TOLERATION_SECONDS = 300
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler'
export const TERMINATION_MESSAGE_PATH = '/dev/termination-log'
/** 420 = 0644: the default file mode for configMap/secret volume files. */
export const DEFAULT_VOLUME_MODE = 420

const NOT_READY_TAINT = 'node.kubernetes.io/not-ready'
const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable'

/** `nginx`, `nginx:latest` → Always; `nginx:1.25` or a digest → IfNotPresent. */
export function defaultPullPolicy(image: string | undefined): string {
  if (!image) return 'IfNotPresent'
  if (image.includes('@')) return 'IfNotPresent'
  const lastSlash = image.lastIndexOf('/')
  const colon = image.indexOf(':', lastSlash + 1)
  const tag = colon < 0 ? '' : image.slice(colon + 1)
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent'
}

function defaultContainer(c: Loose, forPod: boolean): void {
  c.terminationMessagePath ??= TERMINATION_MESSAGE_PATH
  c.terminationMessagePolicy ??= 'File'
  c.imagePullPolicy ??= defaultPullPolicy(c.image)
  c.resources ??= {}
  // SetDefaults_Pod (pods only, not templates): a limit without a request means request = limit.
  if (forPod && c.resources.limits) {
    c.resources.requests ??= {}
    for (const [r, q] of Object.entries(c.resources.limits)) c.resources.requests[r] ??= q
  }
  for (const p of c.ports ?? []) p.protocol ??= 'TCP'
  for (const e of c.env ?? []) if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ??= 'v1'
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
    if (!probe) continue
    probe.timeoutSeconds ??= 1
    probe.periodSeconds ??= 10
    probe.successThreshold ??= 1
    probe.failureThreshold ??= 3
    if (probe.httpGet) { probe.httpGet.path ??= '/'; probe.httpGet.scheme ??= 'HTTP' }
  }
}

/** QoS class (pkg/apis/core/helper/qos): Guaranteed, Burstable or BestEffort. */
export function computeQOSClass(spec: Loose): string {
  const ctrs: Loose[] = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]
  let any = false
  let guaranteed = true
  for (const c of ctrs) {
    const req = c.resources?.requests ?? {}
    const lim = c.resources?.limits ?? {}
    if (Object.keys(req).length || Object.keys(lim).length) any = true
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r]))) guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

/**
 * SetDefaults_PodSpec + SetDefaults_Container: what a pod *template* (Deployment, ReplicaSet…)
 * gets. `forPod` adds SetDefaults_Pod's extras (enableServiceLinks, requests from limits), which
 * `kubectl get deploy -o yaml` does not show in spec.template.spec.
 */
export function defaultPodSpec(spec: Loose, forPod = false): void {
  spec.restartPolicy ??= 'Always'
  spec.dnsPolicy ??= 'ClusterFirst'
  spec.schedulerName ??= DEFAULT_SCHEDULER_NAME
  spec.terminationGracePeriodSeconds ??= DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS
  spec.securityContext ??= {}
  if (forPod) spec.enableServiceLinks ??= true
  for (const c of spec.containers ?? []) defaultContainer(c, forPod)
  for (const c of spec.initContainers ?? []) defaultContainer(c, forPod)
  for (const v of spec.volumes ?? []) {
    if (v.configMap) v.configMap.defaultMode ??= DEFAULT_VOLUME_MODE
    if (v.secret) v.secret.defaultMode ??= DEFAULT_VOLUME_MODE
  }
}

export function defaultPod(obj: KubeObject, ctx: AdmissionContext): void {
  const pod = obj as Loose
  const spec = (pod.spec ??= {})
  defaultPodSpec(spec, true)
  if (ctx.op !== 'create') return
  // Admission plugins (create only).
  spec.serviceAccountName ??= spec.serviceAccount ?? 'default'
  spec.serviceAccount ??= spec.serviceAccountName
  spec.priority ??= 0
  spec.preemptionPolicy ??= 'PreemptLowerPriority'
  spec.tolerations ??= []
  for (const key of [NOT_READY_TAINT, UNREACHABLE_TAINT]) {
    const has = spec.tolerations.some((t: Loose) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'))
    if (!has) spec.tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS })
  }
  // PrepareForCreate: a new pod is Pending with its QoS class.
  pod.status = { phase: 'Pending', qosClass: computeQOSClass(spec) }
}
