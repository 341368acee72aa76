import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs } from '../testing/harness'
import { addPod, getPod, podYaml } from '../testing/fixtures'

describe('kubectl replace', () => {
  it('replaces the live object with the manifest', async () => {
    const api = new FakeApi()
    addPod(api, 'web', 'default', { old: 'x' })
    const fs = newFs({ '/home/learner/web.yaml': podYaml('web', { image: 'nginx:1.26' }) })
    expect(await kubectl(api, fs, 'replace -f web.yaml')).toEqual({ code: 0, out: 'pod/web replaced\n', err: '' })
    const pod = getPod(api, 'web')
    expect(pod.spec?.containers[0].image).toBe('nginx:1.26')
    expect(pod.metadata.labels).toBeUndefined()
  })

  it('NotFound names the file; --force deletes and re-creates', async () => {
    const api = new FakeApi()
    const fs = newFs({ '/home/learner/web.yaml': podYaml('web') })
    expect(await kubectl(api, fs, 'replace -f web.yaml')).toEqual({ code: 1, out: '', err: 'Error from server (NotFound): error when replacing "web.yaml": pods "web" not found\n' })
    addPod(api, 'web')
    const uid = getPod(api, 'web').metadata.uid
    expect((await kubectl(api, fs, 'replace --force -f web.yaml')).out).toBe('pod "web" deleted\npod/web replaced\n')
    expect(getPod(api, 'web').metadata.uid).not.toBe(uid)
  })
})
