// The netfilter tables of one node (legacy x_tables as libiptc sees them): tables → chains (built-in
// with a policy and its counters, user-defined without) → rules. `execute` applies one iptables
// command (-A/-I/-D/-R/-N/-X/-F/-Z/-P/-E) to a table; the CLI and iptables-restore share it, so
// both fail with the same kernel errors (ENOENT, EEXIST, ENOTEMPTY, EMLINK).
import { parseRule, RuleError, type Rule } from './rule'
import { ruleSpec } from './format'

export interface Chain {
  name: string
  /** Built-in chains only. */
  policy?: 'ACCEPT' | 'DROP'
  pkts: number
  bytes: number
  rules: Rule[]
}

export interface Table { name: string; chains: Map<string, Chain> }

/** Built-in chains per table, in hook order (the order iptables -L and iptables-save print them). */
export const BUILTIN_CHAINS: Record<string, string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
}

/** The kernel's errno for a failed libiptc call, worded as iptables prints it (iptc_strerror). */
export class IptcError extends Error {}
export const E_NOCHAIN = 'No chain/target/match by that name.'
export const E_EXISTS = 'Chain already exists.'
export const E_NOTEMPTY = 'Directory not empty.'
export const E_INUSE = 'Too many links.'
export const E_BADRULE = 'Bad rule (does a matching rule exist in that chain?).'
export const E_BUILTIN = 'Bad built-in chain name.'
export const E_INDEX = 'Index of insertion too big.'
export const E_DELINDEX = 'Index of deletion too big.'

export function newTable(name: string): Table {
  const chains = new Map<string, Chain>()
  for (const c of BUILTIN_CHAINS[name] ?? []) chains.set(c, { name: c, policy: 'ACCEPT', pkts: 0, bytes: 0, rules: [] })
  return { name, chains }
}

/** Copy-on-write clone for all-or-nothing restores (rule objects are shared, never mutated except counters). */
export function cloneTable(t: Table): Table {
  const chains = new Map<string, Chain>()
  for (const [k, c] of t.chains) chains.set(k, { ...c, rules: c.rules.slice() })
  return { name: t.name, chains }
}

/** Chains in libiptc order: built-ins in hook order, then user chains sorted (strcmp). */
export function chainOrder(t: Table): Chain[] {
  const builtins = BUILTIN_CHAINS[t.name] ?? []
  const user = [...t.chains.keys()].filter((n) => !builtins.includes(n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return [...builtins.filter((n) => t.chains.has(n)), ...user].map((n) => t.chains.get(n)!)
}

export const isBuiltin = (t: Table, chain: string) => (BUILTIN_CHAINS[t.name] ?? []).includes(chain)

/** How many rules jump (or goto) to `chain`: the `(N references)` of iptables -L. */
export function references(t: Table, chain: string): number {
  let n = 0
  for (const c of t.chains.values()) for (const r of c.rules) if (r.target?.name === chain) n++
  return n
}

export type CommandResult = { kind: 'ok' } | { kind: 'check'; found: boolean }

function need(t: Table, name: string | undefined): Chain {
  const c = name === undefined ? undefined : t.chains.get(name)
  if (!c) throw new IptcError(E_NOCHAIN)
  return c
}

/** Where `spec` is in the chain (by saved text, as libiptc compares entries), or -1. */
function findRule(c: Chain, rule: Rule): number {
  const want = ruleSpec(rule)
  return c.rules.findIndex((r) => ruleSpec(r) === want)
}

/**
 * One modifying command on one table. `cmd` is the option (`-A`), `rest` what follows it (chain,
 * then the rule spec or number). Throws RuleError for a bad spec, IptcError for a kernel refusal.
 */
export function execute(t: Table, cmd: string, rest: string[]): CommandResult {
  const known = { isChain: (n: string) => t.chains.has(n) }
  const [chain, ...spec] = rest
  switch (cmd) {
    case '-A': case '--append': {
      const c = need(t, chain)
      c.rules.push(parseRule(spec, known))
      return { kind: 'ok' }
    }
    case '-I': case '--insert': {
      const c = need(t, chain)
      let at = 1
      if (spec.length && /^\d+$/.test(spec[0])) at = Number(spec.shift())
      const rule = parseRule(spec, known)
      if (at < 1 || at > c.rules.length + 1) throw new IptcError(E_INDEX)
      c.rules.splice(at - 1, 0, rule)
      return { kind: 'ok' }
    }
    case '-R': case '--replace': {
      const c = need(t, chain)
      const n = Number(spec.shift())
      const rule = parseRule(spec, known)
      if (!(n >= 1 && n <= c.rules.length)) throw new IptcError(E_DELINDEX)
      c.rules[n - 1] = rule
      return { kind: 'ok' }
    }
    case '-D': case '--delete': {
      const c = need(t, chain)
      if (spec.length === 1 && /^\d+$/.test(spec[0])) {
        const n = Number(spec[0])
        if (n < 1 || n > c.rules.length) throw new IptcError(E_DELINDEX)
        c.rules.splice(n - 1, 1)
        return { kind: 'ok' }
      }
      const i = findRule(c, parseRule(spec, known))
      if (i < 0) throw new IptcError(E_BADRULE)
      c.rules.splice(i, 1)
      return { kind: 'ok' }
    }
    case '-C': case '--check': {
      const c = need(t, chain)
      const i = findRule(c, parseRule(spec, known))
      if (i < 0) throw new IptcError(E_BADRULE)
      return { kind: 'check', found: true }
    }
    case '-N': case '--new-chain': case '--new': {
      if (!chain) throw new RuleError(`option "${cmd}" requires an argument`)
      if (t.chains.has(chain)) throw new IptcError(E_EXISTS)
      if (chain.length > 28) throw new RuleError(`chain name \`${chain}' too long (must be under 29 chars)`)
      t.chains.set(chain, { name: chain, pkts: 0, bytes: 0, rules: [] })
      return { kind: 'ok' }
    }
    case '-X': case '--delete-chain': {
      const names = chain === undefined ? chainOrder(t).filter((c) => !c.policy).map((c) => c.name) : [chain]
      for (const n of names) {
        const c = need(t, n)
        if (c.policy) throw new IptcError(E_INUSE)
        if (references(t, n) > 0 && chain !== undefined) throw new IptcError(E_INUSE)
        if (c.rules.length) throw new IptcError(E_NOTEMPTY)
      }
      // `-X` alone deletes every (empty, unreferenced) user chain; references between them vanish together.
      for (const n of names) t.chains.delete(n)
      return { kind: 'ok' }
    }
    case '-F': case '--flush': {
      for (const c of chain === undefined ? [...t.chains.values()] : [need(t, chain)]) c.rules = []
      return { kind: 'ok' }
    }
    case '-Z': case '--zero': {
      for (const c of chain === undefined ? [...t.chains.values()] : [need(t, chain)]) {
        c.pkts = 0
        c.bytes = 0
        for (const r of c.rules) { r.pkts = 0; r.bytes = 0 }
      }
      return { kind: 'ok' }
    }
    case '-P': case '--policy': {
      const c = need(t, chain)
      const p = spec[0]
      if (!c.policy) throw new IptcError(E_BUILTIN)
      if (p !== 'ACCEPT' && p !== 'DROP') throw new IptcError(E_BADRULE)
      c.policy = p
      return { kind: 'ok' }
    }
    case '-E': case '--rename-chain': {
      const c = need(t, chain)
      const to = spec[0]
      if (!to) throw new RuleError(`option "${cmd}" requires an argument`)
      if (c.policy) throw new IptcError(E_BUILTIN)
      if (t.chains.has(to)) throw new IptcError(E_EXISTS)
      t.chains.delete(chain)
      c.name = to
      t.chains.set(to, c)
      for (const ch of t.chains.values()) for (const r of ch.rules) if (r.target?.name === chain) r.target = { ...r.target, name: to }
      return { kind: 'ok' }
    }
    default:
      throw new RuleError(`unknown option "${cmd}"`)
  }
}
