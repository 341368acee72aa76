// `iptables ARGS` (v1.8.7 legacy) against the node's netfilter: listing (-L with -n/-v/-x/
// --line-numbers, -S), rule and chain commands, with the real tool's messages and exit codes
// (1: the kernel refused; 2: bad parameters; 3: the table cannot be initialised).
import { listHeaderColumns, listLine, printNum, ruleSpec, type ListFormat } from './format'
import { IPTABLES_VARIANT, IPTABLES_VERSION, tableOf, type Netfilter } from './netfilter'
import { RuleError } from './rule'
import { chainOrder, execute, IptcError, E_NOCHAIN, references, type Chain, type Table } from './tables'
import type { ToolResult } from './types'

const PROG = 'iptables'
const usageHint = `Try \`${PROG} -h' or '${PROG} --help' for more information.\n`
const problem = (msg: string): ToolResult => ({ code: 2, stdout: '', stderr: `${PROG} ${IPTABLES_VERSION} (${IPTABLES_VARIANT}): ${msg}\n${usageHint}` })
const refused = (msg: string): ToolResult => ({ code: 1, stdout: '', stderr: `${PROG}: ${msg}\n` })

/** Commands and the long spellings iptables accepts. */
const COMMANDS: Record<string, string> = {
  '-A': '-A', '--append': '-A', '-I': '-I', '--insert': '-I', '-D': '-D', '--delete': '-D', '-R': '-R', '--replace': '-R',
  '-C': '-C', '--check': '-C', '-L': '-L', '--list': '-L', '-S': '-S', '--list-rules': '-S', '-F': '-F', '--flush': '-F',
  '-Z': '-Z', '--zero': '-Z', '-N': '-N', '--new-chain': '-N', '-X': '-X', '--delete-chain': '-X', '-P': '-P', '--policy': '-P',
  '-E': '-E', '--rename-chain': '-E',
}
/** Single-letter flags that may be bundled (`-nvL`). */
const BUNDLE = new Set(['n', 'v', 'x', 'L', 'S', 'F', 'Z', 'X', 'w', 'N'])

function expand(argv: string[]): string[] {
  const out: string[] = []
  for (const a of argv) {
    if (/^-[A-Za-z]{2,}$/.test(a) && [...a.slice(1)].every((c) => BUNDLE.has(c))) for (const c of a.slice(1)) out.push('-' + c)
    else out.push(a)
  }
  return out
}

/** The chain header: `Chain INPUT (policy ACCEPT 1 packets, 60 bytes)` or `Chain DOCKER (2 references)`. */
function chainHeader(t: Table, c: Chain, f: ListFormat): string {
  if (c.policy) {
    const counts = f.verbose ? ` ${printNum(c.pkts, f, 8, true)}packets, ${printNum(c.bytes, f, 10, true)}bytes` : ''
    return `Chain ${c.name} (policy ${c.policy}${counts})`
  }
  return `Chain ${c.name} (${references(t, c.name)} references)`
}

export function listTable(t: Table, f: ListFormat, chain?: string): string {
  const chains = chain ? [t.chains.get(chain)!] : chainOrder(t)
  return chains.map((c) => [chainHeader(t, c, f), listHeaderColumns(f), ...c.rules.map((r, i) => listLine(r, i + 1, f))].join('\n') + '\n').join('\n')
}

export function listRules(t: Table, counters: boolean, chain?: string): string {
  const chains = chain ? [t.chains.get(chain)!] : chainOrder(t)
  let out = ''
  for (const c of chains) out += c.policy ? `-P ${c.name} ${c.policy}${counters ? ` -c ${c.pkts} ${c.bytes}` : ''}\n` : `-N ${c.name}\n`
  for (const c of chains) for (const r of c.rules) out += `-A ${c.name}${ruleSpec(r)}${counters ? ` -c ${r.pkts} ${r.bytes}` : ''}\n`
  return out
}

export function iptablesCli(nf: Netfilter, argv: string[]): ToolResult {
  const args = expand(argv)
  let tableName = 'filter'
  const f: ListFormat = { numeric: false, verbose: false, exact: false, lineNumbers: false }
  let cmd: string | undefined
  const rest: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '-t' || a === '--table') {
      const v = args[++i]
      if (v === undefined) return problem(`option "${a}" requires an argument`)
      tableName = v
    } else if (a === '-n' || a === '--numeric') f.numeric = true
    else if (a === '-v' || a === '--verbose') f.verbose = true
    else if (a === '-x' || a === '--exact') f.exact = true
    else if (a === '--line-numbers') f.lineNumbers = true
    else if (a === '-w' || a === '--wait') { if (/^\d+(\.\d+)?$/.test(args[i + 1] ?? '')) i++ }
    else if (a === '-W' || a === '--wait-interval') i++
    else if (COMMANDS[a]) {
      if (cmd && cmd !== COMMANDS[a]) {
        if (!((cmd === '-L' && COMMANDS[a] === '-Z') || (cmd === '-Z' && COMMANDS[a] === '-L'))) return problem(`Illegal option \`${a.replace(/^-+/, '-')}' with this command`)
      }
      cmd = cmd === '-Z' ? '-L' : COMMANDS[a]
    } else rest.push(a)
  }
  if (!cmd) return problem('no command specified')
  const t = tableOf(nf, tableName)
  if (!t) return { code: 3, stdout: '', stderr: `${PROG} ${IPTABLES_VERSION} (${IPTABLES_VARIANT}): can't initialize iptables table \`${tableName}': Table does not exist (do you need to insmod?)\nPerhaps iptables or your kernel needs to be upgraded.\n` }
  if (cmd === '-L' || cmd === '-S') {
    const chain = rest[0] && !rest[0].startsWith('-') ? rest[0] : undefined
    if (chain && !t.chains.has(chain)) return refused(E_NOCHAIN)
    return { code: 0, stdout: cmd === '-L' ? listTable(t, f, chain) : listRules(t, f.verbose, chain), stderr: '' }
  }
  try {
    execute(t, cmd, rest)
    return { code: 0, stdout: '', stderr: '' }
  } catch (e) {
    if (e instanceof IptcError) return refused(e.message)
    if (e instanceof RuleError) return problem(e.message)
    throw e
  }
}
