// Container validation (pkg/apis/core/validation: validateContainers, validateContainerPorts,
// ValidateEnv, ValidateResourceRequirements), with upstream's field paths and words.
import { fieldDuplicate, fieldInvalid, fieldNotFound, fieldNotSupported, fieldRequired, type FieldError } from '../../../../api/errors'
import { isQualifiedName, isDNS1123Label, isEnvVarName, isValidPortName, isValidPortNum } from '../../validation/strings'
import { parseQuantityValue } from '../../validation/quantity'
import type { Loose } from '../types'

const PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never']
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError']

function validatePorts(ports: Loose[], path: string): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set<string>()
  ports.forEach((p, i) => {
    const pp = `${path}[${i}]`
    if (p.name) {
      for (const m of isValidPortName(p.name)) errs.push(fieldInvalid(`${pp}.name`, p.name, m))
      if (names.has(p.name)) errs.push(fieldDuplicate(`${pp}.name`, p.name))
      names.add(p.name)
    }
    if (!p.containerPort) errs.push(fieldRequired(`${pp}.containerPort`))
    else for (const m of isValidPortNum(p.containerPort)) errs.push(fieldInvalid(`${pp}.containerPort`, p.containerPort, m))
    if (p.hostPort) for (const m of isValidPortNum(p.hostPort)) errs.push(fieldInvalid(`${pp}.hostPort`, p.hostPort, m))
    if (!p.protocol) errs.push(fieldRequired(`${pp}.protocol`))
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(fieldNotSupported(`${pp}.protocol`, p.protocol, PROTOCOLS))
  })
  return errs
}

function validateEnv(env: Loose[], path: string): FieldError[] {
  const errs: FieldError[] = []
  env.forEach((e, i) => {
    const ep = `${path}[${i}]`
    if (!e.name) errs.push(fieldRequired(`${ep}.name`))
    else for (const m of isEnvVarName(e.name)) errs.push(fieldInvalid(`${ep}.name`, e.name, m))
    if (e.value !== undefined && e.value !== '' && e.valueFrom) {
      errs.push(fieldInvalid(`${ep}.valueFrom`, '', "may not be specified when `value` is not empty"))
    }
  })
  return errs
}

/** Resource names a container may ask for without a domain prefix (helper.IsStandardContainerResourceName). */
const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage']

function validateResourceName(name: string, fp: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => fieldInvalid(fp, name, m))
  if (errs.length) return errs
  if (!name.includes('/') && !STANDARD_CONTAINER_RESOURCES.includes(name) && !name.startsWith('hugepages-')) {
    errs.push(fieldInvalid(fp, name, 'must be a standard resource type or fully qualified'))
  }
  return errs
}

function validateResources(res: Loose, path: string): FieldError[] {
  const errs: FieldError[] = []
  const parsed: Record<'limits' | 'requests', Record<string, number>> = { limits: {}, requests: {} }
  for (const part of ['limits', 'requests'] as const) {
    for (const [r, q] of Object.entries((res?.[part] ?? {}) as Record<string, unknown>)) {
      const v = parseQuantityValue(q)
      const fp = `${path}.${part}[${r}]`
      errs.push(...validateResourceName(r, fp))
      if (v === undefined) continue // decode.ts already refused malformed quantities (400)
      if (v < 0) errs.push(fieldInvalid(fp, q, 'must be greater than or equal to 0'))
      parsed[part][r] = v
    }
  }
  for (const [r, req] of Object.entries(parsed.requests)) {
    const lim = parsed.limits[r]
    if (lim !== undefined && req > lim) {
      errs.push(fieldInvalid(`${path}.requests`, String(res.requests[r]), `must be less than or equal to ${r} limit of ${String(res.limits[r])}`))
    }
  }
  return errs
}

/** `spec.containers` / `spec.initContainers`; `seen` collects names across both lists; `volumes` are the pod's volume names. */
export function validateContainers(ctrs: Loose[] | undefined, path: string, seen: Set<string>, required: boolean, volumes: Set<string> = new Set()): FieldError[] {
  const errs: FieldError[] = []
  if (!ctrs || ctrs.length === 0) {
    if (required) errs.push(fieldRequired(path))
    return errs
  }
  ctrs.forEach((c, i) => {
    const cp = `${path}[${i}]`
    if (!c.name) errs.push(fieldRequired(`${cp}.name`))
    else {
      for (const m of isDNS1123Label(c.name)) errs.push(fieldInvalid(`${cp}.name`, c.name, m))
      if (seen.has(c.name)) errs.push(fieldDuplicate(`${cp}.name`, c.name))
      seen.add(c.name)
    }
    if (!c.image) errs.push(fieldRequired(`${cp}.image`))
    else if (c.image !== c.image.trim()) errs.push(fieldInvalid(`${cp}.image`, c.image, 'must not have leading or trailing whitespace'))
    if (c.imagePullPolicy && !PULL_POLICIES.includes(c.imagePullPolicy)) errs.push(fieldNotSupported(`${cp}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES))
    if (c.terminationMessagePolicy && !TERMINATION_MESSAGE_POLICIES.includes(c.terminationMessagePolicy)) {
      errs.push(fieldNotSupported(`${cp}.terminationMessagePolicy`, c.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES))
    }
    errs.push(...validatePorts(c.ports ?? [], `${cp}.ports`))
    errs.push(...validateEnv(c.env ?? [], `${cp}.env`))
    errs.push(...validateResources(c.resources, `${cp}.resources`))
    const mounts = new Set<string>()
    ;(c.volumeMounts ?? []).forEach((m: Loose, j: number) => {
      if (!m.name) errs.push(fieldRequired(`${cp}.volumeMounts[${j}].name`))
      else if (!volumes.has(m.name)) errs.push(fieldNotFound(`${cp}.volumeMounts[${j}].name`, m.name))
      if (!m.mountPath) errs.push(fieldRequired(`${cp}.volumeMounts[${j}].mountPath`))
      else if (mounts.has(m.mountPath)) errs.push(fieldInvalid(`${cp}.volumeMounts[${j}].mountPath`, m.mountPath, 'must be unique'))
      mounts.add(m.mountPath)
    })
  })
  return errs
}

