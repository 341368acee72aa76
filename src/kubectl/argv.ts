// kubectl's flag grammar, as spf13/pflag parses it under cobra (interspersed flags):
//   --flag=value  --flag value  -n value  -nvalue  -n=value  -it (combined bool shorthands)
//   --all / --all=false (bools take a value only after '=')  `--` ends flags
// Errors carry pflag's exact words; the caller adds kubectl's "See 'kubectl get --help' for usage.".

export type FlagType = 'bool' | 'string' | 'stringArray' | 'int'

export interface FlagSpec {
  name: string
  short?: string
  type: FlagType
  /** Shown in --help ("Options:"): the default as kubectl prints it. */
  default?: string
  usage?: string
}

export interface ParsedArgs {
  /** Flag values by long name; stringArray flags collect every occurrence. */
  flags: Map<string, string | string[] | boolean | number>
  positional: string[]
  /** Index into positional where `--` was seen (cobra's ArgsLenAtDash), -1 when absent. */
  dashAt: number
}

export class FlagError extends Error {}

/** The flags every kubectl command accepts (kubectl's persistent flags we model or ignore). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'context', type: 'string', usage: 'The name of the kubeconfig context to use' },
  { name: 'kubeconfig', type: 'string', usage: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'cluster', type: 'string', usage: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', usage: 'The name of the kubeconfig user to use' },
  { name: 'server', short: 's', type: 'string', usage: 'The address and port of the Kubernetes API server' },
  // Accepted and ignored: the simulation has no logs to raise or network to time out.
  { name: 'v', short: 'v', type: 'string', usage: 'number for the log level verbosity' },
  { name: 'request-timeout', type: 'string', usage: "The length of time to wait before giving up on a single server request." },
  { name: 'help', short: 'h', type: 'bool' },
]

function parseBool(v: string, flag: string): boolean {
  // strconv.ParseBool's accepted spellings.
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false
  throw new FlagError(`invalid argument "${v}" for "${flag}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`)
}

function setValue(out: ParsedArgs, spec: FlagSpec, raw: string, shown: string): void {
  switch (spec.type) {
    case 'bool': out.flags.set(spec.name, parseBool(raw, shown)); return
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`)
      out.flags.set(spec.name, Number(raw)); return
    }
    case 'stringArray': {
      const prev = out.flags.get(spec.name)
      out.flags.set(spec.name, [...(Array.isArray(prev) ? prev : []), raw]); return
    }
    default: out.flags.set(spec.name, raw)
  }
}

/** Parse `args` (argv without `kubectl` and the command words) against `specs`. */
export function parseArgs(args: string[], specs: FlagSpec[]): ParsedArgs {
  const out: ParsedArgs = { flags: new Map(), positional: [], dashAt: -1 }
  const byName = new Map(specs.map((s) => [s.name, s]))
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]))
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') {
      out.dashAt = out.positional.length
      out.positional.push(...args.slice(i + 1))
      break
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2)
      const spec = byName.get(name)
      if (!spec) throw new FlagError(`unknown flag: --${name}`)
      const shown = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`
      if (eq >= 0) setValue(out, spec, a.slice(eq + 1), shown)
      else if (spec.type === 'bool') setValue(out, spec, 'true', shown)
      else if (i + 1 < args.length) setValue(out, spec, args[++i], shown)
      else throw new FlagError(`flag needs an argument: --${name}`)
      continue
    }
    if (a.startsWith('-') && a.length > 1) {
      // Shorthands: each letter is a flag; the first value-taking one eats the rest (or next arg).
      for (let j = 1; j < a.length; j++) {
        const c = a[j]
        const spec = byShort.get(c)
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in -${a.slice(j)}`)
        const shown = `-${c}, --${spec.name}`
        const rest = a.slice(j + 1)
        if (spec.type === 'bool') {
          if (rest.startsWith('=')) { setValue(out, spec, rest.slice(1), shown); break }
          setValue(out, spec, 'true', shown)
          continue
        }
        if (rest.length > 0) setValue(out, spec, rest.startsWith('=') ? rest.slice(1) : rest, shown)
        else if (i + 1 < args.length) setValue(out, spec, args[++i], shown)
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`)
        break
      }
      continue
    }
    out.positional.push(a)
  }
  return out
}

// --- typed readers ---
export const flagStr = (p: ParsedArgs, n: string): string | undefined => {
  const v = p.flags.get(n)
  return typeof v === 'string' ? v : undefined
}
export const flagBool = (p: ParsedArgs, n: string, dflt = false): boolean => {
  const v = p.flags.get(n)
  return typeof v === 'boolean' ? v : dflt
}
export const flagInt = (p: ParsedArgs, n: string): number | undefined => {
  const v = p.flags.get(n)
  return typeof v === 'number' ? v : undefined
}
export const flagArr = (p: ParsedArgs, n: string): string[] => {
  const v = p.flags.get(n)
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : []
}
export const has = (p: ParsedArgs, n: string): boolean => p.flags.has(n)

/** The global flags that take a value, for finding the command word (`kubectl -n x get pods`). */
export function isValueFlag(token: string): boolean {
  if (token.includes('=')) return false
  const name = token.replace(/^--?/, '')
  const spec = GLOBAL_FLAGS.find((s) => (token.startsWith('--') ? s.name === name : s.short === name))
  return !!spec && spec.type !== 'bool'
}
