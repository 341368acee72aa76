import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs } from '../testing/harness'
import { addPod } from '../testing/fixtures'

describe('kubectl label / annotate', () => {
  it('adds, refuses to overwrite without --overwrite, removes', async () => {
    const api = new FakeApi()
    addPod(api, 'web', 'default', { app: 'web' })
    expect(await kubectl(api, newFs(), 'label pod web tier=fe')).toEqual({ code: 0, out: 'pod/web labeled\n', err: '' })
    api.writes = []
    expect(await kubectl(api, newFs(), 'label pod web app=x')).toEqual({ code: 1, out: '', err: "error: 'app' already has a value (web), and --overwrite is false\n" })
    expect(api.writes).toEqual([])
    expect((await kubectl(api, newFs(), 'label pods/web app=x --overwrite')).out).toBe('pod/web labeled\n')
    expect((await kubectl(api, newFs(), 'label pod web app=x')).out).toBe('pod/web not labeled\n')
    expect((await kubectl(api, newFs(), 'label pod web tier-')).out).toBe('pod/web labeled\n')
    expect(api.get('pods', 'default', 'web').metadata.labels).toEqual({ app: 'x' })
    expect((await kubectl(api, newFs(), 'label pod web gone-')).out).toBe('label "gone" not found.\npod/web not labeled\n')
  })

  it('errors a learner can cause', async () => {
    const api = new FakeApi()
    addPod(api, 'web')
    expect((await kubectl(api, newFs(), 'label pod web')).err).toBe('error: at least one label update is required\n')
    expect((await kubectl(api, newFs(), 'label pod web a=b=c')).err).toBe('error: invalid label spec: a=b=c\n')
    expect((await kubectl(api, newFs(), 'label pod nope a=b')).err).toBe('Error from server (NotFound): pods "nope" not found\n')
    expect((await kubectl(api, newFs(), 'label pods a=b')).err).toBe('error: resource(s) were provided, but no name was specified\n')
  })

  it('--all and -l label many', async () => {
    const api = new FakeApi()
    addPod(api, 'a', 'default', { app: 'web' }); addPod(api, 'b')
    expect((await kubectl(api, newFs(), 'label pods --all env=dev')).out).toBe('pod/a labeled\npod/b labeled\n')
    expect((await kubectl(api, newFs(), 'label pods -l app=web env=prod --overwrite')).out).toBe('pod/a labeled\n')
  })

  it('annotate', async () => {
    const api = new FakeApi()
    addPod(api, 'web')
    expect((await kubectl(api, newFs(), "annotate pod web description='my frontend'")).out).toBe('pod/web annotated\n')
    expect(api.get('pods', 'default', 'web').metadata.annotations).toEqual({ description: 'my frontend' })
    expect((await kubectl(api, newFs(), 'annotate pod web description=other')).err).toBe("error: --overwrite is false but found the following declared annotation(s): 'description' already has a value (my frontend)\n")
    expect((await kubectl(api, newFs(), 'annotate pod web description-')).out).toBe('pod/web annotated\n')
  })
})
