import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs } from '../testing/harness'

const cm = (v: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  a: "1"
  b: ${v}
`

describe('kubectl diff -f', () => {
  it('no differences: exit 0, nothing printed, nothing written', async () => {
    const api = new FakeApi()
    const fs = newFs({ '/home/learner/cm.yaml': cm('x') })
    expect((await kubectl(api, fs, 'apply -f cm.yaml')).code).toBe(0)
    api.writes = []
    expect(await kubectl(api, fs, 'diff -f cm.yaml')).toEqual({ code: 0, out: '', err: '' })
    expect(api.writes.filter((w) => !w.dryRun)).toEqual([])
  })

  it('a changed field prints a unified diff between LIVE and MERGED and exits 1', async () => {
    const api = new FakeApi()
    const fs = newFs({ '/home/learner/cm.yaml': cm('x') })
    await kubectl(api, fs, 'apply -f cm.yaml')
    fs.writeFile('/home/learner/cm.yaml', cm('y'))
    api.writes = []
    const r = await kubectl(api, fs, 'diff -f cm.yaml')
    expect(r.code).toBe(1)
    const lines = r.out.split('\n')
    expect(lines[0]).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/v1\.ConfigMap\.default\.cfg \/tmp\/MERGED-\d+\/v1\.ConfigMap\.default\.cfg$/)
    expect(lines[1]).toMatch(/^--- \/tmp\/LIVE-\d+\/v1\.ConfigMap\.default\.cfg\t2026-01-01 00:00:00\.000000000 \+0000$/)
    expect(lines[2]).toMatch(/^\+\+\+ \/tmp\/MERGED-\d+\/v1\.ConfigMap\.default\.cfg\t2026-01-01 00:00:00\.000000000 \+0000$/)
    expect(r.out).toContain('-  b: x\n+  b: "y"\n')
    expect(api.writes.every((w) => w.dryRun)).toBe(true)
    expect(api.get('configmaps', 'default', 'cfg').data).toEqual({ a: '1', b: 'x' })
  })

  it('a new object diffs against an absent file', async () => {
    const r = await kubectl(new FakeApi(), newFs({ '/home/learner/cm.yaml': cm('x') }), 'diff -f cm.yaml')
    expect(r.code).toBe(1)
    expect(r.out.split('\n')[1]).toMatch(/\t1970-01-01 00:00:00\.000000000 \+0000$/)
    expect(r.out).toMatch(/^@@ -0,0 \+1,\d+ @@$/m)
  })

  it('errors exit 2', async () => {
    expect(await kubectl(new FakeApi(), newFs(), 'diff')).toEqual({ code: 2, out: '', err: 'error: must specify one of -f and -k\n' })
    expect((await kubectl(new FakeApi(), newFs(), 'diff -f nope.yaml')).code).toBe(2)
  })
})
