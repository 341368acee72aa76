import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs } from '../testing/harness'

type C = { name: string; image: string; env?: Array<Record<string, unknown>>; resources?: unknown }
function cluster(): FakeApi {
  const api = new FakeApi()
  api.create('deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: {
    initContainers: [{ name: 'init', image: 'busybox' }],
    containers: [{ name: 'nginx', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }, { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }, { name: 'side', image: 'redis' }],
  } } } })
  api.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: {} })
  api.writes = []
  return api
}
const spec = (api: FakeApi) => (api.get('deployments', 'default', 'web').spec as { template: { spec: { containers: C[]; initContainers: C[] } } }).template.spec

describe('kubectl set image', () => {
  it('updates named containers (init containers too) and says so', async () => {
    const api = cluster()
    expect(await kubectl(api, newFs(), 'set image deployment/web nginx=nginx:1.26')).toEqual({ code: 0, out: 'deployment.apps/web image updated\n', err: '' })
    expect(spec(api).containers.map((c) => c.image)).toEqual(['nginx:1.26', 'redis'])
    expect(await kubectl(api, newFs(), 'set image deploy web *=alpine')).toEqual({ code: 0, out: 'deployment.apps/web image updated\n', err: '' })
    expect([...spec(api).initContainers, ...spec(api).containers].map((c) => c.image)).toEqual(['alpine', 'alpine', 'alpine'])
    // Nothing changes: nothing printed, nothing written (upstream skips an empty patch).
    api.writes = []
    expect(await kubectl(api, newFs(), 'set image deploy/web nginx=alpine')).toEqual({ code: 0, out: '', err: '' })
    expect(api.writes).toEqual([])
  })

  it('mistakes in kubectl\'s words, nothing half-applied', async () => {
    const api = cluster()
    expect(await kubectl(api, newFs(), 'set image deployment/web x=nginx')).toEqual({ code: 1, out: '', err: 'error: unable to find container named "x"\n' })
    expect(await kubectl(api, newFs(), 'set image deployment/web')).toEqual({ code: 1, out: '', err: 'error: at least one image update is required\n' })
    expect(await kubectl(api, newFs(), 'set image nginx=nginx')).toEqual({ code: 1, out: '', err: 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n' })
    expect(await kubectl(api, newFs(), 'set image deploy/web *=a nginx=b')).toEqual({ code: 1, out: '', err: 'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n' })
    expect(await kubectl(api, newFs(), 'set image deploy/web nginx=b web')).toEqual({ code: 1, out: '', err: 'error: all resources must be specified before image changes: web\n' })
    expect(await kubectl(api, newFs(), 'set image configmap/cfg nginx=b')).toEqual({ code: 1, out: '', err: 'error: configmap/cfg the object is not a pod or does not have a pod template: *v1.ConfigMap\n' })
    expect(api.writes).toEqual([])
  })

  it('--record is deprecated but still writes the change cause', async () => {
    const api = cluster()
    const r = await kubectl(api, newFs(), 'set image deployment web nginx=nginx:1.26 --record')
    expect(r).toEqual({ code: 0, out: 'deployment.apps/web image updated\n', err: 'Flag --record has been deprecated, --record will be removed in the future\n' })
    expect(api.get('deployments', 'default', 'web').metadata.annotations?.['kubernetes.io/change-cause']).toBe('kubectl set image deployment web nginx=nginx:1.26 --record=true')
  })
})

describe('kubectl set env', () => {
  it('adds, replaces and removes variables; -c picks containers', async () => {
    const api = cluster()
    expect(await kubectl(api, newFs(), 'set env deploy/web -c nginx A=2 B=x POD-')).toEqual({ code: 0, out: 'deployment.apps/web env updated\n', err: '' })
    expect(spec(api).containers[0].env).toEqual([{ name: 'A', value: '2' }, { name: 'B', value: 'x' }])
    expect(spec(api).containers[1].env).toBeUndefined()
    expect(await kubectl(api, newFs(), 'set env deploy/web A- B-')).toEqual({ code: 0, out: 'deployment.apps/web env updated\n', err: '' })
    expect(spec(api).containers[0].env).toBeUndefined()
  })

  it('--from=configmap/NAME injects one valueFrom variable per key (--keys, --prefix)', async () => {
    const api = cluster()
    api.update('configmaps', { ...api.get('configmaps', 'default', 'cfg'), data: { 'app.color': 'blue', size: 'L' } })
    expect(await kubectl(api, newFs(), 'set env deploy/web -c side --from=configmap/cfg --prefix=MY_')).toEqual({ code: 0, out: 'deployment.apps/web env updated\n', err: '' })
    expect(spec(api).containers[1].env).toEqual([
      { name: 'MY_APP_COLOR', valueFrom: { configMapKeyRef: { key: 'app.color', name: 'cfg' } } },
      { name: 'MY_SIZE', valueFrom: { configMapKeyRef: { key: 'size', name: 'cfg' } } },
    ])
    await kubectl(api, newFs(), 'set env deploy/web -c nginx --from=cm/cfg --keys=size')
    expect(spec(api).containers[0].env?.map((e) => e.name)).toEqual(['A', 'POD', 'SIZE'])
    expect(await kubectl(api, newFs(), 'set env deploy/web --keys=size')).toEqual({ code: 1, out: '', err: 'error: when specifying --keys, a configmap or secret must be provided with --from\n' })
    expect((await kubectl(api, newFs(), 'set env deploy/web --from=deploy/web')).err).toBe('error: unsupported resource specified in --from\n')
  })

  it('--list prints each container\'s environment', async () => {
    expect(await kubectl(cluster(), newFs(), 'set env deployment/web --list -c nginx')).toEqual({ code: 0, err: '',
      out: '# Deployment web, container nginx\nA=1\n# POD from field path metadata.name\n' })
  })

  it('mistakes', async () => {
    const api = cluster()
    expect(await kubectl(api, newFs(), 'set env deploy/web A=1 A-')).toEqual({ code: 1, out: '', err: 'error: can not both modify and remove an environment variable in the same command\n' })
    expect((await kubectl(api, newFs(), 'set env deploy/web 1A=1')).err).toMatch(/^error: "1A" is not a valid key name: a valid environment variable name must consist of/)
    expect(await kubectl(api, newFs(), 'set env deploy/web -c nope A=1')).toEqual({ code: 0, out: '', err: 'warning: Deployment/web does not have any containers matching "nope"\n' })
    expect(await kubectl(api, newFs(), 'set env deploy/web A=9 --overwrite=false')).toEqual({ code: 1, out: '', err: "error: deployment.apps/web 'A' already has a value (1), and --overwrite is false\n" })
    expect(api.writes).toEqual([])
  })
})

describe('kubectl set resources', () => {
  it('sets limits and requests on the selected containers', async () => {
    const api = cluster()
    expect(await kubectl(api, newFs(), 'set resources deployment web -c=nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m')).toEqual({ code: 0, out: 'deployment.apps/web resource requirements updated\n', err: '' })
    expect(spec(api).containers[0].resources).toEqual({ limits: { cpu: '200m', memory: '512Mi' }, requests: { cpu: '100m' } })
    expect(spec(api).containers[1].resources).toBeUndefined()
  })

  it('mistakes', async () => {
    const api = cluster()
    expect(await kubectl(api, newFs(), 'set resources deploy/web')).toEqual({ code: 1, out: '', err: 'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n' })
    expect(await kubectl(api, newFs(), 'set resources deploy/web --limits=cpu')).toEqual({ code: 1, out: '', err: 'error: Invalid argument syntax cpu, expected <resource>=<value>\n' })
    expect(await kubectl(api, newFs(), 'set resources deploy/web -c x --limits=cpu=1')).toEqual({ code: 1, out: '', err: 'error: unable to find container named x\n' })
    expect(api.writes).toEqual([])
  })
})
