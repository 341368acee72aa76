// What goes into a configMap, secret, downwardAPI or projected volume: a payload (relative path →
// file content), or the error the volume plugin's SetUp returns — worded as upstream's
// pkg/volume/{configmap,secret,downwardapi,projected} and the kubelet's watch-based object
// managers (`configmap "app-config" not found`, singular: the manager names the resource so).
import type { ApiClient } from '../../../api/client'
import { isStatusError } from '../../../api/errors'
import type { Container, KubeObject, Pod } from '../../../api/types'
import type {
  ConfigMapProjection, ConfigMapVolumeSource, DownwardAPIVolumeFile, KeyToPath, ProjectedVolumeSource,
  SecretProjection, SecretVolumeSource, ServiceAccountTokenProjection,
} from 'kubernetes-types/core/v1'
import { decodeBase64 } from './base64'
import { fieldRefValue, resourceFieldValue, type Allocatable } from './downward'
import { serviceAccountToken } from './token'

/** Relative path in the volume → content. */
export type Payload = Record<string, string>
export type PayloadResult = { files: Payload } | { error: string }

/** The ConfigMap the root-ca-cert-publisher puts in every namespace (kube-api-access reads ca.crt). */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt'
/**
 * The cluster CA, served when kube-root-ca.crt is missing (the publisher controller is not in the
 * lab yet): every pod's kube-api-access volume reads it, and a missing one would stop every pod.
 */
export const CLUSTER_CA_PEM = `-----BEGIN CERTIFICATE-----
MIIDBjCCAe6gAwIBAgIBATANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDEwptaW5p
a3ViZUNBMB4XDTI1MTIzMTAwMDAwMFoXDTM1MTIzMDAwMDAwMFowFTETMBEGA1UE
AxMKbWluaWt1YmVDQTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAKxb
a3ViZWxhYi1rdWJlbGFiLWt1YmVsYWIta3ViZWxhYi1rdWJlbGFiLWt1YmVsYWIt
-----END CERTIFICATE-----
`

/** What a payload builder needs beyond the pod. */
export interface SourceContext {
  api: ApiClient
  pod: Pod & KubeObject
  nodeName: string
  allocatable(): Allocatable
  nowMs(): number
}

type Loaded = { obj: KubeObject } | { missing: true } | { error: string }

/** The kubelet's object managers say `configmap "x" not found` / `secret "x" not found`. */
function load(api: ApiClient, plural: 'configmaps' | 'secrets', namespace: string, name: string): Loaded {
  try {
    return { obj: api.get(plural, namespace, name) }
  } catch (e) {
    if (isStatusError(e) && e.status.code === 404) return { missing: true }
    return { error: e instanceof Error ? e.message : String(e) }
  }
}

const singular = (plural: 'configmaps' | 'secrets') => (plural === 'configmaps' ? 'configmap' : 'secret')

/** A ConfigMap's keys (data, and binaryData decoded) or a Secret's (data decoded). */
function contents(plural: 'configmaps' | 'secrets', obj: KubeObject): Payload {
  const out: Payload = {}
  if (plural === 'configmaps') {
    for (const [k, v] of Object.entries((obj.data as Record<string, string>) ?? {})) out[k] = String(v)
    for (const [k, v] of Object.entries((obj.binaryData as Record<string, string>) ?? {})) out[k] = decodeBase64(String(v)) ?? ''
  } else {
    for (const [k, v] of Object.entries((obj.data as Record<string, string>) ?? {})) out[k] = decodeBase64(String(v)) ?? ''
  }
  return out
}

/**
 * MakePayload: every key as a file, or only `items` (key → path). A listed key that is missing is
 * an error unless the source is optional:
 *   configmap references non-existent config key: color
 *   references non-existent secret key: password
 */
function keyPayload(plural: 'configmaps' | 'secrets', data: Payload, items: KeyToPath[] | undefined, optional: boolean): PayloadResult {
  if (!items || items.length === 0) return { files: { ...data } }
  const files: Payload = {}
  for (const it of items) {
    if (it.key in data) files[it.path] = data[it.key]
    else if (!optional) return { error: plural === 'configmaps' ? `configmap references non-existent config key: ${it.key}` : `references non-existent secret key: ${it.key}` }
  }
  return { files }
}

function objectPayload(ctx: SourceContext, plural: 'configmaps' | 'secrets', name: string, items: KeyToPath[] | undefined, optional: boolean): PayloadResult {
  const ns = ctx.pod.metadata.namespace ?? 'default'
  const got = load(ctx.api, plural, ns, name)
  if ('error' in got) return got
  if ('missing' in got) {
    if (plural === 'configmaps' && name === ROOT_CA_CONFIGMAP) return keyPayload(plural, { 'ca.crt': CLUSTER_CA_PEM }, items, optional)
    if (optional) return { files: {} }
    return { error: `${singular(plural)} "${name}" not found` }
  }
  return keyPayload(plural, contents(plural, got.obj), items, optional)
}

export function configMapPayload(ctx: SourceContext, src: ConfigMapVolumeSource | ConfigMapProjection): PayloadResult {
  return objectPayload(ctx, 'configmaps', src.name ?? '', src.items, src.optional === true)
}

export function secretPayload(ctx: SourceContext, src: SecretVolumeSource | SecretProjection): PayloadResult {
  const name = 'secretName' in src ? (src.secretName ?? '') : ((src as SecretProjection).name ?? '')
  return objectPayload(ctx, 'secrets', name, src.items, src.optional === true)
}

/** downwardAPI items: fieldRef (metadata only in volumes) and resourceFieldRef (containerName required). */
export function downwardPayload(ctx: SourceContext, items: DownwardAPIVolumeFile[] | undefined): PayloadResult {
  const files: Payload = {}
  try {
    for (const it of items ?? []) {
      if (it.fieldRef) files[it.path] = fieldRefValue(ctx.pod, it.fieldRef.fieldPath)
      else if (it.resourceFieldRef) {
        const r = it.resourceFieldRef
        const c = [...(ctx.pod.spec?.containers ?? []), ...(ctx.pod.spec?.initContainers ?? [])].find((x: Container) => x.name === r.containerName)
        if (!c) return { error: `container ${r.containerName ?? ''} not found` }
        files[it.path] = resourceFieldValue(c, r.resource, r.divisor, ctx.allocatable())
      }
    }
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) }
  }
  return { files }
}

export function tokenPayload(ctx: SourceContext, src: ServiceAccountTokenProjection): PayloadResult {
  const meta = ctx.pod.metadata
  const token = serviceAccountToken({
    namespace: meta.namespace ?? 'default',
    serviceAccount: ctx.pod.spec?.serviceAccountName || 'default',
    podName: meta.name ?? '',
    podUID: meta.uid ?? '',
    nodeName: ctx.nodeName,
    audiences: src.audience ? [src.audience] : undefined,
    expirationSeconds: src.expirationSeconds,
    nowMs: ctx.nowMs(),
  })
  return { files: { [src.path]: token } }
}

/** Projected: every source's files in one directory; errors are aggregated as upstream does. */
export function projectedPayload(ctx: SourceContext, src: ProjectedVolumeSource): PayloadResult {
  const files: Payload = {}
  const errs: string[] = []
  for (const s of src.sources ?? []) {
    const r = s.configMap ? configMapPayload(ctx, s.configMap)
      : s.secret ? secretPayload(ctx, s.secret)
        : s.downwardAPI ? downwardPayload(ctx, s.downwardAPI.items)
          : s.serviceAccountToken ? tokenPayload(ctx, s.serviceAccountToken)
            : { files: {} }
    if ('error' in r) errs.push(r.error)
    else Object.assign(files, r.files)
  }
  // utilerrors.NewAggregate: one error prints as itself, several as `[a, b]`.
  if (errs.length === 1) return { error: errs[0] }
  if (errs.length > 1) return { error: `[${errs.join(', ')}]` }
  return { files }
}
