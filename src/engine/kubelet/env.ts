// A container's environment, as the kubelet computes it (pkg/kubelet/kubelet_pods.go
// makeEnvironmentVariables) and the runtime merges it with the image's ENV:
//
//   1. envFrom (configMapRef / secretRef, with prefix), then env in order: `value` with $(VAR)
//      expansion over what is declared so far and the service variables; valueFrom fieldRef,
//      resourceFieldRef, configMapKeyRef, secretKeyRef.
//   2. The service variables (pkg/kubelet/envvars FromServices): always the `kubernetes` service
//      of the default namespace; with enableServiceLinks (default true) every Service of the
//      pod's namespace — once the cluster serves `services`.
//   3. The runtime (docker): PATH and HOSTNAME first, the kubelet's variables, the image's ENV
//      the pod did not override, HOME last — the order `kubectl exec web -- printenv` shows.
//
// A missing ConfigMap/Secret or key is CreateContainerConfigError with the kubelet's words.
import type { ApiClient } from '../../api/client'
import { isStatusError } from '../../api/errors'
import type { Container, KubeObject, Pod } from '../../api/types'
import type { ImageSpec } from '../images/types'
import { decodeBase64 } from './volumes/base64'
import { fieldRefValue, resourceFieldValue, type Allocatable } from './volumes/downward'
import type { ContainerConfigProblem } from './volumes/types'

/** The `kubernetes` Service's ClusterIP: the first address of the service CIDR 10.96.0.0/12. */
export const KUBERNETES_SERVICE_IP = '10.96.0.1'
/** The API server's Service port (https). */
export const KUBERNETES_SERVICE_PORT = 443
/** docker's default PATH when the image sets none. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/** A kubelet event about the environment (`InvalidEnvironmentVariableNames`), for the pod. */
export interface EnvWarning {
  reason: string
  message: string
}

export type ContainerEnvResult = { env: Record<string, string>; warnings?: EnvWarning[] } | { problem: ContainerConfigProblem }

interface ServicePort { name?: string; port: number; protocol?: string }
interface ServiceLike { metadata: { name?: string; namespace?: string }; spec?: { clusterIP?: string; ports?: ServicePort[] } }

/** The `kubernetes` Service a cluster always has, for when `services` is not served yet. */
const KUBERNETES_SERVICE: ServiceLike = {
  metadata: { name: 'kubernetes', namespace: 'default' },
  spec: { clusterIP: KUBERNETES_SERVICE_IP, ports: [{ name: 'https', port: KUBERNETES_SERVICE_PORT, protocol: 'TCP' }] },
}

/**
 * expansion.Expand: `$(VAR)` → its value when defined, else left as written; `$$` → `$`
 * (so `$$(VAR)` stays `$(VAR)`); an unterminated `$(` stays. Used for env values and, by the
 * runtime, for command/args (ExpandContainerCommandAndArgs).
 */
export function expandVars(input: string, lookup: (name: string) => string | undefined): string {
  let out = ''
  let checkpoint = 0
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue
    out += input.slice(checkpoint, cursor)
    const rest = input.slice(cursor + 1)
    let advance = 1
    if (rest[0] === '$') out += '$'
    else if (rest[0] === '(') {
      const close = rest.indexOf(')', 1)
      if (close > 0) {
        const name = rest.slice(1, close)
        out += lookup(name) ?? `$(${name})`
        advance = close + 1
      } else out += '$('
    } else out += '$' + rest[0]
    cursor += advance
    checkpoint = cursor + 1
  }
  return out + input.slice(checkpoint)
}

/** makeEnvVariableName: `my-svc` → `MY_SVC`. */
const envName = (s: string) => s.toUpperCase().replace(/-/g, '_')

/**
 * FromServices for one Service, in upstream's order. For `kubernetes` (10.96.0.1, port https 443):
 * KUBERNETES_SERVICE_HOST, KUBERNETES_SERVICE_PORT, KUBERNETES_SERVICE_PORT_HTTPS, KUBERNETES_PORT,
 * KUBERNETES_PORT_443_TCP, _PROTO, _PORT, _ADDR.
 */
export function serviceEnv(svc: ServiceLike): [string, string][] {
  const ip = svc.spec?.clusterIP
  const ports = svc.spec?.ports ?? []
  if (!ip || ip === 'None' || ports.length === 0) return []
  const prefix = envName(svc.metadata.name ?? '')
  const out: [string, string][] = [[`${prefix}_SERVICE_HOST`, ip], [`${prefix}_SERVICE_PORT`, String(ports[0].port)]]
  for (const p of ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${envName(p.name)}`, String(p.port)])
  ports.forEach((p, i) => {
    const proto = (p.protocol || 'TCP').toLowerCase()
    const url = `${proto}://${ip.includes(':') ? `[${ip}]` : ip}:${p.port}`
    if (i === 0) out.push([`${prefix}_PORT`, url])
    const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`
    out.push([pp, url], [`${pp}_PROTO`, proto], [`${pp}_PORT`, String(p.port)], [`${pp}_ADDR`, ip])
  })
  return out
}

/** getServiceEnvVarMap: the master service always, the namespace's services with service links. */
function serviceVariables(api: ApiClient, pod: Pod): Map<string, string> {
  const ns = pod.metadata?.namespace ?? 'default'
  const links = pod.spec?.enableServiceLinks !== false
  const chosen = new Map<string, ServiceLike>()
  if (api.discovery().some((k) => k.plural === 'services' && !k.group)) {
    // Only the namespaces that matter: the master service's and, with links, the pod's own.
    const namespaces = links && ns !== 'default' ? ['default', ns] : ['default']
    for (const n of namespaces) {
      for (const s of api.list<KubeObject>('services', { namespace: n }).items as unknown as ServiceLike[]) {
        const name = s.metadata.name ?? ''
        if (s.metadata.namespace === 'default' && name === 'kubernetes') {
          if (!chosen.has(name)) chosen.set(name, s)
        } else if (s.metadata.namespace === ns && links) chosen.set(name, s)
      }
    }
  }
  if (!chosen.has('kubernetes')) chosen.set('kubernetes', KUBERNETES_SERVICE)
  const out = new Map<string, string>()
  // Upstream ranges over a map (random order); by name keeps the lab deterministic.
  for (const name of [...chosen.keys()].sort()) for (const [k, v] of serviceEnv(chosen.get(name)!)) out.set(k, v)
  return out
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/

type Source = { obj: KubeObject } | { missing: string }

/** The kubelet's configMap/secret managers: `configmap "x" not found`, `secret "x" not found`. */
function load(api: ApiClient, plural: 'configmaps' | 'secrets', ns: string, name: string): Source {
  try {
    return { obj: api.get(plural, ns, name) }
  } catch (e) {
    if (isStatusError(e) && e.status.code === 404) return { missing: `${plural === 'configmaps' ? 'configmap' : 'secret'} "${name}" not found` }
    throw e
  }
}

function dataOf(plural: 'configmaps' | 'secrets', obj: KubeObject): Record<string, string> {
  const data = { ...((obj.data as Record<string, string>) ?? {}) }
  if (plural === 'secrets') for (const k of Object.keys(data)) data[k] = decodeBase64(String(data[k])) ?? ''
  return data
}

function allocatableOf(api: ApiClient, nodeName: string): Allocatable {
  try {
    return ((api.get('nodes', undefined, nodeName).status as { allocatable?: Allocatable } | undefined)?.allocatable) ?? {}
  } catch {
    return {}
  }
}

class ConfigError extends Error {}

export function containerEnv(api: ApiClient, pod: Pod & KubeObject, container: Container, image: ImageSpec, facts: { podIP: string; hostIP: string; nodeName: string }): ContainerEnvResult {
  const ns = pod.metadata.namespace ?? 'default'
  const warnings: EnvWarning[] = []
  const tmpEnv = new Map<string, string>()
  let services: Map<string, string>
  try {
    services = serviceVariables(api, pod)
    for (const ef of container.envFrom ?? []) {
      const ref = ef.configMapRef ?? ef.secretRef
      if (!ref) continue
      const plural = ef.configMapRef ? 'configmaps' : 'secrets'
      const got = load(api, plural, ns, ref.name ?? '')
      if ('missing' in got) {
        if (ref.optional === true) continue
        throw new ConfigError(got.missing)
      }
      const invalid: string[] = []
      for (const [k0, v] of Object.entries(dataOf(plural, got.obj))) {
        const k = (ef.prefix ?? '') + k0
        if (!ENV_NAME.test(k)) invalid.push(k)
        else tmpEnv.set(k, v)
      }
      if (invalid.length > 0) {
        warnings.push({
          reason: 'InvalidEnvironmentVariableNames',
          message: `Keys [${invalid.sort().join(', ')}] from the EnvFrom ${plural === 'configmaps' ? 'configMap' : 'secret'} ${ns}/${ref.name} were skipped since they are considered invalid environment variable names.`,
        })
      }
    }
    const lookup = (n: string) => tmpEnv.get(n) ?? services.get(n)
    let allocatable: Allocatable | undefined
    for (const e of container.env ?? []) {
      let value = e.value !== undefined ? expandVars(e.value, lookup) : ''
      const from = e.valueFrom
      if (from?.fieldRef) {
        try {
          value = fieldRefValue(pod, from.fieldRef.fieldPath, facts)
        } catch (err) {
          throw new ConfigError((err as Error).message)
        }
      } else if (from?.resourceFieldRef) {
        const r = from.resourceFieldRef
        const target = r.containerName ? [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === r.containerName) : container
        if (!target) throw new ConfigError(`container ${r.containerName} not found`)
        allocatable ??= allocatableOf(api, facts.nodeName)
        try {
          value = resourceFieldValue(target, r.resource, r.divisor, allocatable)
        } catch (err) {
          throw new ConfigError((err as Error).message)
        }
      } else if (from?.configMapKeyRef || from?.secretKeyRef) {
        const ref = (from.configMapKeyRef ?? from.secretKeyRef)!
        const plural = from.configMapKeyRef ? 'configmaps' : 'secrets'
        const got = load(api, plural, ns, ref.name ?? '')
        if ('missing' in got) {
          if (ref.optional === true) continue
          throw new ConfigError(got.missing)
        }
        const data = dataOf(plural, got.obj)
        if (!(ref.key in data)) {
          if (ref.optional === true) continue
          throw new ConfigError(`couldn't find key ${ref.key} in ${plural === 'configmaps' ? 'ConfigMap' : 'Secret'} ${ns}/${ref.name}`)
        }
        value = data[ref.key]
      }
      tmpEnv.set(e.name, value)
    }
  } catch (err) {
    if (err instanceof ConfigError) return { problem: { message: err.message } }
    throw err
  }
  return { env: runtimeMerge(pod, container, image, tmpEnv, services), ...(warnings.length > 0 ? { warnings } : {}) }
}

/** docker's merge: PATH, HOSTNAME, the kubelet's variables, the image ENV not overridden, HOME. */
function runtimeMerge(pod: Pod, container: Container, image: ImageSpec, tmpEnv: Map<string, string>, services: Map<string, string>): Record<string, string> {
  const kubelet = new Map(tmpEnv)
  for (const [k, v] of services) if (!kubelet.has(k)) kubelet.set(k, v)
  const imageEnv = image.env ?? {}
  const env: Record<string, string> = {}
  env.PATH = kubelet.get('PATH') ?? imageEnv.PATH ?? DEFAULT_PATH
  env.HOSTNAME = kubelet.get('HOSTNAME') ?? podHostname(pod)
  for (const [k, v] of kubelet) env[k] = v
  for (const [k, v] of Object.entries(imageEnv)) if (!(k in env)) env[k] = v
  if (!('HOME' in env)) env.HOME = homeOf(container, image)
  return env
}

/** spec.hostname, else the pod's name cut to 63 characters (a hostname's limit); the node's with hostNetwork. */
export function podHostname(pod: Pod): string {
  if (pod.spec?.hostNetwork && pod.spec.nodeName) return pod.spec.nodeName
  const h = pod.spec?.hostname || pod.metadata?.name || ''
  return h.length > 63 ? h.slice(0, 63).replace(/[-.]+$/, '') : h
}

/** /root for root, / for another uid (no passwd entry): what runc sets when HOME is unset. */
function homeOf(container: Container, image: ImageSpec): string {
  const uid = container.securityContext?.runAsUser
  if (uid !== undefined) return uid === 0 ? '/root' : '/'
  const user = image.user ?? 'root'
  return user === 'root' || user === '0' ? '/root' : '/'
}
