import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs, startKubectl, TestSignal } from '../testing/harness'
import { addPod, podYaml } from '../testing/fixtures'

describe('kubectl get', () => {
  it('says no resources found on stderr, in kubectl\'s words', async () => {
    const api = new FakeApi()
    expect(await kubectl(api, newFs(), 'get pods')).toEqual({ code: 0, out: '', err: 'No resources found in default namespace.\n' })
    expect((await kubectl(api, newFs(), 'get pods -n kube-public')).err).toBe('No resources found in kube-public namespace.\n')
    expect((await kubectl(api, newFs(), 'get pods -A')).err).toBe('No resources found\n')
    expect((await kubectl(api, newFs(), 'get nodes')).err).toBe('No resources found\n')
  })

  it('prints a table, and kind-prefixed blocks for several types', async () => {
    const api = new FakeApi()
    addPod(api, 'web')
    api.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { a: '1' } })
    const one = await kubectl(api, newFs(), 'get pods')
    expect(one.code).toBe(0)
    expect(one.out.split('\n')[0]).toBe('NAME   READY   STATUS   RESTARTS   AGE')
    const two = await kubectl(api, newFs(), 'get pods,configmaps')
    const blocks = two.out.split('\n\n')
    expect(blocks).toHaveLength(2)
    expect(blocks[0]).toMatch(/^NAME +READY/)
    expect(blocks[0]).toContain('pod/web')
    expect(blocks[1]).toMatch(/^NAME +DATA +AGE\nconfigmap\/cfg +1 /)
    const bare = await kubectl(api, newFs(), 'get pods,configmaps --no-headers')
    expect(bare.out.split('\n').filter(Boolean)).toHaveLength(2)
    expect(bare.out).not.toContain('\n\n')
  })

  it('prints the found objects and the NotFound error for the missing one', async () => {
    const api = new FakeApi()
    addPod(api, 'web')
    const r = await kubectl(api, newFs(), 'get pods web nope -o name')
    expect(r).toEqual({ code: 1, out: 'pod/web\n', err: 'Error from server (NotFound): pods "nope" not found\n' })
    expect(await kubectl(api, newFs(), 'get pods nope --ignore-not-found')).toEqual({ code: 0, out: '', err: '' })
  })

  it('TYPE/NAME and selectors', async () => {
    const api = new FakeApi()
    addPod(api, 'a', 'default', { app: 'web' })
    addPod(api, 'b', 'default', { app: 'db' })
    expect((await kubectl(api, newFs(), 'get pod/a pod/b -o name')).out).toBe('pod/a\npod/b\n')
    expect((await kubectl(api, newFs(), 'get pods -l app=db -o name')).out).toBe('pod/b\n')
    expect((await kubectl(api, newFs(), 'get pods --field-selector metadata.name=a -o name')).out).toBe('pod/a\n')
  })

  it('-f names the objects from a manifest', async () => {
    const api = new FakeApi()
    addPod(api, 'web')
    const fs = newFs({ '/home/learner/web.yaml': podYaml('web') })
    expect((await kubectl(api, fs, 'get -f web.yaml -o name')).out).toBe('pod/web\n')
    expect((await kubectl(api, fs, 'get -f nope.yaml')).err).toBe('error: the path "nope.yaml" does not exist\n')
  })

  it('a selector the server rejects keeps kubectl\'s context', async () => {
    const api = new FakeApi()
    expect(await kubectl(api, newFs(), 'get pods --field-selector foo')).toEqual({
      code: 1, out: '',
      err: 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo": invalid selector: \'foo\'; can\'t understand \'foo\'\n',
    })
  })

  it('unknown and missing types', async () => {
    const api = new FakeApi()
    expect(await kubectl(api, newFs(), 'get foo')).toEqual({ code: 1, out: '', err: 'error: the server doesn\'t have a resource type "foo"\n' })
    const r = await kubectl(api, newFs(), 'get')
    expect(r.code).toBe(1)
    expect(r.err).toBe('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n')
  })

  it('-o yaml of one object is the object; of a list, a List', async () => {
    const api = new FakeApi()
    addPod(api, 'web')
    expect((await kubectl(api, newFs(), 'get pod web -o yaml')).out).toMatch(/^apiVersion: v1\nkind: Pod\n/)
    expect((await kubectl(api, newFs(), 'get pods -o yaml')).out).toMatch(/^apiVersion: v1\nitems:\n/)
  })

  it('-w prints the table, then a row per change, until Ctrl-C', async () => {
    const api = new FakeApi()
    addPod(api, 'web')
    const signal = new TestSignal()
    const run = startKubectl(api, newFs(), 'get pods -w', { signal })
    await Promise.resolve()
    await new Promise((r) => setImmediate(r))
    expect(run.result.out.split('\n').filter(Boolean)).toHaveLength(2)
    addPod(api, 'db')
    api.delete('pods', 'default', 'web')
    signal.abort()
    const r = await run.done
    expect(r.code).toBe(130)
    const lines = r.out.split('\n').filter(Boolean)
    expect(lines).toHaveLength(4)
    expect(lines[2]).toMatch(/^db +0\/1/)
    expect(lines[3]).toMatch(/^web +0\/1/)
  })
})
