// The decode step before admission: upstream turns the JSON body into a typed Go object first,
// and a value of the wrong JSON type (a YAML `version: 1.0` label, `containerPort: "80"`) or a
// malformed quantity fails there, as a 400 BadRequest:
//   Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct
//   field ObjectMeta.metadata.labels of type string
import type { KubeObject } from '../../api/types'
import type { KindInfo } from '../../api/kinds'
import { badRequest } from '../../api/errors'
import { parseQuantityValue, QUANTITY_FORMAT_ERROR } from './validation/quantity'
import { decodeSecret } from './decode-secret'

type GoType = 'string' | 'int32' | 'int64' | 'bool' | '[]string'

/** A typed field: the Go struct holding it, its JSON path (list indices dropped), its Go type. */
interface Rule { struct: string; path: string; type: GoType }

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

/** Go's encoding/json names for the JSON value kinds. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'boolean') return 'bool'
  return typeof v === 'object' ? 'object' : typeof v
}

function fits(v: unknown, t: GoType): boolean {
  if (v === null || v === undefined) return true
  if (t === 'string') return typeof v === 'string'
  if (t === 'bool') return typeof v === 'boolean'
  return typeof v === 'number' && Number.isInteger(v)
}

const CONTAINER_LISTS = ['containers', 'initContainers']

/** Every value at a dotted path, walking through lists (`spec.containers.ports.containerPort`). */
function valuesAt(obj: Loose, path: string, flattenLast = true): unknown[] {
  let cur: unknown[] = [obj]
  const parts = path.split('.')
  for (const [i, part] of parts.entries()) {
    const next: unknown[] = []
    for (const c of cur) {
      const v = c && typeof c === 'object' ? (c as Loose)[part] : undefined
      if (Array.isArray(v) && (flattenLast || i < parts.length - 1)) next.push(...v)
      else if (v !== undefined) next.push(v)
    }
    cur = next
  }
  return cur
}

function mapValues(obj: Loose, path: string): unknown[] {
  return valuesAt(obj, path).flatMap((m) => (m && typeof m === 'object' && !Array.isArray(m) ? Object.values(m) : []))
}

const POD_RULES: Rule[] = CONTAINER_LISTS.flatMap((l) => [
  { struct: 'ContainerPort', path: `spec.${l}.ports.containerPort`, type: 'int32' as GoType },
  { struct: 'ContainerPort', path: `spec.${l}.ports.hostPort`, type: 'int32' as GoType },
  { struct: 'EnvVar', path: `spec.${l}.env.value`, type: 'string' as GoType },
  { struct: 'EnvVar', path: `spec.${l}.env.name`, type: 'string' as GoType },
  { struct: 'Container', path: `spec.${l}.image`, type: 'string' as GoType },
  { struct: 'Container', path: `spec.${l}.command`, type: '[]string' as GoType },
  { struct: 'Container', path: `spec.${l}.args`, type: '[]string' as GoType },
])
POD_RULES.push({ struct: 'PodSpec', path: 'spec.terminationGracePeriodSeconds', type: 'int64' })

/** The same fields inside a workload's pod template: `spec.template.spec.containers.ports.containerPort`. */
const inTemplate = (rules: Rule[]): Rule[] => rules.map((r) => ({ ...r, path: r.path.replace(/^spec\./, 'spec.template.spec.') }))

const RULES: Record<string, Rule[]> = {
  Pod: POD_RULES,
  Deployment: [
    { struct: 'DeploymentSpec', path: 'spec.replicas', type: 'int32' },
    { struct: 'DeploymentSpec', path: 'spec.minReadySeconds', type: 'int32' },
    { struct: 'DeploymentSpec', path: 'spec.revisionHistoryLimit', type: 'int32' },
    { struct: 'DeploymentSpec', path: 'spec.progressDeadlineSeconds', type: 'int32' },
    ...inTemplate(POD_RULES),
  ],
  ReplicaSet: [
    { struct: 'ReplicaSetSpec', path: 'spec.replicas', type: 'int32' },
    { struct: 'ReplicaSetSpec', path: 'spec.minReadySeconds', type: 'int32' },
    ...inTemplate(POD_RULES),
  ],
}

/** Where a kind keeps its pod spec (resource quantities are checked there). */
const POD_SPEC_AT: Record<string, string> = { Pod: 'spec', Deployment: 'spec.template.spec', ReplicaSet: 'spec.template.spec' }

const WORKLOAD_MAPS = [
  { struct: 'LabelSelector', path: 'spec.selector.matchLabels' },
  { struct: 'ObjectMeta', path: 'spec.template.metadata.labels' },
  { struct: 'ObjectMeta', path: 'spec.template.metadata.annotations' },
  { struct: 'PodSpec', path: 'spec.template.spec.nodeSelector' },
]

/** String-valued maps: a number or bool inside one is the classic YAML mistake. */
const STRING_MAPS: Record<string, { struct: string; path: string }[]> = {
  '*': [{ struct: 'ObjectMeta', path: 'metadata.labels' }, { struct: 'ObjectMeta', path: 'metadata.annotations' }],
  ConfigMap: [{ struct: 'ConfigMap', path: 'data' }],
  Pod: [{ struct: 'PodSpec', path: 'spec.nodeSelector' }],
  Deployment: WORKLOAD_MAPS,
  ReplicaSet: WORKLOAD_MAPS,
}

function cannotHandle(info: KindInfo, why: string): Error {
  return badRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${why}`)
}

export function decodeCheck(info: KindInfo, obj: KubeObject): void {
  if (info.kind === 'Secret' && !info.group) decodeSecret(obj)
  for (const m of [...STRING_MAPS['*'], ...(STRING_MAPS[info.kind] ?? [])]) {
    for (const v of mapValues(obj, m.path)) {
      if (!fits(v, 'string')) throw cannotHandle(info, `json: cannot unmarshal ${jsonKind(v)} into Go struct field ${m.struct}.${m.path} of type string`)
    }
  }
  for (const r of RULES[info.kind] ?? []) {
    if (r.type === '[]string') {
      for (const v of valuesAt(obj, r.path, false)) {
        if (!Array.isArray(v)) throw cannotHandle(info, `json: cannot unmarshal ${jsonKind(v)} into Go struct field ${r.struct}.${r.path} of type []string`)
        const bad = v.find((x) => typeof x !== 'string')
        if (bad !== undefined) throw cannotHandle(info, `json: cannot unmarshal ${jsonKind(bad)} into Go struct field ${r.struct}.${r.path} of type string`)
      }
      continue
    }
    for (const v of valuesAt(obj, r.path)) {
      if (!fits(v, r.type)) throw cannotHandle(info, `json: cannot unmarshal ${jsonKind(v)} into Go struct field ${r.struct}.${r.path} of type ${r.type}`)
    }
  }
  const podSpec = POD_SPEC_AT[info.kind]
  if (podSpec) {
    for (const l of CONTAINER_LISTS) {
      for (const part of ['limits', 'requests']) {
        for (const q of mapValues(obj, `${podSpec}.${l}.resources.${part}`)) {
          if (parseQuantityValue(q) === undefined) throw cannotHandle(info, QUANTITY_FORMAT_ERROR)
        }
      }
    }
  }
}
