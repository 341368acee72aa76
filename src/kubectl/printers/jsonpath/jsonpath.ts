// JSONPath evaluation, ported from k8s.io/client-go/util/jsonpath/jsonpath.go. Values are decoded
// JSON (objects, arrays, strings, numbers, booleans, null). Results of one action print joined by
// spaces; maps and lists print as compact JSON (json.Marshal), scalars as Go's fmt.Print would.

import { Parser } from './parser'
import type { JPNode, ListNode } from './nodes'
import { goJSON, goScalar, goType } from './gojson'

export class JSONPathError extends Error {}

type Value = unknown
const isMap = (v: Value): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** template.Less and friends for decoded JSON: numbers with numbers, strings with strings. */
function compare(op: string, left: Value, right: Value): boolean {
  const kind = (v: Value) => (typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'other')
  const kl = kind(left)
  const kr = kind(right)
  if (op === '==' || op === '!=') {
    if (kl === 'other' || kr === 'other') throw new JSONPathError('invalid type for comparison')
    if (kl !== kr) throw new JSONPathError('incompatible types for comparison')
    return op === '==' ? left === right : left !== right
  }
  if (kl === 'bool' || kl === 'other' || kr === 'bool' || kr === 'other') throw new JSONPathError('invalid type for comparison')
  if (kl !== kr) throw new JSONPathError('incompatible types for comparison')
  const a = left as number | string
  const b = right as number | string
  switch (op) {
    case '<': return a < b
    case '>': return a > b
    case '<=': return a <= b
    case '>=': return a >= b
  }
  throw new JSONPathError(`unrecognized filter operator ${op}`)
}

export class JSONPath {
  private parser: Parser | undefined
  private stack: Value[][] = []
  private lastEndNode: JPNode | undefined
  private beginRange = 0
  private inRange = 0
  private endRange = 0
  private allowMissingKeys = false
  private outputJSON = false

  constructor(private readonly name: string) {}

  setAllowMissingKeys(allow: boolean): this { this.allowMissingKeys = allow; return this }
  enableJSONOutput(v: boolean): this { this.outputJSON = v; return this }

  /** Throws JSONPathSyntaxError with upstream's parse messages. */
  parse(text: string): void {
    this.parser = Parser.parse(this.name, text)
  }

  execute(data: Value): string {
    let out = ''
    for (const results of this.findResults(data)) out += this.printResults(results)
    return out
  }

  findResults(data: Value): Value[][] {
    if (!this.parser) throw new JSONPathError(`${this.name} is an incomplete jsonpath template`)
    const cur = [data]
    const nodes = this.parser.root.nodes
    const full: Value[][] = []
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i])
      // encounter an end node, break the current block
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--
        this.lastEndNode = nodes[i]
        break
      }
      // encounter a range node, start a range loop
      if (this.beginRange > 0) {
        this.beginRange--
        this.inRange++
        if (results.length > 0) {
          for (const value of results) {
            this.parser.root.nodes = nodes.slice(i + 1)
            full.push(...this.findResults(value))
          }
        } else {
          // no items: still walk the body once so that the position advances to its end node
          this.parser.root.nodes = nodes.slice(i + 1)
          this.findResults(null)
        }
        this.inRange--
        this.stack.pop() // this range is closed; a later stray {end} finds the stack empty
        // fast forward to resume processing after the end node of this range
        const k = this.lastEndNode ? nodes.indexOf(this.lastEndNode, i + 1) : -1
        if (k < 0) break
        i = k
        continue
      }
      full.push(results)
    }
    return full
  }

  printResults(results: Value[]): string {
    if (this.outputJSON) results = [results]
    return results.map((r) => {
      if (this.outputJSON) return goJSON(r, '    ') + '\n'
      if (r !== null && typeof r === 'object') return goJSON(r)
      return goScalar(r) // a JSON null prints as Go's <nil>
    }).join(' ')
  }

  private walk(value: Value[], node: JPNode): Value[] {
    switch (node.type) {
      case 'list': return this.evalList(value, node)
      case 'text': return [node.text]
      case 'field': return this.evalField(value, node.value)
      case 'array': return this.evalArray(value, node)
      case 'filter': return this.evalFilter(value, node)
      case 'int':
      case 'float':
      case 'bool': return value.map(() => node.value)
      case 'wildcard': return this.evalWildcard(value)
      case 'recursive': return this.evalRecursive(value)
      case 'union': return node.nodes.flatMap((l) => this.evalList(value, l))
      case 'identifier': return this.evalIdentifier(value, node.name)
    }
  }

  private evalList(value: Value[], node: ListNode): Value[] {
    let cur = value
    for (const n of node.nodes) cur = this.walk(cur, n)
    return cur
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    switch (name) {
      case 'range':
        this.stack.push(input)
        this.beginRange++
        return input
      case 'end':
        if (this.endRange < this.inRange) { // inside a loop, break the current block
          this.endRange++
          return []
        }
        // the loop is about to end, pop value and continue the following execution
        if (this.stack.length === 0) throw new JSONPathError('not in range, nothing to end')
        this.stack.pop()
        return []
    }
    throw new JSONPathError(`unrecognized identifier ${name}`)
  }

  private evalArray(input: Value[], node: Extract<JPNode, { type: 'array' }>): Value[] {
    const result: Value[] = []
    for (const value of input) {
      if (value === null || value === undefined) continue
      if (!Array.isArray(value)) throw new JSONPathError(`${goType(value)} is not array or slice`)
      const len = value.length
      const p = node.params.map((x) => ({ ...x }))
      if (!p[0].known) p[0].value = 0
      if (p[0].value < 0) p[0].value += len
      if (!p[1].known) p[1].value = len
      if (p[1].value < 0 || (p[1].value === 0 && p[1].derived)) p[1].value += len
      if (p[1].value === p[0].value) continue // requesting zero elements is allowed
      if (p[0].value >= len || p[0].value < 0) throw new JSONPathError(`array index out of bounds: index ${p[0].value}, length ${len}`)
      if (p[1].value > len || p[1].value < 0) throw new JSONPathError(`array index out of bounds: index ${p[1].value - 1}, length ${len}`)
      if (p[0].value > p[1].value) throw new JSONPathError(`starting index ${p[0].value} is greater than ending index ${p[1].value}`)
      let step = 1
      if (p[2].known) {
        if (p[2].value <= 0) throw new JSONPathError('step must be > 0')
        step = p[2].value
      }
      for (let i = p[0].value; i < p[1].value; i += step) result.push(value[i])
    }
    return result
  }

  private evalField(input: Value[], name: string): Value[] {
    const results: Value[] = []
    if (input.length === 0) return results
    for (const value of input) {
      if (isMap(value) && Object.prototype.hasOwnProperty.call(value, name) && value[name] !== undefined) results.push(value[name])
    }
    if (results.length === 0) {
      if (this.allowMissingKeys) return results
      throw new JSONPathError(`${name} is not found`)
    }
    return results
  }

  private evalWildcard(input: Value[]): Value[] {
    const results: Value[] = []
    for (const value of input) {
      if (Array.isArray(value)) results.push(...value)
      else if (isMap(value)) results.push(...Object.values(value).filter((x) => x !== undefined))
      else if (typeof value === 'string') results.push(...[...value].map((c) => c.codePointAt(0)))
    }
    return results
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = []
    for (const value of input) {
      const children = this.evalWildcard([value])
      if (children.length !== 0) {
        result.push(value)
        result.push(...this.evalRecursive(children))
      }
    }
    return result
  }

  private evalFilter(input: Value[], node: Extract<JPNode, { type: 'filter' }>): Value[] {
    const results: Value[] = []
    for (const value of input) {
      if (!Array.isArray(value)) throw new JSONPathError(`${goScalar(value)} is not array or slice and cannot be filtered`)
      for (const item of value) {
        const temp = [item]
        if (node.operator === 'exists') {
          let lefts: Value[] = []
          try { lefts = this.evalList(temp, node.left) } catch { lefts = [] }
          if (lefts.length > 0) results.push(item)
          continue
        }
        const lefts = this.evalList(temp, node.left)
        if (lefts.length === 0) continue
        if (lefts.length > 1) throw new JSONPathError('can only compare one element at a time')
        const rights = this.evalList(temp, node.right)
        if (rights.length === 0) continue
        if (rights.length > 1) throw new JSONPathError('can only compare one element at a time')
        if (!['<', '>', '==', '!=', '<=', '>='].includes(node.operator)) throw new JSONPathError(`unrecognized filter operator ${node.operator}`)
        if (compare(node.operator, lefts[0], rights[0])) results.push(item)
      }
    }
    return results
  }
}
