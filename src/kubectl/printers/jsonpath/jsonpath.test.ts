// Cases copied from client-go/util/jsonpath/jsonpath_test.go (struct inputs rewritten as the JSON
// they decode to), plus kubectl's printer errors.
import { describe, it, expect } from 'vitest'
import { JSONPath, printJSONPath, relaxedJSONPathExpression } from './index'

function run(template: string, input: unknown, allowMissingKeys = false): string {
  const j = new JSONPath('test').setAllowMissingKeys(allowMissingKeys)
  j.parse(template)
  return j.execute(input)
}
function runError(template: string, input: unknown, allowMissingKeys = false): string {
  try { run(template, input, allowMissingKeys) } catch (e) { return (e as Error).message }
  return 'nil'
}

const types = {
  bools: [true, false, true, false], integers: [1, 2, 3, 4], floats: [1.0, 2.2, 3.3, 4.0], strings: ['one', 'two', 'three', 'four'],
  interfaces: [true, 'one', 1, 1.1],
  maps: [{ name: 'one', value: 1 }, { name: 'two', value: 2.02 }, { name: 'three', value: 3.03 }, { name: 'four', value: 4.04 }],
}
const store = {
  Name: 'jsonpath',
  Book: [
    { Category: 'reference', Author: 'Nigel Rees', Title: 'Sayings of the Centurey', Price: 8.95 },
    { Category: 'fiction', Author: 'Evelyn Waugh', Title: 'Sword of Honour', Price: 12.99 },
    { Category: 'fiction', Author: 'Herman Melville', Title: 'Moby Dick', Price: 8.99 },
  ],
  Bicycle: [{ Color: 'red', Price: 19.95, IsNew: true }, { Color: 'green', Price: 20.01, IsNew: false }],
  Labels: { engieer: 10, 'web/html': 15, 'k8s-app': 20 },
  Employees: { jason: 'manager', dan: 'clerk' },
}
const nodes = {
  kind: 'List',
  items: [
    { kind: 'None', metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } }, status: { capacity: { cpu: '4' }, ready: true, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] } },
    { kind: 'None', metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } }, status: { capacity: { cpu: '8' }, ready: false, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.2' }, { type: 'another', address: '127.0.0.3' }] } },
  ],
  users: [{ name: 'myself', user: {} }, { name: 'e2e', user: { username: 'admin', password: 'secret' } }],
}
const fake = (n: number) => ({ apiVersion: 'v1', kind: 'Pod', spec: { containers: Array.from({ length: n }, (_, i) => ({ image: 'radial/busyboxplus:curl', name: `fake${i}` })) } })

describe('jsonpath (upstream TestTypesInput)', () => {
  it.each([
    ['{ .bools }', '[true,false,true,false]'], ['{ .bools[0] }', 'true'], ['{ .bools[-1] }', 'false'], ['{ .bools[0:2] }', 'true false'],
    ['{ .bools[:2] }', 'true false'], ['{ .bools[:4:2] }', 'true true'], ['{ .integers }', '[1,2,3,4]'], ['{ .integers[0] }', '1'],
    ['{ .integers[-2] }', '3'], ['{ .integers[0:2] }', '1 2'], ['{ .integers[:4:2] }', '1 3'], ['{ .floats }', '[1,2.2,3.3,4]'],
    ['{ .floats[-2] }', '3.3'], ['{ .floats[:4:2] }', '1 3.3'], ['{ .strings }', '["one","two","three","four"]'], ['{ .strings[-2] }', 'three'],
    ['{ .strings[:4:2] }', 'one three'], ['{ .interfaces }', '[true,"one",1,1.1]'], ['{ .interfaces[:4:2] }', 'true 1'],
    ['{ .maps[0] }', '{"name":"one","value":1}'], ['{ .maps[::2] }', '{"name":"one","value":1} {"name":"three","value":3.03}'],
    ['{ .maps[1::2] }', '{"name":"two","value":2.02} {"name":"four","value":4.04}'],
  ])('%s -> %s', (tmpl, want) => expect(run(tmpl, types)).toBe(want))
})

describe('jsonpath (upstream TestStructInput, TestJSONInput, TestKubernetes)', () => {
  it.each<[string, unknown, string]>([
    ['hello jsonpath', null, 'hello jsonpath'], ['{..}', [1, 2, 3], '[1,2,3]'], ['{[?(@<5)]}', [2, 6, 3, 7], '2 3'], ['{"{"}', null, '{'],
    ['{[1,3,4]}', [0, 1, 2, 3, 4], '1 3 4'], ['{[0:2]}', ['Monday', 'Tudesday'], 'Monday Tudesday'], ['hello {.Name}', store, 'hello jsonpath'],
    ['{$.Labels.web/html}', store, '15'], ['{$.Employees.jason}', store, 'manager'], ['{.Labels.k8s-app}', store, '20'],
    ['{.Bicycle[*].Color}', store, 'red green'], ['{.Book[*].Author}', store, 'Nigel Rees Evelyn Waugh Herman Melville'],
    ['{range .Bicycle[*]}{ "{" }{ @.* }{ "} " }{end}', store, '{red 19.95 true} {green 20.01 false} '],
    ['{..Price}', store, '8.95 12.99 8.99 19.95 20.01'], ['{...Price}', store, '8.95 12.99 8.99 19.95 20.01'],
    ['{.Bicycle[?(@.IsNew==true)]}', store, '{"Color":"red","IsNew":true,"Price":19.95}'],
    ['{.Book[-1:]}', store, '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}'],
    ['{[?(@.z)].id}', [{ id: 'i1', x: 4, y: -5 }, { id: 'i2', x: -2, y: -5, z: 1 }, { id: 'i3', x: 8, y: 3 }, { id: 'i5', x: 0, y: 2, z: 1 }], 'i2 i5'],
    ['{[0][\'id\']}', [{ id: 'i1' }], 'i1'],
    ['{range .items[*]}{.metadata.name}, {end}{.kind}', nodes, '127.0.0.1, 127.0.0.2, List'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{end}', nodes, '127.0.0.1\t127.0.0.2\t'],
    ['{.items[*].status.addresses[*].address}', nodes, '127.0.0.1 127.0.0.2 127.0.0.3'],
    ['{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', nodes, '127.0.0.1, 127.0.0.2, 127.0.0.3, '],
    ['{.items[*].metadata.name}', nodes, '127.0.0.1 127.0.0.2'],
    ["{.items[*]['metadata.name', 'status.capacity']}", nodes, '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
    ['{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', nodes, '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
    ['{.users[?(@.name=="e2e")].user.password}', nodes, 'secret'],
    ['{.items[0].metadata.labels.kubernetes\\.io/hostname}', nodes, '127.0.0.1'],
    ['{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', nodes, 'None'],
    ['{.items[?(@..ready==true)].metadata.name}', nodes, '127.0.0.1'],
  ])('%s', (tmpl, input, want) => expect(run(tmpl, input)).toBe(want))

  it('fails like upstream', () => {
    expect(runError('{hello}', store)).toBe('unrecognized identifier hello')
    expect(runError('{.hello}', store)).toBe('hello is not found')
    expect(runError('{.Labels[0]}', store)).toBe('map[string]interface {} is not array or slice')
    expect(runError('{.Book[?(@.Price<>10)]}', store)).toBe('unrecognized filter operator <>')
    expect(runError('{range .Labels.*}{@}{end}{end}', store)).toBe('not in range, nothing to end')
    expect(() => run('{............................................................Price}', store)).toThrow('invalid multiple recursive descent')
  })
  it('tolerates missing keys when allowed', () => {
    expect(run('{.hello}', store, true)).toBe('')
    expect(run('before-{.hello}after', store, true)).toBe('before-after')
  })
})

describe('jsonpath ranges, negative indexes and steps (upstream)', () => {
  it('handles empty and nested ranges', () => {
    expect(run('{range .items[*]}{.metadata.name}{end}', { items: [] }, true)).toBe('')
    const data = { items: [
      { metadata: { name: 'pod1' }, spec: { containers: [{ name: 'foo', another: [{ name: 'value1' }, { name: 'value2' }] }, { name: 'bar', another: [{ name: 'value1' }, { name: 'value2' }] }] } },
      { metadata: { name: 'pod2' }, spec: { containers: [{ name: 'baz', another: [{ name: 'value1' }, { name: 'value2' }] }] } },
    ] }
    expect(run('{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', data)).toBe('pod1:foo,bar,+pod2:baz,+')
    expect(run('{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}', data))
      .toBe('pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#')
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}', data))
      .toBe('pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n')
  })
  it('filters with missing annotations', () => {
    const data = { kind: 'List', items: [
      { kind: 'Pod', metadata: { name: 'pod1', annotations: { color: 'blue' } } }, { kind: 'Pod', metadata: { name: 'pod2' } },
      { kind: 'Pod', metadata: { name: 'pod3', annotations: { color: 'green' } } }, { kind: 'Pod', metadata: { name: 'pod4', annotations: { color: 'blue' } } },
    ] }
    expect(run('{.items[?(@.metadata.annotations.color=="blue")].metadata.name}', data, true)).toBe('pod1 pod4')
    expect(runError('{.items[?(@.metadata.annotations.color=="blue")].metadata.name}', data, false)).toBe('annotations is not found')
    const running = { kind: 'List', items: [{ kind: 'Pod', metadata: { name: 'pod1' }, status: { phase: 'Running' } }, { kind: 'Pod', metadata: { name: 'pod2' }, status: { phase: 'Running' } }, { resourceVersion: '', selfLink: '' }] }
    expect(run('{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}', running, true)).toBe('pod1 is Running\npod2 is Running\n')
  })
  it.each<[string, string | null]>([
    ['{.spec.containers[0].name}', 'fake0'], ['{.spec.containers[0:0].name}', ''], ['{.spec.containers[0:-1].name}', 'fake0 fake1 fake2'],
    ['{.spec.containers[-1:0].name}', null], ['{.spec.containers[-1].name}', 'fake3'], ['{.spec.containers[-1:].name}', 'fake3'],
    ['{.spec.containers[-2].name}', 'fake2'], ['{.spec.containers[-2:].name}', 'fake2 fake3'], ['{.spec.containers[-3].name}', 'fake1'],
    ['{.spec.containers[-4].name}', 'fake0'], ['{.spec.containers[-4:].name}', 'fake0 fake1 fake2 fake3'], ['{.spec.containers[-5].name}', null],
    ['{.spec.containers[5:5].name}', ''], ['{.spec.containers[-5:-5].name}', ''], ['{.spec.containers[3:1].name}', null], ['{.spec.containers[-1:-2].name}', null],
  ])('negative index %s', (tmpl, want) => {
    if (want === null) expect(() => run(tmpl, fake(4))).toThrow()
    else expect(run(tmpl, fake(4))).toBe(want)
  })
  it.each<[string, string | null]>([
    ['{.spec.containers[0:].name}', 'fake0 fake1 fake2 fake3 fake4 fake5'], ['{.spec.containers[0:6:].name}', 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['{.spec.containers[0:6:1].name}', 'fake0 fake1 fake2 fake3 fake4 fake5'], ['{.spec.containers[0:6:0].name}', null], ['{.spec.containers[0:6:-1].name}', null],
    ['{.spec.containers[1:4:2].name}', 'fake1 fake3'], ['{.spec.containers[1:4:3].name}', 'fake1'], ['{.spec.containers[1:4:4].name}', 'fake1'],
    ['{.spec.containers[0:6:2].name}', 'fake0 fake2 fake4'], ['{.spec.containers[0:6:3].name}', 'fake0 fake3'], ['{.spec.containers[0:6:5].name}', 'fake0 fake5'],
    ['{.spec.containers[0:6:6].name}', 'fake0'],
  ])('step %s', (tmpl, want) => {
    if (want === null) expect(() => run(tmpl, fake(6))).toThrow()
    else expect(run(tmpl, fake(6))).toBe(want)
  })
})

describe('printJSONPath (kubectl -o jsonpath)', () => {
  const list = { apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } }
  it('reports parse errors in kubectl words', () => {
    expect(printJSONPath('{.foo', {})).toEqual({ error: 'error: error parsing jsonpath {.foo, unclosed action' })
    expect(printJSONPath('{#}', {})).toEqual({ error: "error: error parsing jsonpath {#}, unrecognized character in action: U+0023 '#'" })
  })
  it('reports execution errors with the debugging dump', () => {
    const r = printJSONPath('{.items[0].metadata.name}', list)
    expect('error' in r && r.error).toBe('error: error executing jsonpath "{.items[0].metadata.name}": Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging the template:\n' +
      '\ttemplate was:\n\t\t{.items[0].metadata.name}\n' +
      '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"v1", "items":[]interface {}{}, "kind":"List", "metadata":map[string]interface {}{"resourceVersion":""}}\n\n')
  })
  it('allows missing keys by default, not when disabled', () => {
    expect(printJSONPath('{.spec.foo}', { spec: {} })).toEqual({ text: '' })
    const r = printJSONPath('{.spec.foo}', { spec: {} }, { allowMissingKeys: false })
    expect('error' in r && r.error.split('\n')[0]).toBe('error: error executing jsonpath "{.spec.foo}": Error executing template: foo is not found. Printing more information for debugging the template:')
  })
  it('prints -o jsonpath-as-json', () => {
    expect(printJSONPath('{.items[*].n}', { items: [{ n: 'a' }, { n: 'b' }] }, { asJSON: true })).toEqual({ text: '[\n    "a",\n    "b"\n]\n' })
  })
  it('relaxes custom-column and sort-by expressions', () => {
    expect(['.a.b', 'a.b', '{.a.b}', '{a.b}'].map(relaxedJSONPathExpression)).toEqual(['{.a.b}', '{.a.b}', '{.a.b}', '{.a.b}'])
  })
})
