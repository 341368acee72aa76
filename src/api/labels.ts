// Label selectors as k8s.io/apimachinery/pkg/labels/selector.go parses and matches them:
// `app=web,tier!=db,env in (a,b),release notin (x),!legacy,track`. Parse errors carry upstream's
// exact words (`unable to parse requirement: found '', expected: identifier`).

export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt'

export interface Requirement {
  key: string
  operator: Operator
  values: string[]
}

/** A parsed selector: the AND of its requirements (empty = everything). */
export type Selector = Requirement[]

export type Labels = Record<string, string> | undefined | null

/** upstream binaryOperators, in order, for the "expected:" message. */
const BINARY_OPERATORS = ['in', 'notin', '=', '==', '!=', 'gt', 'lt']

type Tok = 'ERR' | 'EOS' | ')' | ',' | '!' | '==' | '=' | '>' | 'ID' | 'in' | '<' | '!=' | 'notin' | '('
const STRING_TO_TOKEN: Record<string, Tok> = {
  ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', in: 'in', '<': '<', '!=': '!=', notin: 'notin', '(': '(',
}
const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n'
const isSpecial = (c: string) => '=!(),><'.includes(c)

interface Item { tok: Tok; lit: string }

function lex(s: string): Item[] {
  const items: Item[] = []
  let pos = 0
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos])) pos++
    if (pos >= s.length) { items.push({ tok: 'EOS', lit: '' }); return items }
    if (isSpecial(s[pos])) {
      // Longest run of special symbols that is still a token: `!=` but `=(` is `=` then `(`.
      let buf = ''
      let last: Item | undefined
      while (pos < s.length && isSpecial(s[pos])) {
        buf += s[pos]
        const t = STRING_TO_TOKEN[buf]
        if (t) { last = { tok: t, lit: buf }; pos++ } else if (last) break
        else pos++
      }
      items.push(last ?? { tok: 'ERR', lit: `error expected: keyword found '${buf}'` })
    } else {
      let buf = ''
      while (pos < s.length && !isSpecial(s[pos]) && !isWhitespace(s[pos])) buf += s[pos++]
      const t = STRING_TO_TOKEN[buf]
      items.push({ tok: t ?? 'ID', lit: buf })
    }
  }
}

/** Thrown for a selector that does not parse; message is upstream's. */
export class SelectorParseError extends Error {}

class Parser {
  private p = 0
  constructor(private readonly items: Item[]) {}
  // In the "values" context `in`/`notin` are plain identifiers (`x in (in)` is legal).
  look(values = true): Item {
    const it = this.items[this.p]
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'ID', lit: it.lit } : it
  }
  take(values = true): Item {
    const it = this.look(values)
    this.p++
    return it
  }

  parse(): Selector {
    const reqs: Requirement[] = []
    for (;;) {
      const { tok, lit } = this.look()
      if (tok === 'ID' || tok === '!') {
        let r: Requirement
        try { r = this.requirement() } catch (e) { throw new SelectorParseError(`unable to parse requirement: ${(e as Error).message}`) }
        reqs.push(r)
        const t = this.take()
        if (t.tok === 'EOS') return reqs
        if (t.tok === ',') {
          const t2 = this.look()
          if (t2.tok !== 'ID' && t2.tok !== '!') throw new SelectorParseError(`found '${t2.lit}', expected: identifier after ','`)
        } else throw new SelectorParseError(`found '${t.lit}', expected: ',' or 'end of string'`)
      } else if (tok === 'EOS') return reqs
      else throw new SelectorParseError(`found '${lit}', expected: !, identifier, or 'end of string'`)
    }
  }

  private requirement(): Requirement {
    let op: Operator | undefined
    let t = this.take()
    if (t.tok === '!') { op = '!'; t = this.take() }
    if (t.tok !== 'ID') throw new Error(`found '${t.lit}', expected: identifier`)
    const key = t.lit
    const keyErrs = isQualifiedName(key)
    if (keyErrs.length) throw new Error(`Invalid value: ${JSON.stringify(key)}: ${keyErrs.join('; ')}`)
    const next = this.look().tok
    if (next === 'EOS' || next === ',') return { key, operator: op ?? 'exists', values: [] }
    const o = this.take(false)
    const opMap: Partial<Record<Tok, Operator>> = { in: 'in', notin: 'notin', '=': '=', '==': '==', '!=': '!=', '>': 'gt', '<': 'lt' }
    const bop = opMap[o.tok]
    if (!bop) throw new Error(`found '${o.lit}', expected: ${BINARY_OPERATORS.join(', ')}`)
    const values = bop === 'in' || bop === 'notin' ? this.setValues() : this.exactValue()
    return newRequirement(key, bop, values)
  }

  private setValues(): string[] {
    const open = this.take()
    if (open.tok !== '(') throw new Error(`found '${open.lit}' expected: '('`)
    const { tok, lit } = this.look()
    if (tok === ')') { this.take(); return [''] }
    if (tok !== 'ID' && tok !== ',') throw new Error(`found '${lit}', expected: ',', ')' or identifier`)
    const s = new Set<string>()
    for (;;) {
      const t = this.take()
      if (t.tok === 'ID') {
        s.add(t.lit)
        const t2 = this.look()
        if (t2.tok === ',') continue
        if (t2.tok === ')') break
        throw new Error(`found '${t2.lit}', expected: ',' or ')'`)
      } else if (t.tok === ',') {
        if (s.size === 0) s.add('')
        const t2 = this.look().tok
        if (t2 === ')') { s.add(''); break }
        if (t2 === ',') s.add('')
      } else throw new Error(`found '${t.lit}', expected: ',', or identifier`)
    }
    if (this.take().tok !== ')') throw new Error(`found '${lit}', expected: ')'`)
    return [...s].sort()
  }

  private exactValue(): string[] {
    const t = this.look()
    if (t.tok === 'EOS' || t.tok === ',') return ['']
    const v = this.take()
    if (v.tok === 'ID') return [v.lit]
    throw new Error(`found '${v.lit}', expected: identifier`)
  }
}

function newRequirement(key: string, operator: Operator, values: string[]): Requirement {
  const errs: string[] = []
  if ((operator === 'gt' || operator === 'lt') && !/^[+-]?\d+$/.test(values[0] ?? '')) {
    errs.push(`values[0]: Invalid value: ${JSON.stringify(values[0])}: for 'Gt', 'Lt' operators, the value must be an integer`)
  }
  values.forEach((v, i) => {
    const e = isValidLabelValue(v)
    if (e.length) errs.push(`values[${i}][${key}]: Invalid value: ${JSON.stringify(v)}: ${e.join('; ')}`)
  })
  if (errs.length) throw new Error(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`)
  return { key, operator, values }
}

/** Parse a selector string; throws SelectorParseError with upstream's message. Sorted by key. */
export function parseSelector(s: string): Selector {
  const reqs = new Parser(lex(s)).parse()
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

export function matchRequirement(r: Requirement, labels: Labels): boolean {
  const has = !!labels && Object.prototype.hasOwnProperty.call(labels, r.key)
  const val = has ? labels![r.key] : undefined
  switch (r.operator) {
    case 'in': case '=': case '==': return has && r.values.includes(val!)
    case 'notin': case '!=': return !has || !r.values.includes(val!)
    case 'exists': return has
    case '!': return !has
    case 'gt': case 'lt': {
      if (!has || !/^[+-]?\d+$/.test(val!)) return false
      const a = Number(val)
      const b = Number(r.values[0])
      return r.operator === 'gt' ? a > b : a < b
    }
  }
}

export function matchSelector(sel: Selector, labels: Labels): boolean {
  return sel.every((r) => matchRequirement(r, labels))
}

/** Parse and match in one call (for one-off checks; parse once when matching many objects). */
export function matchesSelectorString(selector: string | undefined, labels: Labels): boolean {
  return !selector ? true : matchSelector(parseSelector(selector), labels)
}

/** upstream Requirement.String(): `app=web`, `env in (a,b)`, `!legacy`. */
export function requirementToString(r: Requirement): string {
  switch (r.operator) {
    case 'exists': return r.key
    case '!': return `!${r.key}`
    case 'in': case 'notin': return `${r.key} ${r.operator} (${[...r.values].sort().join(',')})`
    case 'gt': return `${r.key}>${r.values[0]}`
    case 'lt': return `${r.key}<${r.values[0]}`
    default: return `${r.key}${r.operator}${r.values[0]}`
  }
}

export function selectorToString(sel: Selector): string {
  return sel.map(requirementToString).join(',')
}

/** A map selector (`matchLabels`, a Service's `spec.selector`) as a string: `app=web,tier=fe`. */
export function selectorFromSet(set: Record<string, string> | undefined): string {
  return Object.keys(set ?? {}).sort().map((k) => `${k}=${set![k]}`).join(',')
}

export interface LabelSelectorRequirement { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }
export interface LabelSelector { matchLabels?: Record<string, string>; matchExpressions?: LabelSelectorRequirement[] }

/** metav1.LabelSelectorAsSelector, as a Selector. An empty selector matches everything. */
export function fromLabelSelector(ls: LabelSelector | undefined): Selector {
  const reqs: Requirement[] = []
  for (const [k, v] of Object.entries(ls?.matchLabels ?? {})) reqs.push({ key: k, operator: '=', values: [v] })
  for (const e of ls?.matchExpressions ?? []) {
    const op: Operator = e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator === 'Exists' ? 'exists' : '!'
    reqs.push({ key: e.key, operator: op, values: [...(e.values ?? [])] })
  }
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

// --- label key/value rules (k8s.io/apimachinery/pkg/util/validation, v1.30), upstream's exact words.
// They live here because selectors validate keys and values while parsing; the API server's
// admission uses the same functions (engine/apiserver/validation/strings.ts re-exports them).

/** upstream RegexError: `msg (e.g. 'a',  or 'b', regex used for validation is 'fmt')`. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`
  let s = `${msg} (e.g. `
  examples.forEach((e, i) => { s += `${i > 0 ? ' or ' : ''}'${e}', ` })
  return `${s}regex used for validation is '${fmt}')`
}

export const maxLenError = (n: number) => `must be no more than ${n} characters`
export const EMPTY_ERROR = 'must be non-empty'
export const inclusiveRangeError = (lo: number, hi: number) => `must be between ${lo} and ${hi}, inclusive`

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const DNS1123_LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
/** 63: a DNS label's limit, so namespace and container names fit in a DNS name. */
export const DNS1123_LABEL_MAX = 63
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`
const DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
/** 253: a full DNS name's limit; most object names are subdomains. */
export const DNS1123_SUBDOMAIN_MAX = 253
const labelRe = new RegExp(`^${DNS1123_LABEL_FMT}$`)
const subdomainRe = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`)

export function isDNS1123Label(v: string): string[] {
  const errs: string[] = []
  if (v.length > DNS1123_LABEL_MAX) errs.push(maxLenError(DNS1123_LABEL_MAX))
  if (!labelRe.test(v)) {
    if (subdomainRe.test(v)) errs.push('must not contain dots')
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'))
  }
  return errs
}

export function isDNS1123Subdomain(v: string): string[] {
  const errs: string[] = []
  if (v.length > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX))
  if (!subdomainRe.test(v)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'))
  return errs
}

const QNAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const QNAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
/** 63: the name part of a label key (after the optional `prefix/`). */
export const QUALIFIED_NAME_MAX = 63
const qnameRe = new RegExp(`^${QNAME_FMT}$`)

/** Label keys, annotation keys, and other "qualified names": `[prefix/]name`. */
export function isQualifiedName(v: string): string[] {
  const errs: string[] = []
  const parts = v.split('/')
  let name: string
  if (parts.length === 1) name = parts[0]
  else if (parts.length === 2) {
    const prefix = parts[0]
    name = parts[1]
    if (prefix.length === 0) errs.push(`prefix part ${EMPTY_ERROR}`)
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`))
  } else {
    return [`a qualified name ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]
  }
  if (name.length === 0) errs.push(`name part ${EMPTY_ERROR}`)
  else if (name.length > QUALIFIED_NAME_MAX) errs.push(`name part ${maxLenError(QUALIFIED_NAME_MAX)}`)
  if (!qnameRe.test(name)) errs.push(`name part ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')}`)
  return errs
}

const LABEL_VALUE_FMT = `(${QNAME_FMT})?`
const LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
/** 63 characters, like a label key's name part. */
export const LABEL_VALUE_MAX = 63
const labelValueRe = new RegExp(`^${LABEL_VALUE_FMT}$`)

export function isValidLabelValue(v: string): string[] {
  const errs: string[] = []
  if (v.length > LABEL_VALUE_MAX) errs.push(maxLenError(LABEL_VALUE_MAX))
  if (!labelValueRe.test(v)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'))
  return errs
}

const CONFIG_KEY_FMT = '[-._a-zA-Z0-9]+'
const CONFIG_KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'"
const configKeyRe = new RegExp(`^${CONFIG_KEY_FMT}$`)

/** `.`, `..` and a `..` prefix are refused in keys and names that become file names. */
export function hasChDirPrefix(v: string): string[] {
  if (v === '.') return ["must not be '.'"]
  if (v === '..') return ["must not be '..'"]
  if (v.startsWith('..')) return ["must not start with '..'"]
  return []
}

/** validation.IsConfigMapKey (ConfigMap and Secret keys): `[-._a-zA-Z0-9]+`, ≤ 253, not `.`/`..`/`..x`. */
export function isConfigMapKey(v: string): string[] {
  const errs: string[] = []
  if (v.length > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX))
  if (!configKeyRe.test(v)) errs.push(regexError(CONFIG_KEY_MSG, CONFIG_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'))
  errs.push(...hasChDirPrefix(v))
  return errs
}
