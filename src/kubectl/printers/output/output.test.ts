import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { parse } from 'yaml'
import { printObjects, resourceName } from './index'
import { toYAML, yamlKeyLess } from './yaml'
import { NOW, runningPod, appConfig, minikubeNode } from '../testdata/fixtures'
import type { KubeObject } from '../../../api/types'

const print = (objs: KubeObject[], output: string, extra: Record<string, unknown> = {}) =>
  printObjects(objs, { now: NOW, output, asList: objs.length !== 1, ...extra })
const text = (r: { text: string } | { error: string }) => ('text' in r ? r.text : `ERROR ${r.error}`)

describe('-o yaml / json', () => {
  it('prints a pod as kubectl -o yaml', async () => await expect(text(print([runningPod], 'yaml'))).toMatchFileSnapshot('./__golden__/pod.yaml'))
  it('prints a configmap with a literal block', async () => await expect(text(print([appConfig], 'yaml'))).toMatchFileSnapshot('./__golden__/configmap.yaml'))
  it('prints a list as kubectl -o json', async () => await expect(text(print([runningPod, minikubeNode], 'json'))).toMatchFileSnapshot('./__golden__/list.json'))
  it('wraps several objects in a List', () => {
    const y = text(print([appConfig, appConfig], 'yaml'))
    expect(y.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  data:\n')).toBe(true)
    expect(y.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true)
  })
  it('quotes like go-yaml v2', () => {
    expect(toYAML({ a: 'true', b: '80', c: '', d: '2026-01-01T00:00:00Z', e: 'nginx:1.25', f: '*', g: "it's: x", h: 'a\tb', y: 1, n: null, x: {}, l: [] }))
      .toBe('a: "true"\nb: "80"\nc: ""\nd: "2026-01-01T00:00:00Z"\ne: nginx:1.25\nf: \'*\'\ng: \'it\'\'s: x\'\nh: "a\\tb"\nl: []\n"n": null\nx: {}\n"y": 1\n')
  })
  it('folds long strings at the first space past column 80', () => {
    const msg = '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available.'
    expect(toYAML({ status: { message: msg } })).toBe(
      'status:\n  message: \'0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:\n    }. preemption: 0/1 nodes are available.\'\n')
  })
  it('sorts keys in yaml.v2 natural order', () => {
    expect(['b10', 'b9', 'a', 'B'].sort((x, y) => (yamlKeyLess(x, y) ? -1 : 1))).toEqual(['B', 'a', 'b9', 'b10'])
  })
  it('property: yaml output parses back to the same object', () => {
    const key = fc.string({ minLength: 1, maxLength: 8 })
    const scalar = fc.oneof(fc.string({ maxLength: 100 }), fc.integer(), fc.boolean(), fc.constant(null),
      fc.constantFrom('true', '80', '', '2026-01-01T00:00:00Z', 'a: b', '- x', 'multi\nline\n', ' lead', 'trail ', '#c', 'x #y', '0x1F', '1e3', '~', 'y', 'a\tb'))
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 3 })),
    })).node
    fc.assert(fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), (obj) => {
      expect(parse(toYAML(obj))).toEqual(obj) // YAML 1.2 core schema: our quoting covers everything it types
    }), { numRuns: 300 })
  })
})

describe('-o name, jsonpath, custom-columns, errors', () => {
  it('prints kind/name with the group', () => {
    expect(text(print([runningPod, minikubeNode], 'name'))).toBe('pod/web\nnode/minikube\n')
    expect(resourceName({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } })).toBe('deployment.apps/web')
  })
  it('prints jsonpath over the list or the single object', () => {
    expect(text(print([runningPod], 'jsonpath={.status.podIP}'))).toBe('10.244.0.5')
    expect(text(print([runningPod, minikubeNode], 'jsonpath={range .items[*]}{.metadata.name}{"\\n"}{end}'))).toBe('web\nminikube\n')
    expect(text(print([runningPod], 'jsonpath={.metadata.labels}'))).toBe('{"app":"web"}')
  })
  it('prints custom columns', () => {
    expect(text(print([runningPod, minikubeNode], 'custom-columns=NAME:.metadata.name,IP:.status.podIP,LABELS:.metadata.labels')))
      .toBe('NAME       IP           LABELS\nweb        10.244.0.5   map[app:web]\nminikube   <none>       ' +
        'map[beta.kubernetes.io/arch:amd64 beta.kubernetes.io/os:linux kubernetes.io/arch:amd64 kubernetes.io/hostname:minikube kubernetes.io/os:linux minikube.k8s.io/name:minikube minikube.k8s.io/primary:true node-role.kubernetes.io/control-plane: node.kubernetes.io/exclude-from-external-load-balancers:]\n')
    expect(print([runningPod], 'custom-columns=NAME')).toEqual({ error: 'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>' })
    expect(print([runningPod], 'custom-columns=')).toEqual({ error: 'error: custom-columns format specified but no custom columns given' })
  })
  it('rejects unknown formats in kubectl words', () => {
    expect(print([runningPod], 'foo')).toEqual({ error: 'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml' })
    expect(print([runningPod], 'jsonpath=')).toEqual({ error: 'error: template format specified but no template given' })
    expect(print([runningPod], 'go-template={{.metadata.name}}')).toEqual({ error: 'error: -o go-template is not supported in this lab yet; try -o jsonpath=... or -o custom-columns=...' })
  })
  it('sorts with --sort-by', () => {
    const pods = ['web-10', 'web-9', 'api'].map((n) => ({ ...runningPod, metadata: { ...runningPod.metadata, name: n } }))
    expect(text(print(pods, 'name', { sortBy: '.metadata.name' }))).toBe('pod/api\npod/web-9\npod/web-10\n')
    expect(print(pods, 'name', { sortBy: '.spec.nope' })).toEqual({ error: 'error: couldn\'t find any field with path "{.spec.nope}" in the list of objects' })
  })
})

describe('tables through printObjects', () => {
  it('prints plain and wide tables, one per kind', () => {
    expect(text(print([runningPod], ''))).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          10m\n')
    const both = text(print([runningPod, minikubeNode], ''))
    expect(both).toBe('NAME      READY   STATUS    RESTARTS   AGE\npod/web   1/1     Running   0          10m\n\n' +
      'NAME            STATUS   ROLES           AGE   VERSION\nnode/minikube   Ready    control-plane   70m   v1.30.0\n')
  })
})
