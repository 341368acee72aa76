// Pod defaulting: pkg/apis/core/v1/defaults.go (SetDefaults_Pod, _PodSpec, _Container, ...), plus
// what default admission plugins add on create: DefaultTolerationSeconds (not-ready/unreachable
// NoExecute for 300 s), Priority (priority 0) and ServiceAccount (serviceAccountName default).
import type { AdmissionContext, Loose } from '../types'
import type { KubeObject } from '../../../../api/types'
import { canonicalQuantity } from '../../../../api/quantity'

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

/**
 * Quantities are stored in canonical form, as the API server's Go types re-serialise them:
 * `cpu: 0.5` reads back as `500m`, `memory: 1.5Gi` as `1536Mi`, `1000M` as `1G`.
 */
function canonicalizeResources(resources: Loose): void {
  for (const part of ['limits', 'requests']) {
    const list = resources[part] as Record<string, unknown> | undefined
    if (!list) continue
    for (const [name, q] of Object.entries(list)) {
      const canonical = canonicalQuantity(q)
      if (canonical !== undefined) list[name] = canonical
    }
  }
}

function defaultContainer(c: Loose, forPod: boolean): void {
  c.terminationMessagePath ??= TERMINATION_MESSAGE_PATH
  c.terminationMessagePolicy ??= 'File'
  c.imagePullPolicy ??= defaultPullPolicy(c.image)
  c.resources ??= {}
  canonicalizeResources(c.resources)
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

/** Where the ServiceAccount admission plugin mounts the token, CA bundle and namespace. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount'
/** 3607 s: the projected token's lifetime (an hour plus the 7 s upstream adds to spot stale use). */
export const SERVICE_ACCOUNT_TOKEN_EXPIRATION_SECONDS = 3607
/** The ConfigMap the root CA publisher keeps in every namespace. */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt'

/**
 * The ServiceAccount admission plugin: unless the pod opts out (automountServiceAccountToken:
 * false), add the projected `kube-api-access-<5 chars>` volume (token, ca.crt, namespace) and mount
 * it read-only in every container that does not already mount something there.
 */
function mountServiceAccountToken(spec: Loose, randomSuffix: (n: number) => string): void {
  if (spec.automountServiceAccountToken === false) return
  const volumes: Loose[] = (spec.volumes ??= [])
  const existing = volumes.find((v) => v.name?.startsWith('kube-api-access-') && v.projected)
  const name = existing?.name ?? `kube-api-access-${randomSuffix(5)}`
  if (!existing) {
    volumes.push({
      name,
      projected: {
        defaultMode: DEFAULT_VOLUME_MODE,
        sources: [
          { serviceAccountToken: { expirationSeconds: SERVICE_ACCOUNT_TOKEN_EXPIRATION_SECONDS, path: 'token' } },
          { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: ROOT_CA_CONFIGMAP } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
        ],
      },
    })
  }
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const mounts: Loose[] = (c.volumeMounts ??= [])
    if (mounts.some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) continue
    mounts.push({ mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name, readOnly: true })
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
  if (ctx.randomSuffix) mountServiceAccountToken(spec, ctx.randomSuffix)
  // PrepareForCreate: a new pod is Pending with its QoS class.
  pod.status = { phase: 'Pending', qosClass: computeQOSClass(spec) }
}
