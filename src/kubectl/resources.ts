// Turning `TYPE`, `TYPE NAME...`, `TYPE/NAME...`, `TYPE1,TYPE2` and `all` into requests, the way
// kubectl's resource.Builder does, against the kinds the server's discovery serves.
import type { KindInfo } from '../api/kinds'
import { fail } from './errors'

export interface ResourceRequest {
  kind: KindInfo
  /** Empty = every object of the kind (subject to selectors). */
  names: string[]
  /** Set for objects named by a manifest (`get -f web.yaml`): its namespace wins. */
  namespace?: string
}

/** Match a typed word (`po`, `pod`, `pods`, `Pod`, `pods.v1.`, `deployments.apps`) in `kinds`. */
export function findKind(kinds: readonly KindInfo[], word: string): KindInfo | undefined {
  const w = word.toLowerCase()
  const [name, ...rest] = w.split('.')
  const group = rest.length >= 2 && /^v\d/.test(rest[0]) ? rest.slice(1).join('.') : rest.join('.')
  return kinds.find((k) =>
    (rest.length === 0 || k.group === group) &&
    (k.plural === name || k.singular === name || k.kind.toLowerCase() === name || k.shortNames.includes(name)))
}

/**
 * The kinds of the "all" category in discovery's order: groups as the server lists them (core,
 * apps, batch...), resources alphabetical inside a group. So `kubectl get all` prints pod,
 * service, daemonset.apps, deployment.apps, replicaset.apps, job.batch, as upstream does.
 */
export function categoryAll(kinds: readonly KindInfo[]): KindInfo[] {
  const groups: string[] = []
  for (const k of kinds) if (!groups.includes(k.group)) groups.push(k.group)
  return kinds.filter((k) => k.categories?.includes('all'))
    .sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group) || (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0))
}

/** Resolve one type word; `all` expands to every kind in the "all" category. */
export function resolveTypes(kinds: readonly KindInfo[], word: string): KindInfo[] {
  const out: KindInfo[] = []
  for (const part of word.split(',')) {
    if (part === '') continue
    if (part === 'all') {
      for (const k of categoryAll(kinds)) if (!out.includes(k)) out.push(k)
      continue
    }
    const k = findKind(kinds, part)
    if (!k) throw fail(`the server doesn't have a resource type "${part}"`)
    if (!out.includes(k)) out.push(k)
  }
  return out
}

/** True when the first argument names several types (a kind prefix is then printed on names). */
export function isMultiType(args: string[]): boolean {
  if (args.length === 0) return false
  if (args[0].includes('/')) return new Set(args.map((a) => a.split('/')[0])).size > 1
  return args[0].split(',').length > 1 || args[0].split(',').includes('all')
}

export function parseResourceArgs(kinds: readonly KindInfo[], args: string[]): ResourceRequest[] {
  if (args.length === 0) return []
  if (args[0].includes('/')) {
    const out: ResourceRequest[] = []
    for (const a of args) {
      const i = a.indexOf('/')
      if (i < 0) throw fail('there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. \'kubectl get resource/<resource_name>\' instead of \'kubectl get resource resource/<resource_name>\'')
      const type = a.slice(0, i)
      const name = a.slice(i + 1)
      if (!name) throw fail(`arguments in resource/name form must have a single resource and name`)
      const [kind] = resolveTypes(kinds, type)
      const prev = out.find((r) => r.kind === kind)
      if (prev) prev.names.push(name)
      else out.push({ kind, names: [name] })
    }
    return out
  }
  const names = args.slice(1)
  if (names.some((n) => n.includes('/'))) {
    throw fail('there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. \'kubectl get resource/<resource_name>\' instead of \'kubectl get resource resource/<resource_name>\'')
  }
  return resolveTypes(kinds, args[0]).map((kind) => ({ kind, names: [...names] }))
}

/** `pod/web`: kubectl's "kind/name" form (lower-case kind, group-qualified for non-core kinds). */
export function kindSlashName(kind: KindInfo, name: string): string {
  const k = kind.kind.toLowerCase()
  return `${kind.group ? `${k}.${kind.group}` : k}/${name}`
}
