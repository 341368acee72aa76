import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs } from '../testing/harness'
import { addPod } from '../testing/fixtures'

describe('kubectl describe', () => {
  it('describes by TYPE NAME, TYPE/NAME, TYPE and a name prefix', async () => {
    const api = new FakeApi()
    addPod(api, 'web-1'); addPod(api, 'web-2'); addPod(api, 'db')
    expect((await kubectl(api, newFs(), 'describe pod db')).out).toMatch(/^Name: +db\nNamespace: +default\n/)
    expect((await kubectl(api, newFs(), 'describe pods/db')).out).toMatch(/^Name: +db\n/)
    const all = (await kubectl(api, newFs(), 'describe pods')).out
    expect(all.match(/^Name: /gm)).toHaveLength(3)
    const prefix = (await kubectl(api, newFs(), 'describe pod web')).out
    expect(prefix.match(/^Name: +web-\d/gm)).toHaveLength(2)
  })

  it('-f describes what a manifest names', async () => {
    const api = new FakeApi()
    addPod(api, 'db')
    const fs = newFs({ '/home/learner/db.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\n' })
    expect((await kubectl(api, fs, 'describe -f db.yaml')).out).toMatch(/^Name: +db\n/)
  })

  it('not found, and nothing in the namespace', async () => {
    const api = new FakeApi()
    expect(await kubectl(api, newFs(), 'describe pod x')).toEqual({ code: 1, out: '', err: 'Error from server (NotFound): pods "x" not found\n' })
    expect(await kubectl(api, newFs(), 'describe pods')).toEqual({ code: 0, out: '', err: 'No resources found in default namespace.\n' })
  })
})

describe('kubectl explain', () => {
  it('explains a field path, and refuses unknown fields and types', async () => {
    const api = new FakeApi()
    const r = await kubectl(api, newFs(), 'explain pods.spec.restartPolicy')
    expect(r.out).toMatch(/^KIND:       Pod\nVERSION:    v1\n\nFIELD: restartPolicy <string>\n/)
    expect(await kubectl(api, newFs(), 'explain pods.spec.foo')).toEqual({ code: 1, out: '', err: 'error: field "foo" does not exist\n' })
    expect((await kubectl(api, newFs(), 'explain foo')).err).toBe('error: the server doesn\'t have a resource type "foo"\n')
  })
})

describe('describe/explain without a type', () => {
  it('asks for one, in upstream words', async () => {
    expect(await kubectl(new FakeApi(), newFs(), 'describe')).toEqual({ code: 1, out: '', err: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n' })
    expect((await kubectl(new FakeApi(), newFs(), 'explain')).err).toBe('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n')
  })
})
