// Pod validation: ValidatePodCreate / ValidatePodUpdate (pkg/apis/core/validation/validation.go).
import { fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired, fieldDuplicate, type FieldError } from '../../../../api/errors'
import { isDNS1123Label, isDNS1123Subdomain } from '../../validation/strings'
import { deepCopy, deepEqual } from '../../../../api/objects'
import type { AdmissionContext, Loose } from '../types'
import type { KubeObject } from '../../../../api/types'
import { validateContainers } from './container'

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never']
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']

/** The fields a pod update may change, exactly as v1.30 lists them in the Forbidden message. */
export const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
]
export const POD_UPDATE_FORBIDDEN = `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}`

function validateVolumes(vols: Loose[] | undefined): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set<string>()
  ;(vols ?? []).forEach((v, i) => {
    const p = `spec.volumes[${i}]`
    if (!v.name) errs.push(fieldRequired(`${p}.name`))
    else {
      for (const m of isDNS1123Label(v.name)) errs.push(fieldInvalid(`${p}.name`, v.name, m))
      if (names.has(v.name)) errs.push(fieldDuplicate(`${p}.name`, v.name))
      names.add(v.name)
    }
    const sources = Object.keys(v).filter((k) => k !== 'name')
    if (sources.length === 0) errs.push(fieldRequired(p, 'must specify a volume type'))
    else if (sources.length > 1) errs.push(fieldForbidden(`${p}.${sources[1]}`, 'may not specify more than 1 volume type'))
  })
  return errs
}

export function validatePodSpec(spec: Loose): FieldError[] {
  const errs: FieldError[] = []
  errs.push(...validateVolumes(spec?.volumes))
  const seen = new Set<string>()
  const volumes = new Set<string>((spec?.volumes ?? []).map((v: Loose) => v.name))
  errs.push(...validateContainers(spec?.initContainers, 'spec.initContainers', seen, false, volumes))
  errs.push(...validateContainers(spec?.containers, 'spec.containers', seen, true, volumes))
  if (!spec?.restartPolicy) errs.push(fieldRequired('spec.restartPolicy'))
  else if (!RESTART_POLICIES.includes(spec.restartPolicy)) errs.push(fieldNotSupported('spec.restartPolicy', spec.restartPolicy, RESTART_POLICIES))
  if (spec?.dnsPolicy && !DNS_POLICIES.includes(spec.dnsPolicy)) errs.push(fieldNotSupported('spec.dnsPolicy', spec.dnsPolicy, DNS_POLICIES))
  if (spec?.nodeName) for (const m of isDNS1123Subdomain(spec.nodeName)) errs.push(fieldInvalid('spec.nodeName', spec.nodeName, m))
  if (spec?.serviceAccountName) for (const m of isDNS1123Subdomain(spec.serviceAccountName)) errs.push(fieldInvalid('spec.serviceAccountName', spec.serviceAccountName, m))
  if (spec?.activeDeadlineSeconds !== undefined && !(spec.activeDeadlineSeconds > 0)) {
    errs.push(fieldInvalid('spec.activeDeadlineSeconds', spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'))
  }
  return errs
}

/** Replace what a pod update may change with the old values; anything left different is Forbidden. */
function mungedSpec(spec: Loose, old: Loose): Loose {
  const m = deepCopy(spec)
  const imgs = (list: Loose[] | undefined, oldList: Loose[] | undefined) =>
    (list ?? []).map((c: Loose, i: number) => (oldList?.[i] ? { ...c, image: oldList[i].image } : c))
  m.containers = imgs(m.containers, old.containers)
  if (m.initContainers) m.initContainers = imgs(m.initContainers, old.initContainers)
  m.activeDeadlineSeconds = old.activeDeadlineSeconds
  if (m.terminationGracePeriodSeconds === 1 && (old.terminationGracePeriodSeconds ?? 0) < 0) m.terminationGracePeriodSeconds = old.terminationGracePeriodSeconds
  // Tolerations may only be added: the old ones must all still be there.
  const oldTol: Loose[] = old.tolerations ?? []
  const newTol: Loose[] = m.tolerations ?? []
  if (oldTol.every((t) => newTol.some((n) => deepEqual(n, t)))) m.tolerations = old.tolerations
  return m
}

/** A short stand-in for upstream's cmp.Diff: one `-`/`+` pair per top-level field that changed. */
function specDiff(old: Loose, next: Loose): string {
  const lines = ['  core.PodSpec{']
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])].sort()
  for (const k of keys) {
    if (deepEqual(old[k], next[k])) continue
    if (old[k] !== undefined) lines.push(`- \t${k}: ${JSON.stringify(old[k])},`)
    if (next[k] !== undefined) lines.push(`+ \t${k}: ${JSON.stringify(next[k])},`)
  }
  lines.push('  }')
  return lines.join('\n')
}

export function validatePod(obj: KubeObject, ctx: AdmissionContext): FieldError[] {
  const pod = obj as Loose
  const errs = validatePodSpec(pod.spec)
  if (ctx.op === 'update' && ctx.old) {
    const old = (ctx.old as Loose).spec ?? {}
    const spec = pod.spec ?? {}
    if ((spec.containers ?? []).length !== (old.containers ?? []).length) {
      errs.push(fieldForbidden('spec.containers', 'pod updates may not add or remove containers'))
    } else {
      const m = mungedSpec(spec, old)
      if (!deepEqual(m, old)) errs.push(fieldForbidden('spec', `${POD_UPDATE_FORBIDDEN}\n${specDiff(old, m)}`))
    }
  }
  return errs
}
