import { describe, it, expect } from 'vitest'
import { jsonMergePatch, strategicMergePatch, jsonPatch, PatchError } from './merge'

describe('JSON merge patch (RFC 7386)', () => {
  // Rows from RFC 7386 appendix A.
  const rows: [unknown, unknown, unknown][] = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ]
  it.each(rows)('%j + %j', (target, patch, want) => {
    expect(jsonMergePatch(target, patch)).toEqual(want)
  })
  it('does not touch its inputs', () => {
    const t = { a: { b: 1 } }
    jsonMergePatch(t, { a: { b: 2 } })
    expect(t).toEqual({ a: { b: 1 } })
  })
})

const podSpec = {
  spec: {
    containers: [
      { name: 'app', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80, protocol: 'TCP' }] },
      { name: 'side', image: 'busybox' },
    ],
    volumes: [{ name: 'data', emptyDir: {} }],
    tolerations: [{ key: 'a', operator: 'Exists' }],
  },
}

describe('strategic merge patch', () => {
  const rows: [string, unknown, (r: typeof podSpec) => unknown, unknown][] = [
    ['containers merge by name (image only)', { spec: { containers: [{ name: 'app', image: 'nginx:1.26' }] } }, (r) => r.spec.containers.map((c) => c.image), ['nginx:1.26', 'busybox']],
    ['a new container is appended', { spec: { containers: [{ name: 'new', image: 'redis' }] } }, (r) => r.spec.containers.map((c) => c.name), ['app', 'side', 'new']],
    ['env merges by name', { spec: { containers: [{ name: 'app', env: [{ name: 'B', value: 'x' }, { name: 'C', value: '3' }] }] } }, (r) => r.spec.containers[0].env, [{ name: 'A', value: '1' }, { name: 'B', value: 'x' }, { name: 'C', value: '3' }]],
    ['ports merge by containerPort', { spec: { containers: [{ name: 'app', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }] }] } }, (r) => r.spec.containers[0].ports, [{ containerPort: 80, protocol: 'TCP', name: 'http' }, { containerPort: 443 }]],
    ['volumes merge by name', { spec: { volumes: [{ name: 'cfg', configMap: { name: 'c' } }] } }, (r) => r.spec.volumes.map((v) => v.name), ['data', 'cfg']],
    ['$patch: delete removes a keyed item', { spec: { containers: [{ name: 'side', $patch: 'delete' }] } }, (r) => r.spec.containers.map((c) => c.name), ['app']],
    ['$patch: delete on env', { spec: { containers: [{ name: 'app', env: [{ name: 'A', $patch: 'delete' }] }] } }, (r) => r.spec.containers[0].env, [{ name: 'B', value: '2' }]],
    ['tolerations replace', { spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } }, (r) => r.spec.tolerations, [{ key: 'b', operator: 'Exists' }]],
    ['$patch: replace on a map', { spec: { $patch: 'replace', containers: [{ name: 'only', image: 'x' }] } }, (r) => r.spec, { containers: [{ name: 'only', image: 'x' }] }],
    ['$patch: replace as a list element', { spec: { volumes: [{ name: 'v2', emptyDir: {} }, { $patch: 'replace' }] } }, (r) => r.spec.volumes, [{ name: 'v2', emptyDir: {} }]],
    ['null deletes a field', { spec: { tolerations: null } }, (r) => 'tolerations' in r.spec, false],
  ]
  it.each(rows)('%s', (_name, patch, pick, want) => {
    expect(pick(strategicMergePatch(podSpec, patch) as typeof podSpec)).toEqual(want)
  })

  it('service ports merge by port', () => {
    const svc = { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } }
    expect(strategicMergePatch(svc, { spec: { ports: [{ port: 80, targetPort: 9090 }] } })).toEqual({ spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] } })
  })

  it('conditions merge by type; finalizers merge as a set', () => {
    const o = { metadata: { finalizers: ['a'] }, status: { conditions: [{ type: 'Ready', status: 'False' }] } }
    expect(strategicMergePatch(o, { metadata: { finalizers: ['b', 'a'] }, status: { conditions: [{ type: 'Ready', status: 'True' }] } }))
      .toEqual({ metadata: { finalizers: ['a', 'b'] }, status: { conditions: [{ type: 'Ready', status: 'True' }] } })
  })

  it('$setElementOrder (sent by kubectl apply) orders the merged list', () => {
    const patched = strategicMergePatch(podSpec, {
      spec: { '$setElementOrder/containers': [{ name: 'new' }, { name: 'app' }, { name: 'side' }], containers: [{ name: 'new', image: 'redis' }] },
    }) as typeof podSpec
    expect(patched.spec.containers.map((c) => c.name)).toEqual(['new', 'app', 'side'])
  })

  it('a keyed item without its merge key is an error', () => {
    expect(() => strategicMergePatch(podSpec, { spec: { containers: [{ image: 'x' }] } })).toThrow(PatchError)
  })
})

describe('JSON patch (RFC 6902)', () => {
  const doc = { a: { b: [1, 2, 3] }, c: 'x' }
  const rows: [string, unknown[], unknown][] = [
    ['add to object', [{ op: 'add', path: '/d', value: 1 }], { ...doc, d: 1 }],
    ['add into array', [{ op: 'add', path: '/a/b/1', value: 9 }], { a: { b: [1, 9, 2, 3] }, c: 'x' }],
    ['append with -', [{ op: 'add', path: '/a/b/-', value: 4 }], { a: { b: [1, 2, 3, 4] }, c: 'x' }],
    ['remove', [{ op: 'remove', path: '/c' }], { a: { b: [1, 2, 3] } }],
    ['remove from array', [{ op: 'remove', path: '/a/b/0' }], { a: { b: [2, 3] }, c: 'x' }],
    ['replace', [{ op: 'replace', path: '/c', value: 'y' }], { a: { b: [1, 2, 3] }, c: 'y' }],
    ['move', [{ op: 'move', from: '/c', path: '/d' }], { a: { b: [1, 2, 3] }, d: 'x' }],
    ['copy', [{ op: 'copy', from: '/a/b/0', path: '/e' }], { ...doc, e: 1 }],
    ['test then replace', [{ op: 'test', path: '/c', value: 'x' }, { op: 'replace', path: '/c', value: 'z' }], { ...doc, c: 'z' }],
    ['escaped pointer', [{ op: 'add', path: '/a~1b', value: 1 }], { ...doc, 'a/b': 1 }],
  ]
  it.each(rows)('%s', (_n, ops, want) => {
    expect(jsonPatch(doc, ops)).toEqual(want)
  })
  it('a failing test aborts the whole patch', () => {
    expect(() => jsonPatch(doc, [{ op: 'test', path: '/c', value: 'nope' }])).toThrow('testing value /c failed: test failed')
  })
  it('replace of a missing path fails', () => {
    expect(() => jsonPatch(doc, [{ op: 'replace', path: '/zz', value: 1 }])).toThrow(PatchError)
  })
  it('remove of a missing key fails', () => {
    expect(() => jsonPatch(doc, [{ op: 'remove', path: '/zz' }])).toThrow(PatchError)
  })
})
