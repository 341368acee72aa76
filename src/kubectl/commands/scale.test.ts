import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs } from '../testing/harness'

function cluster(): FakeApi {
  const api = new FakeApi()
  for (const [name, replicas, tier] of [['web', 2, 'front'], ['api', 1, 'back']] as const) {
    api.create('deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default', labels: { tier } }, spec: { replicas, selector: { matchLabels: { app: name } }, template: {} } })
  }
  api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })
  api.writes = []
  return api
}
const replicas = (api: FakeApi, name: string) => (api.get('deployments', 'default', name).spec as { replicas: number }).replicas

describe('kubectl scale', () => {
  it('scales one or several objects, by TYPE/NAME, TYPE NAME..., -l and --all', async () => {
    const api = cluster()
    expect(await kubectl(api, newFs(), 'scale deployment/web --replicas=3')).toEqual({ code: 0, out: 'deployment.apps/web scaled\n', err: '' })
    expect(replicas(api, 'web')).toBe(3)
    expect(await kubectl(api, newFs(), 'scale deploy web api --replicas=0')).toEqual({ code: 0, out: 'deployment.apps/web scaled\ndeployment.apps/api scaled\n', err: '' })
    expect((await kubectl(api, newFs(), 'scale deploy -l tier=back --replicas=4')).out).toBe('deployment.apps/api scaled\n')
    expect(replicas(api, 'api')).toBe(4)
    expect((await kubectl(api, newFs(), 'scale deploy --all --replicas=1')).out).toBe('deployment.apps/api scaled\ndeployment.apps/web scaled\n')
  })

  it('--current-replicas is a precondition; --dry-run writes nothing', async () => {
    const api = cluster()
    expect(await kubectl(api, newFs(), 'scale --current-replicas=3 --replicas=5 deployment/web')).toEqual({ code: 1, out: '', err: 'error: Expected replicas to be 3, was 2\n' })
    expect(await kubectl(api, newFs(), 'scale deploy/web --replicas=5 --dry-run=client')).toEqual({ code: 0, out: 'deployment.apps/web scaled (dry run)\n', err: '' })
    expect(api.writes).toEqual([])
    expect(await kubectl(api, newFs(), 'scale --current-replicas=2 --replicas=5 deployment/web')).toEqual({ code: 0, out: 'deployment.apps/web scaled\n', err: '' })
    expect(replicas(api, 'web')).toBe(5)
  })

  it('--timeout waits for status.replicas and says when it never comes', async () => {
    const api = cluster()
    expect(await kubectl(api, newFs(), 'scale deploy/web --replicas=3 --timeout=5s')).toEqual({ code: 1, out: '', err: 'error: timed out waiting for "web" to be synced\n' })
    expect(replicas(api, 'web')).toBe(3) // the scale itself was sent, as upstream's
    api.update('deployments', { ...api.get('deployments', 'default', 'api'), status: { replicas: 2 } })
    expect(await kubectl(api, newFs(), 'scale deploy/api --replicas=2 --timeout=5s')).toEqual({ code: 0, out: 'deployment.apps/api scaled\n', err: '' })
  })

  it('learner mistakes in kubectl\'s words', async () => {
    const api = cluster()
    expect(await kubectl(api, newFs(), 'scale deploy/web')).toEqual({ code: 1, out: '', err: 'error: required flag(s) "replicas" not set\n' })
    expect(await kubectl(api, newFs(), 'scale deploy/web --replicas=-1')).toEqual({ code: 1, out: '', err: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n' })
    expect(await kubectl(api, newFs(), 'scale deploy/web --replicas=2 --current-replicas=-2')).toEqual({ code: 1, out: '', err: 'error: The --current-replicas must specify an integer of -1 or greater\n' })
    expect((await kubectl(api, newFs(), 'scale --replicas=2')).err).toMatch(/^error: You must provide one or more resources by argument or filename\./)
    expect(await kubectl(api, newFs(), 'scale deploy --replicas=2')).toEqual({ code: 1, out: '', err: 'error: resource(s) were provided, but no name was specified\n' })
    expect(await kubectl(api, newFs(), 'scale pod/solo --replicas=2')).toEqual({ code: 1, out: '', err: 'Error from server (NotFound): the server could not find the requested resource\n' })
    expect((await kubectl(api, newFs(), 'scale deploy/nope --replicas=2')).err).toMatch(/^Error from server \(NotFound\): deployments(\.apps)? "nope" not found\n$/)
    expect(api.writes).toEqual([])
  })
})
