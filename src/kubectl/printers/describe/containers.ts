// The container sections of describe (describeContainers and helpers in describe.go).

import type { Container, ContainerStatus } from '../../../api/types'
import { PrefixWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, rfc1123z } from './writer'
import { canonical, parseQuantity } from './quantity'

type State = ContainerStatus['state']

function describeStatus(stateName: string, state: State, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`)
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`)
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`)
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state?.terminated) {
    const t = state.terminated
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`)
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`)
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`)
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`)
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`)
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`)
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`)
  }
}

/** Limits then Requests, each sorted by name (SortedResourceNames is alphabetical). */
function describeResources(resources: Container['resources'], w: PrefixWriter, level: number): void {
  if (!resources) return
  for (const [title, list] of [['Limits', resources.limits], ['Requests', resources.requests]] as const) {
    const names = Object.keys(list ?? {}).sort()
    if (names.length > 0) w.write(level, `${title}:\n`)
    for (const name of names) w.write(level + 1, `${name}:\t${canonical(list![name] as string)}\n`)
  }
}

/** DescribeProbe: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: NonNullable<Container['livenessProbe']>): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`
  if (p.httpGet) {
    const port = String(p.httpGet.port ?? '')
    const host = p.httpGet.host ?? ''
    const hostPort = port ? `${host.includes(':') ? `[${host}]` : host}:${port}` : host
    const path = p.httpGet.path ?? ''
    // url.URL.String(): a path without its leading slash gains one when there is a host.
    const shownPath = path !== '' && !path.startsWith('/') && hostPort !== '' ? `/${path}` : path
    return `http-get ${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://${hostPort}${encodeURI(shownPath)} ${attrs}`
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${String(p.tcpSocket.port)} ${attrs}`
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`
  return `unknown ${attrs}`
}

/**
 * resourcehelper.ExtractContainerResourceValue: the container's own request/limit in units of the
 * divisor, rounded up (cpu 250m with divisor 1 → "1"; memory 64Mi with divisor 1Mi → "64").
 * Unset values read 0; a resource it does not know (or another container's) reads "".
 */
function resourceFieldValue(c: Container, resource: string, containerName: string | undefined, divisor: string | undefined): string {
  if (containerName && containerName !== c.name) return ''
  const m = /^(limits|requests)\.(cpu|memory|ephemeral-storage)$/.exec(resource)
  if (!m) return ''
  const list = (m[1] === 'limits' ? c.resources?.limits : c.resources?.requests) ?? {}
  const milli = parseQuantity(list[m[2]] as string | undefined)?.milli ?? 0n
  const div = parseQuantity(divisor ?? '1')?.milli ?? 1000n
  if (div <= 0n) return ''
  return String((milli + div - 1n) / div)
}

function describeEnv(c: Container, w: PrefixWriter, fieldValue: (apiVersion: string, path: string) => string): void {
  if ((c.envFrom ?? []).length > 0) {
    w.write(LEVEL_2, 'Environment Variables from:\n')
    for (const e of c.envFrom ?? []) {
      const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : ''
      const ref = e.configMapRef ?? e.secretRef
      const optional = !!ref?.optional
      if (!e.prefix) w.write(LEVEL_3, `${ref?.name ?? ''}\t${from}\tOptional: ${optional}\n`)
      else w.write(LEVEL_3, `${ref?.name ?? ''}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`)
    }
  }
  const env = c.env ?? []
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of env) {
    if (!e.valueFrom) {
      ;(e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`))
      continue
    }
    const vf = e.valueFrom
    if (vf.fieldRef) w.write(LEVEL_3, `${e.name}:\t${fieldValue(vf.fieldRef.apiVersion ?? 'v1', vf.fieldRef.fieldPath)} (${vf.fieldRef.apiVersion ?? 'v1'}:${vf.fieldRef.fieldPath})\n`)
    else if (vf.resourceFieldRef) {
      const res = vf.resourceFieldRef.resource
      let value = resourceFieldValue(c, res, vf.resourceFieldRef.containerName, vf.resourceFieldRef.divisor as string | undefined)
      // An unset limit reads 0 in the container; describe says what the process really gets.
      if (value === '0' && (res === 'limits.cpu' || res === 'limits.memory')) value = 'node allocatable'
      w.write(LEVEL_3, `${e.name}:\t${value} (${res})\n`)
    }
    else if (vf.secretKeyRef) w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.secretKeyRef.key}' in secret '${vf.secretKeyRef.name ?? ''}'>\tOptional: ${!!vf.secretKeyRef.optional}\n`)
    else if (vf.configMapKeyRef) w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.configMapKeyRef.key}' of config map '${vf.configMapKeyRef.name ?? ''}'>\tOptional: ${!!vf.configMapKeyRef.optional}\n`)
  }
}

function describeMounts(c: Container, w: PrefixWriter): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0))
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`)
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw']
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`)
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
  }
  const devices = [...(c.volumeDevices ?? [])].sort((a, b) => (a.devicePath < b.devicePath ? -1 : a.devicePath > b.devicePath ? 1 : 0))
  if (devices.length > 0) w.write(LEVEL_2, `Devices:${mounts.length === 0 ? '\t<none>' : ''}\n`)
  for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`)
}

export function describeContainers(label: string, containers: Container[], statuses: ContainerStatus[] | undefined, w: PrefixWriter,
  space: string, fieldValue: (apiVersion: string, path: string) => string = () => ''): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]))
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`)
  for (const c of containers) {
    const status = byName.get(c.name)
    w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`)
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`)
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`)
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`)
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ')
    w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`)
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ')
    w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`)
    const seccomp = c.securityContext?.seccompProfile
    if (seccomp) {
      w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`)
      if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
    }
    if ((c.command ?? []).length > 0) {
      w.write(LEVEL_2, 'Command:\n')
      for (const s of c.command!) for (const line of s.split('\n')) w.write(LEVEL_3, line + '\n')
    }
    if ((c.args ?? []).length > 0) {
      w.write(LEVEL_2, 'Args:\n')
      for (const s of c.args!) for (const line of s.split('\n')) w.write(LEVEL_3, line + '\n')
    }
    if (status) {
      describeStatus('State', status.state, w)
      if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w)
      w.write(LEVEL_2, `Ready:\t${status.ready ? 'True' : 'False'}\n`)
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`)
    }
    describeResources(c.resources, w, LEVEL_2)
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`)
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`)
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`)
    describeEnv(c, w, fieldValue)
    describeMounts(c, w)
  }
}
