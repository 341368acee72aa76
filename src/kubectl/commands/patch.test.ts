import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs, startKubectl } from '../testing/harness'
import { addPod, getPod } from '../testing/fixtures'

describe('kubectl patch', () => {
  it('strategic (default), merge and json patches', async () => {
    const api = new FakeApi()
    addPod(api, 'web')
    expect(await kubectl(api, newFs(), `patch pod web -p '{"spec":{"containers":[{"name":"web","image":"nginx:1.26"}]}}'`)).toEqual({ code: 0, out: 'pod/web patched\n', err: '' })
    expect(getPod(api, 'web').spec?.containers[0].image).toBe('nginx:1.26')
    expect((await kubectl(api, newFs(), `patch pod web --type=merge -p '{"metadata":{"labels":{"a":"b"}}}'`)).out).toBe('pod/web patched\n')
    expect((await kubectl(api, newFs(), `patch pod web --type=merge -p '{"metadata":{"labels":{"a":"b"}}}'`)).out).toBe('pod/web patched (no change)\n')
    await kubectl(api, newFs(), `patch pod web --type=json -p '[{"op":"replace","path":"/metadata/labels/a","value":"c"}]'`)
    expect(getPod(api, 'web').metadata.labels).toEqual({ a: 'c' })
  })

  it('learner mistakes', async () => {
    const api = new FakeApi()
    addPod(api, 'web')
    expect((await kubectl(api, newFs(), 'patch pod web')).err).toBe("error: must specify --patch or --patch-file containing the contents of the patch\nSee 'kubectl patch -h' for help and examples\n")
    expect((await kubectl(api, newFs(), `patch pod web --type=foo -p '{}'`)).err).toBe('error: --type must be one of [json merge strategic], not "foo"\n')
    expect((await kubectl(api, newFs(), `patch pod nope -p '{}'`)).err).toBe('Error from server (NotFound): pods "nope" not found\n')
  })
})

describe('kubectl wait', () => {
  const ready = (status: string) => ({ status: { conditions: [{ type: 'Ready', status }] } })

  it('returns at once when the condition holds', async () => {
    const api = new FakeApi()
    addPod(api, 'web')
    api.patch('pods', 'default', 'web', 'merge', ready('True'))
    expect(await kubectl(api, newFs(), 'wait --for=condition=Ready pod/web')).toEqual({ code: 0, out: 'pod/web condition met\n', err: '' })
    expect((await kubectl(api, newFs(), "wait --for=jsonpath={.spec.containers[0].image}=nginx pod/web")).out).toBe('pod/web condition met\n')
  })

  it('waits for a change, or times out in kubectl\'s words', async () => {
    const api = new FakeApi()
    addPod(api, 'web')
    const run = startKubectl(api, newFs(), 'wait --for=condition=Ready pod/web', { frozenClock: true })
    await new Promise((r) => setImmediate(r))
    expect(run.result.code).toBe(-1)
    api.patch('pods', 'default', 'web', 'merge', ready('True'))
    expect(await run.done).toEqual({ code: 0, out: 'pod/web condition met\n', err: '' })
    // The harness clock's sleep returns at once: the deadline passes immediately.
    expect(await kubectl(api, newFs(), 'wait --for=condition=Ready=false pod/web --timeout=5s')).toEqual({ code: 1, out: '', err: 'error: timed out waiting for the condition on pods/web\n' })
  })

  it('errors', async () => {
    const api = new FakeApi()
    expect((await kubectl(api, newFs(), 'wait --for=ready pod/web')).err).toBe('error: unrecognized condition: "ready"\n')
    expect((await kubectl(api, newFs(), 'wait --for=condition=Ready pod/web')).err).toBe('Error from server (NotFound): pods "web" not found\n')
    expect((await kubectl(api, newFs(), 'wait --for=condition=Ready pods --all')).err).toBe('error: no matching resources found\n')
    expect((await kubectl(api, newFs(), 'wait --for=delete pod/web')).out).toBe('pod/web condition met\n')
  })
})
