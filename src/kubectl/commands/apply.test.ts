import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs } from '../testing/harness'
import { getPod, podYaml } from '../testing/fixtures'
import { LAST_APPLIED_ANNOTATION } from '../apply/lastapplied'

const W = '/home/learner'

describe('kubectl apply', () => {
  it('creates, then is unchanged, then configured', async () => {
    const api = new FakeApi()
    const fs = newFs({ [`${W}/web.yaml`]: podYaml('web', { labels: { app: 'web' } }) })
    expect(await kubectl(api, fs, 'apply -f web.yaml')).toEqual({ code: 0, out: 'pod/web created\n', err: '' })
    const live = api.get('pods', 'default', 'web')
    expect(live.metadata.annotations?.[LAST_APPLIED_ANNOTATION]).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx:1.25","name":"web"}]}}\n')
    expect(await kubectl(api, fs, 'apply -f web.yaml')).toEqual({ code: 0, out: 'pod/web unchanged\n', err: '' })
    fs.writeFile(`${W}/web.yaml`, podYaml('web', { labels: { app: 'web' }, image: 'nginx:1.26' }))
    expect(await kubectl(api, fs, 'apply -f web.yaml')).toEqual({ code: 0, out: 'pod/web configured\n', err: '' })
    expect(getPod(api, 'web').spec?.containers[0].image).toBe('nginx:1.26')
  })

  it('three-way: removes what the manifest dropped, keeps what the server added', async () => {
    const api = new FakeApi()
    const fs = newFs({ [`${W}/web.yaml`]: podYaml('web', { labels: { app: 'web', tier: 'fe' } }) })
    await kubectl(api, fs, 'apply -f web.yaml')
    // Fields the server or controllers filled in are in neither manifest.
    api.patch('pods', 'default', 'web', 'strategic', { spec: { containers: [{ name: 'web', terminationMessagePath: '/dev/termination-log' }], nodeName: 'minikube' } })
    expect((await kubectl(api, fs, 'apply -f web.yaml')).out).toBe('pod/web unchanged\n')
    fs.writeFile(`${W}/web.yaml`, podYaml('web', { labels: { app: 'web' } }))
    expect((await kubectl(api, fs, 'apply -f web.yaml')).out).toBe('pod/web configured\n')
    const live = getPod(api, 'web')
    expect(live.metadata.labels).toEqual({ app: 'web' })
    expect(live.spec?.nodeName).toBe('minikube')
    expect(live.spec?.containers[0].terminationMessagePath).toBe('/dev/termination-log')
  })

  it('dry runs say so and write nothing', async () => {
    const api = new FakeApi()
    const fs = newFs({ [`${W}/web.yaml`]: podYaml('web') })
    expect((await kubectl(api, fs, 'apply -f web.yaml --dry-run=client')).out).toBe('pod/web created (dry run)\n')
    expect((await kubectl(api, fs, 'apply -f web.yaml --dry-run=server')).out).toBe('pod/web created (server dry run)\n')
    expect(api.writes).toEqual([])
    expect((await kubectl(api, fs, 'apply -f web.yaml --dry-run=maybe')).err).toBe('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n')
  })

  it('applies every valid document and lists the failures after, exit 1', async () => {
    const api = new FakeApi()
    const bad = podYaml('bad', { image: '""' })
    const fs = newFs({ [`${W}/all.yaml`]: `${podYaml('a')}---\n${bad}---\n${podYaml('b')}` })
    const r = await kubectl(api, fs, 'apply -f all.yaml')
    expect(r.out).toBe('pod/a created\npod/b created\n')
    expect(r.err).toBe('The Pod "bad" is invalid: spec.containers[0].image: Required value\n')
    expect(r.code).toBe(1)
    expect(() => api.get('pods', 'default', 'bad')).toThrow('pods "bad" not found')
  })

  it('several failures print one per line without the error: prefix', async () => {
    const api = new FakeApi()
    const fs = newFs({ [`${W}/x.yaml`]: `apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n---\n${podYaml('Web')}` })
    const r = await kubectl(api, fs, 'apply -f x.yaml')
    expect(r.code).toBe(1)
    expect(r.err).toBe([
      'resource mapping not found for name: "x" namespace: "" from "x.yaml": no matches for kind "Foo" in version "v1"',
      'ensure CRDs are installed first',
      'The Pod "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')',
      '',
    ].join('\n'))
    expect(api.writes).toEqual([])
  })

  it('a single non-API error gets the error: prefix; invalid YAML applies nothing from that document', async () => {
    const api = new FakeApi()
    const fs = newFs({ [`${W}/web.yaml`]: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n     image: nginx\n' })
    expect(await kubectl(api, fs, 'apply -f web.yaml')).toEqual({
      code: 1, out: '', err: 'error: error parsing web.yaml: error converting YAML to JSON: yaml: line 8: mapping values are not allowed in this context\n',
    })
    expect(api.writes).toEqual([])
  })

  it('missing -f, missing file, missing apiVersion/kind', async () => {
    const api = new FakeApi()
    expect((await kubectl(api, newFs(), 'apply')).err).toBe('error: must specify one of -f and -k\n')
    expect((await kubectl(api, newFs(), 'apply -f nope.yaml')).err).toBe('error: the path "nope.yaml" does not exist\n')
    const fs = newFs({ [`${W}/x.yaml`]: 'metadata:\n  name: x\n' })
    expect((await kubectl(api, fs, 'apply -f x.yaml')).err).toBe('error: error validating "x.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n')
  })

  it('--validate=false skips validation; the decoder then names the gap', async () => {
    const api = new FakeApi()
    const fs = newFs({ [`${W}/x.yaml`]: 'apiVersion: v1\nmetadata:\n  name: x\n' })
    expect((await kubectl(api, fs, 'apply -f x.yaml --validate=false')).err).toBe('error: unable to decode "x.yaml": Object \'Kind\' is missing in \'{"apiVersion":"v1","metadata":{"name":"x"}}\'\n')
    expect((await kubectl(api, fs, 'apply -f x.yaml --validate=maybe')).err).toBe('error: invalid - validate option "maybe"; must be one of: strict (or true), warn, ignore (or false)\n')
  })

  it('a manifest namespace that conflicts with -n is refused', async () => {
    const api = new FakeApi()
    api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } })
    const fs = newFs({ [`${W}/web.yaml`]: podYaml('web', { namespace: 'dev' }) })
    expect((await kubectl(api, fs, 'apply -f web.yaml -n prod')).err).toBe('error: the namespace from the provided object "dev" does not match the namespace "prod". You must pass \'--namespace=dev\' to perform this operation.\n')
    expect((await kubectl(api, fs, 'apply -f web.yaml')).out).toBe('pod/web created\n')
    expect(api.get('pods', 'dev', 'web').metadata.namespace).toBe('dev')
  })

  it('an object without a name is refused client-side, in upstream\'s words', async () => {
    const api = new FakeApi()
    const fs = newFs({ [`${W}/web.yaml`]: 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app: web\nspec:\n  containers:\n  - name: c\n    image: nginx\n' })
    expect(await kubectl(api, fs, 'apply -f web.yaml')).toEqual({
      code: 1, out: '',
      err: 'error: error when retrieving current configuration of:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "", Namespace: "default"\nfrom server for: "web.yaml": resource name may not be empty\n',
    })
    expect(api.writes).toEqual([])
  })

  it('reads stdin with -f -', async () => {
    const api = new FakeApi()
    expect((await kubectl(api, newFs(), 'apply -f -', { stdin: podYaml('web') })).out).toBe('pod/web created\n')
  })
})

describe('kubectl apply after create', () => {
  it('warns that the last-applied annotation is missing, then patches it in', async () => {
    const api = new FakeApi()
    const fs = newFs({ [`${W}/web.yaml`]: podYaml('web') })
    await kubectl(api, fs, 'create -f web.yaml')
    const r = await kubectl(api, fs, 'apply -f web.yaml')
    expect(r).toEqual({
      code: 0,
      out: 'pod/web configured\n',
      err: 'Warning: resource pods/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    })
    expect((await kubectl(api, fs, 'apply -f web.yaml')).out).toBe('pod/web unchanged\n')
  })
})

describe('kubectl create -f', () => {
  it('creates, then AlreadyExists names the file', async () => {
    const api = new FakeApi()
    const fs = newFs({ [`${W}/web.yaml`]: podYaml('web') })
    expect(await kubectl(api, fs, 'create -f web.yaml')).toEqual({ code: 0, out: 'pod/web created\n', err: '' })
    expect(api.get('pods', 'default', 'web').metadata.annotations).toBeUndefined()
    expect(await kubectl(api, fs, 'create -f web.yaml')).toEqual({ code: 1, out: '', err: 'Error from server (AlreadyExists): error when creating "web.yaml": pods "web" already exists\n' })
  })
})
