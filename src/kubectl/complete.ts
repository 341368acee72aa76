// Tab completion for `kubectl ...` (CommandInfo.complete). Given argv so far (the last element is
// the partial word), return candidates that start with it:
//   kubectl <Tab>                 verbs
//   kubectl config <Tab>          subcommands (likewise `create`)
//   kubectl get <Tab>             resource types (plural names, as kubectl's own completion)
//   kubectl get pods <Tab>        object names from the API (namespace from -n or the kubeconfig)
//   kubectl get --<Tab>           the verb's flag names
// After -f/--filename we return nothing, so the shell falls back to file-name completion.
import type { ApiClient } from '../api/client'
import type { FileSystem } from './context'
import { GLOBAL_FLAGS, isValueFlag } from './argv'
import { ROOT_COMMANDS } from './commands/registry'
import { ALL_VERBS } from './help/groups'
import { findKind } from './resources'
import { loadKubeconfig } from './kubeconfig'

/** Verbs whose first argument is a resource type and second an object name. */
const TYPE_THEN_NAME = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'explain', 'scale', 'edit',
  'rollout history', 'rollout pause', 'rollout restart', 'rollout resume', 'rollout status', 'rollout undo',
  'set env', 'set image', 'set resources'])

/** Verbs whose first argument is a pod (or TYPE/NAME): `exec web`, `port-forward deploy/web`; cp adds `:`. */
const POD_FIRST = new Set(['exec', 'port-forward', 'attach', 'logs', 'cp'])

/** expose's ValidArgs: the kinds it can expose, as upstream's completion offers them. */
const EXPOSE_TYPES = ['pod', 'service', 'replicationcontroller', 'deployment', 'replicaset']

/** What `-o <Tab>` offers (kubectl's own completion lists these for get). */
const OUTPUT_FORMATS = ['custom-columns=', 'json', 'jsonpath=', 'name', 'wide', 'yaml']

export interface CompleteEnv { cwd: string; fs: FileSystem; env: Record<string, string> }

function namespaceFor(words: string[], env?: CompleteEnv): string {
  const i = words.findIndex((w) => w === '-n' || w === '--namespace')
  if (i >= 0 && words[i + 1]) return words[i + 1]
  const eq = words.find((w) => w.startsWith('--namespace='))
  if (eq) return eq.slice('--namespace='.length)
  if (env) {
    try {
      const cfg = loadKubeconfig(env.fs, env.env, env.cwd).config
      const ctx = cfg?.contexts.find((c) => c.name === cfg['current-context'])
      if (ctx?.context?.namespace) return ctx.context.namespace
    } catch { /* an unreadable kubeconfig completes with the default namespace */ }
  }
  return 'default'
}

export function completeKubectl(api: ApiClient, argv: string[], env?: CompleteEnv): string[] {
  const words = argv.slice(1)
  const partial = words.length > 0 ? words[words.length - 1] : ''
  const before = words.slice(0, -1)
  const prev = before[before.length - 1]
  if (prev === '-f' || prev === '--filename') return []
  if (prev === '-o' || prev === '--output') return OUTPUT_FORMATS.filter((f) => f.startsWith(partial))
  if (prev === '-n' || prev === '--namespace') {
    return safe(() => api.list('namespaces').items.map((o) => o.metadata.name ?? ''), []).filter((n) => n.startsWith(partial)).sort()
  }
  const positional: string[] = []
  for (let i = 0; i < before.length; i++) {
    if (before[i].startsWith('-')) { if (isValueFlag(before[i])) i++; continue }
    positional.push(before[i])
  }
  const starts = (xs: Iterable<string>) => [...new Set(xs)].filter((x) => x.startsWith(partial)).sort()
  if (positional.length === 0) return partial.startsWith('-') ? starts(GLOBAL_FLAGS.map((f) => `--${f.name}`)) : starts([...ROOT_COMMANDS.map((c) => c.name), ...ALL_VERBS])
  const cmd = ROOT_COMMANDS.find((c) => c.name === positional[0])
  if (!cmd) return []
  if (partial.startsWith('-')) return starts([...cmd.flags, ...GLOBAL_FLAGS].map((f) => `--${f.name}`))
  if (cmd.name === 'config' && positional.length === 2 && ['use-context', 'use', 'get-contexts', 'set-context'].includes(positional[1]) && env) {
    const cfg = safe(() => loadKubeconfig(env.fs, env.env, env.cwd).config, undefined)
    return starts((cfg?.contexts ?? []).map((c) => c.name))
  }
  if (cmd.subcommands && positional.length === 1) {
    const subs = cmd.subcommands.map((c) => c.name)
    return starts(subs)
  }
  // `create service <Tab>`: a subcommand group's own subcommands.
  const sub = cmd.subcommands?.find((c) => c.name === positional[1] || (c.aliases ?? []).includes(positional[1]))
  if (sub?.subcommands && positional.length === 2) return starts(sub.subcommands.map((c) => c.name))
  if (cmd.name === 'expose' && positional.length <= 2) {
    const kinds = safe(() => api.discovery(), [])
    const namesOf = (word: string) => {
      const kind = findKind(kinds, word)
      return kind ? safe(() => api.list(kind.plural, { namespace: namespaceFor(words, env) }).items.map((o) => o.metadata.name ?? ''), []) : []
    }
    if (positional.length === 2) return starts(namesOf(positional[1]))
    if (partial.includes('/')) {
      const [type, namePart] = partial.split('/', 2)
      return namesOf(type).filter((n) => n.startsWith(namePart)).map((n) => `${type}/${n}`).sort()
    }
    return starts(EXPOSE_TYPES)
  }
  if (POD_FIRST.has(cmd.name) && positional.length === 1 && !words.slice(0, -1).includes('--')) {
    const kinds = safe(() => api.discovery(), [])
    const namesOf = (kind: ReturnType<typeof findKind>) => (kind ? safe(() => api.list(kind.plural, { namespace: kind.namespaced ? namespaceFor(words, env) : undefined }).items.map((o) => o.metadata.name ?? ''), []) : [])
    if (partial.includes('/') && cmd.name !== 'cp') {
      const [type, namePart] = partial.split('/', 2)
      return namesOf(findKind(kinds, type)).filter((n) => n.startsWith(namePart)).map((n) => `${type}/${n}`).sort()
    }
    if (partial.includes(':') || partial.startsWith('.') || partial.startsWith('/')) return []
    return starts(namesOf(findKind(kinds, 'pods')).map((n) => (cmd.name === 'cp' ? `${n}:` : n)))
  }
  // `rollout status deploy/<Tab>`: a subcommand's words complete like a verb's.
  const key = cmd.subcommands ? `${cmd.name} ${positional[1]}` : cmd.name
  if (cmd.subcommands) positional.shift()
  if (!TYPE_THEN_NAME.has(key)) return []
  const kinds = safe(() => api.discovery(), [])
  if (positional.length === 1) {
    if (partial.includes('/')) {
      const [type, namePart] = partial.split('/', 2)
      const kind = findKind(kinds, type)
      if (!kind) return []
      const names = safe(() => api.list(kind.plural, { namespace: kind.namespaced ? namespaceFor(words, env) : undefined }).items.map((o) => o.metadata.name ?? ''), [])
      return names.filter((n) => n.startsWith(namePart)).map((n) => `${type}/${n}`).sort()
    }
    return starts(kinds.map((k) => k.plural))
  }
  if (cmd.name === 'explain') return []
  const kind = findKind(kinds, positional[1].split(',')[0])
  if (!kind) return []
  return starts(safe(() => api.list(kind.plural, { namespace: kind.namespaced ? namespaceFor(words, env) : undefined }).items.map((o) => o.metadata.name ?? ''), []))
}

function safe<T>(fn: () => T, fallback: T): T {
  try { return fn() } catch { return fallback }
}
