import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs, startKubectl, TestSignal } from '../testing/harness'
import { addPod, podYaml } from '../testing/fixtures'
import { FORCE_WARNING } from './delete'

describe('kubectl delete', () => {
  it('deletes by TYPE NAME and TYPE/NAME in kubectl 1.30 words', async () => {
    const api = new FakeApi()
    addPod(api, 'a'); addPod(api, 'b')
    expect(await kubectl(api, newFs(), 'delete pod a')).toEqual({ code: 0, out: 'pod "a" deleted\n', err: '' })
    expect(await kubectl(api, newFs(), 'delete pods/b')).toEqual({ code: 0, out: 'pod "b" deleted\n', err: '' })
  })

  it('NotFound, unless --ignore-not-found', async () => {
    const api = new FakeApi()
    expect(await kubectl(api, newFs(), 'delete pod web')).toEqual({ code: 1, out: '', err: 'Error from server (NotFound): pods "web" not found\n' })
    expect(await kubectl(api, newFs(), 'delete pod web --ignore-not-found')).toEqual({ code: 0, out: '', err: '' })
  })

  it('--force warns and force-deletes with grace 0', async () => {
    const api = new FakeApi()
    api.graceful = true
    addPod(api, 'web')
    expect(await kubectl(api, newFs(), 'delete pod web --force')).toEqual({ code: 0, out: 'pod "web" force deleted\n', err: `${FORCE_WARNING}\n` })
    expect(() => api.get('pods', 'default', 'web')).toThrow('not found')
  })

  it('waits until the object is really gone, printing first', async () => {
    const api = new FakeApi()
    api.graceful = true
    addPod(api, 'web')
    const run = startKubectl(api, newFs(), 'delete pod web')
    await new Promise((r) => setImmediate(r))
    expect(run.result).toEqual({ out: 'pod "web" deleted\n', err: '', code: -1 })
    api.finishDeletes()
    expect((await run.done).code).toBe(0)
  })

  it('--wait=false returns at once; Ctrl-C stops waiting', async () => {
    const api = new FakeApi()
    api.graceful = true
    addPod(api, 'a'); addPod(api, 'b')
    expect((await kubectl(api, newFs(), 'delete pod a --wait=false')).code).toBe(0)
    const signal = new TestSignal()
    const run = startKubectl(api, newFs(), 'delete pod b', { signal })
    await new Promise((r) => setImmediate(r))
    signal.abort()
    expect((await run.done).code).toBe(130)
  })

  it('-l, --all, and the no-name error', async () => {
    const api = new FakeApi()
    addPod(api, 'a', 'default', { app: 'web' }); addPod(api, 'b', 'default', { app: 'db' }); addPod(api, 'c')
    expect((await kubectl(api, newFs(), 'delete pods -l app=web')).out).toBe('pod "a" deleted\n')
    expect((await kubectl(api, newFs(), 'delete pods')).err).toBe('error: resource(s) were provided, but no name was specified\n')
    expect((await kubectl(api, newFs(), 'delete pods --all')).out).toBe('pod "b" deleted\npod "c" deleted\n')
    expect((await kubectl(api, newFs(), 'delete pods --all')).out).toBe('No resources found\n')
  })

  it('-f deletes what the manifest names; bad --cascade is refused', async () => {
    const api = new FakeApi()
    addPod(api, 'web')
    const fs = newFs({ '/home/learner/web.yaml': podYaml('web') })
    expect((await kubectl(api, fs, 'delete -f web.yaml')).out).toBe('pod "web" deleted\n')
    expect((await kubectl(api, fs, 'delete -f web.yaml')).err).toBe('Error from server (NotFound): error when deleting "web.yaml": pods "web" not found\n')
    expect((await kubectl(api, fs, 'delete pod web --cascade=maybe')).err).toBe('error: invalid cascade value (maybe). Must be "background", "foreground", or "orphan".\n')
    expect((await kubectl(api, fs, 'delete')).err).toMatch(/^error: You must provide one or more resources by argument or filename\./)
  })

  it('--now and --grace-period together are refused before anything is deleted', async () => {
    const api = new FakeApi()
    addPod(api, 'web')
    api.writes = []
    expect(await kubectl(api, newFs(), 'delete pod web --now --grace-period=5')).toEqual({ code: 1, out: '', err: 'error: --now and --grace-period cannot be specified together\n' })
    expect(api.writes).toEqual([])
  })

  it('--dry-run=client deletes nothing', async () => {
    const api = new FakeApi()
    addPod(api, 'web')
    api.writes = []
    expect((await kubectl(api, newFs(), 'delete pod web --dry-run=client')).out).toBe('pod "web" deleted (dry run)\n')
    expect(api.writes).toEqual([])
  })
})
