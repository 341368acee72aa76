import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs } from '../testing/harness'

describe('kubectl create namespace|configmap', () => {
  it('create namespace', async () => {
    const api = new FakeApi()
    expect(await kubectl(api, newFs(), 'create namespace dev')).toEqual({ code: 0, out: 'namespace/dev created\n', err: '' })
    expect(await kubectl(api, newFs(), 'create ns dev')).toEqual({ code: 1, out: '', err: 'Error from server (AlreadyExists): namespaces "dev" already exists\n' })
    expect((await kubectl(api, newFs(), 'create namespace')).err).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n")
  })

  it('create configmap from literals, files and env files', async () => {
    const api = new FakeApi()
    const fs = newFs({ '/home/learner/app.properties': 'color=blue\n', '/home/learner/app.env': '# c\nA=1\n\nB=two\n' })
    expect((await kubectl(api, fs, 'create configmap c1 --from-literal=a=1 --from-literal=b=x=y')).out).toBe('configmap/c1 created\n')
    expect(api.get('configmaps', 'default', 'c1').data).toEqual({ a: '1', b: 'x=y' })
    await kubectl(api, fs, 'create cm c2 --from-file=app.properties --from-file=k=app.properties')
    expect(api.get('configmaps', 'default', 'c2').data).toEqual({ 'app.properties': 'color=blue\n', k: 'color=blue\n' })
    await kubectl(api, fs, 'create configmap c3 --from-env-file=app.env')
    expect(api.get('configmaps', 'default', 'c3').data).toEqual({ A: '1', B: 'two' })
  })

  it('configmap mistakes create nothing', async () => {
    const api = new FakeApi()
    api.writes = []
    expect((await kubectl(api, newFs(), 'create configmap c --from-literal=a=1 --from-literal=a=2')).err).toBe('error: cannot add key "a", another key by that name already exists in Data for ConfigMap "c"\n')
    expect((await kubectl(api, newFs(), 'create configmap c --from-literal=novalue')).err).toBe('error: invalid literal source novalue, expected key=value\n')
    expect((await kubectl(api, newFs(), 'create configmap c --from-file=missing.txt')).err).toBe('error: error reading missing.txt: no such file or directory\n')
    expect((await kubectl(api, newFs(), "create configmap c --from-literal='a b=1'")).err).toBe(`error: "a b" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`)
    expect(api.writes).toEqual([])
  })

  it('--dry-run=client -o yaml', async () => {
    const r = await kubectl(new FakeApi(), newFs(), 'create configmap c --from-literal=a=b --dry-run=client -o yaml')
    expect(r.out).toBe('apiVersion: v1\ndata:\n  a: b\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c\n')
  })
})
