import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs } from '../testing/harness'

describe('kubectl create secret generic', () => {
  it('creates from literals, files and env files, base64-encoded', async () => {
    const api = new FakeApi()
    const fs = newFs({ '/home/learner/id_rsa': 'KEY\n', '/home/learner/db.env': '# db\nUSER=admin\nPASS=s3cr3t\n' })
    expect(await kubectl(api, fs, 'create secret generic db --from-literal=password=s3cr3t --from-file=ssh=id_rsa')).toEqual({ code: 0, out: 'secret/db created\n', err: '' })
    expect(api.get('secrets', 'default', 'db').data).toEqual({ password: 'czNjcjN0', ssh: 'S0VZCg==' })
    await kubectl(api, fs, 'create secret generic env --from-env-file=db.env')
    expect(api.get('secrets', 'default', 'env').data).toEqual({ USER: 'YWRtaW4=', PASS: 'czNjcjN0' })
    await kubectl(api, fs, 'create secret generic typed --type=kubernetes.io/basic-auth --from-literal=username=a')
    expect(api.get('secrets', 'default', 'typed').type).toBe('kubernetes.io/basic-auth')
  })

  it('--dry-run=client -o yaml prints the object kubectl would send', async () => {
    const r = await kubectl(new FakeApi(), newFs(), 'create secret generic s --from-literal=a=b --dry-run=client -o yaml')
    expect(r.out).toBe('apiVersion: v1\ndata:\n  a: Yg==\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: s\n')
  })

  it('mistakes create nothing and use kubectl words', async () => {
    const api = new FakeApi()
    api.writes = []
    expect((await kubectl(api, newFs(), 'create secret generic s --from-literal=a=1 --from-literal=a=2')).err).toBe('error: cannot add key a, another key by that name already exists\n')
    expect((await kubectl(api, newFs(), 'create secret generic s --from-literal=novalue')).err).toBe('error: invalid literal source novalue, expected key=value\n')
    expect((await kubectl(api, newFs(), 'create secret generic s --from-file=missing.txt')).err).toBe('error: error reading missing.txt: no such file or directory\n')
    expect((await kubectl(api, newFs(), "create secret generic s --from-literal='a b=1'")).err).toBe(`error: "a b" is not valid key name for a Secret a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`)
    expect((await kubectl(api, newFs({ '/home/learner/e.env': 'A=1\n' }), 'create secret generic s --from-env-file=e.env --from-literal=a=1')).err).toBe('error: from-env-file cannot be combined with from-file or from-literal\n')
    expect((await kubectl(api, newFs(), 'create secret generic')).err).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create secret generic -h' for help and examples\n")
    expect(api.writes).toEqual([])
  })

  it('an existing secret: the wrapped server error', async () => {
    const api = new FakeApi()
    await kubectl(api, newFs(), 'create secret generic s --from-literal=a=1')
    expect(await kubectl(api, newFs(), 'create secret generic s --from-literal=a=1')).toEqual({ code: 1, out: '', err: 'error: failed to create secret: secrets "s" already exists\n' })
  })

  it('tls and docker-registry are not in the lab yet; bare `create secret` prints its help', async () => {
    expect((await kubectl(new FakeApi(), newFs(), 'create secret tls t --cert=a --key=b')).err).toBe('error: kubectl create secret tls is not supported in Kubelab yet\n')
    const help = await kubectl(new FakeApi(), newFs(), 'create secret')
    expect(help.code).toBe(0)
    expect(help.out).toContain('Create a secret with specified type.')
    expect(help.out).toContain('generic')
  })

  it('get and describe', async () => {
    const api = new FakeApi()
    await kubectl(api, newFs(), 'create secret generic db --type=Opaque --from-literal=password=s3cr3t --from-literal=user=admin')  // the real server defaults the type; the fake does not
    const got = await kubectl(api, newFs(), 'get secrets')
    expect(got.out).toMatch(/^NAME\s+TYPE\s+DATA\s+AGE\ndb\s+Opaque\s+2\s+\S+\n$/)
    expect((await kubectl(api, newFs(), 'describe secret db')).out).toBe(
      'Name:         db\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  6 bytes\nuser:      5 bytes\n')
  })
})
