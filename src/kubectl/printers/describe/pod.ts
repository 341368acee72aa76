// kubectl describe pod (describePod in describe.go).

import type { Container, Pod, KubeObject } from '../../../api/types'
import { fromLabelSelector, selectorToString, type LabelSelector } from '../../../api/labels'
import { translateTimestampSince } from '../age'
import { PrefixWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, rfc1123z } from './writer'
import { describeContainers } from './containers'
import { printLabelsMultiline, printAnnotationsMultiline, printTolerationsMultiline, describeEvents, searchEvents, type DescribeContext } from './common'
import { canonical } from './quantity'

type Volume = NonNullable<Pod['spec']>['volumes'] extends Array<infer V> | undefined ? V : never

const opt = (v: boolean | undefined) => (v === undefined || v === null ? '<nil>' : String(v))

function describeVolume(v: Volume, w: PrefixWriter): void {
  if (v.hostPath) {
    // The API server defaults the type to "" (printed empty); only an undefaulted one reads <none>.
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`)
  } else if (v.emptyDir) {
    const size = v.emptyDir.sizeLimit ? canonical(v.emptyDir.sizeLimit as string) : '<unset>'
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${size}\n`)
  } else if (v.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${!!v.secret.optional}\n`)
  } else if (v.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${!!v.configMap.optional}\n`)
  } else if (v.persistentVolumeClaim) {
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${!!v.persistentVolumeClaim.readOnly}\n`)
  } else if (v.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n')
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`)
      else if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`)
    }
  } else if (v.projected) {
    // v1.30's layout (ConfigMapOptional: <nil>); later kubectl versions print `Optional: false`.
    w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
    for (const s of v.projected.sources ?? []) {
      if (s.secret) w.write(LEVEL_2, `SecretName:\t${s.secret.name ?? ''}\n    SecretOptionalName:\t${opt(s.secret.optional)}\n`)
      else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n')
      else if (s.configMap) w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    ConfigMapOptional:\t${opt(s.configMap.optional)}\n`)
      else if (s.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3607}\n`)
    }
  } else {
    w.write(LEVEL_1, '<unknown>\n')
  }
}
export function describeVolumes(volumes: Volume[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes || volumes.length === 0) { w.write(LEVEL_0, `${space}Volumes:\t<none>\n`); return }
  w.write(LEVEL_0, `${space}Volumes:\n`)
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`)
    describeVolume(v, w)
  }
}

type SpreadConstraint = NonNullable<NonNullable<Pod['spec']>['topologySpreadConstraints']>[number]

/** describeTopologySpreadConstraints: `zone:DoNotSchedule when max skew 1 is exceeded for selector app=web`. */
function describeTopologySpreadConstraints(tscs: SpreadConstraint[] | undefined, w: PrefixWriter): void {
  if (!tscs || tscs.length === 0) return
  const sorted = [...tscs].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0))
  w.write(LEVEL_0, 'Topology Spread Constraints:\t')
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    let line = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`
    if (t.labelSelector) line += ` for selector ${selectorToString(fromLabelSelector(t.labelSelector as LabelSelector)) || '<none>'}`
    w.write(LEVEL_0, `${line}\n`)
  })
}

/** qos.GetPodQOS, simplified to cpu/memory: Guaranteed, Burstable or BestEffort. */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]
  let any = false
  let guaranteed = true
  for (const c of containers) {
    const req = c.resources?.requests ?? {}
    const lim = c.resources?.limits ?? {}
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true
      const want = req[r] ?? lim[r]
      if (lim[r] === undefined || canonical(want as string) !== canonical(lim[r] as string)) guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

/**
 * EnvValueRetriever: the value describe shows beside a fieldRef env var. kubectl converts the path
 * with its scheme's default field-label conversion, which knows only metadata.name and
 * metadata.namespace; every other path (spec.nodeName, status.podIP...) shows empty, as in
 * kubectl 1.30 (kubernetes/kubernetes#109482): `NODE:   (v1:spec.nodeName)`.
 */
function fieldValue(pod: Pod) {
  return (_apiVersion: string, path: string): string => {
    if (path === 'metadata.name') return pod.metadata?.name ?? ''
    if (path === 'metadata.namespace') return pod.metadata?.namespace ?? ''
    return ''
  }
}

export function describePod(obj: KubeObject, ctx: DescribeContext, events: KubeObject[] | undefined = searchEvents(ctx, obj)): string {
  const pod = obj as unknown as Pod
  const spec = pod.spec ?? { containers: [] }
  const status = pod.status ?? {}
  const meta = obj.metadata
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${meta.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
  if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`)
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`)
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`)
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`)
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n')
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`)
  printLabelsMultiline(w, 'Labels', meta.labels)
  printAnnotationsMultiline(w, 'Annotations', meta.annotations)
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, ctx.now)})\n`)
    w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`)
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`)
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`)
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`)
  const seccomp = spec.securityContext?.seccompProfile
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`)
    if (seccomp.type === 'Localhost') w.write(LEVEL_1, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
  }
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`)
  if ((status.podIPs ?? []).length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n')
  else {
    w.write(LEVEL_0, 'IPs:\n')
    for (const ip of status.podIPs!) w.write(LEVEL_1, `IP:\t${ip.ip}\n`)
  }
  const controller = (meta.ownerReferences ?? []).find((r) => r.controller)
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller.kind}/${controller.name}\n`)
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`)
  if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers!, status.initContainerStatuses, w, '', fieldValue(pod))
  describeContainers('Containers', spec.containers ?? [], status.containerStatuses, w, '', fieldValue(pod))
  if ((spec.ephemeralContainers ?? []).length > 0) {
    describeContainers('Ephemeral Containers', spec.ephemeralContainers as Container[], status.ephemeralContainerStatuses, w, '', fieldValue(pod))
  }
  if ((spec.readinessGates ?? []).length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n')
    for (const g of spec.readinessGates!) {
      const c = (status.conditions ?? []).find((x) => x.type === g.conditionType)
      w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`)
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n')
    for (const c of status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status} \n`)
  }
  describeVolumes(spec.volumes, w, '')
  w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`)
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector)
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations)
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w)
  describeEvents(events, w, ctx.now)
  return w.toString()
}
