import { describe, it, expect } from 'vitest'
import type { KubeObject } from '../../api/types'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs } from '../testing/harness'

function seed(): FakeApi {
  const api = new FakeApi()
  api.create('deployments', {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'hashicorp/http-echo', ports: [{ containerPort: 8000, protocol: 'TCP' }] }] } } },
  })
  api.create('deployments', {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'noports', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'np' } }, template: { metadata: { labels: { app: 'np' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
  })
  api.create('deployments', {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'expr', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'x' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }, template: { metadata: { labels: { app: 'x', tier: 'a' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
  })
  api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'lonely', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] } })
  api.create('pods', {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'dns', namespace: 'default', labels: { app: 'dns' } },
    spec: { containers: [{ name: 'c', image: 'coredns', ports: [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'TCP' }, { containerPort: 9153 }] }] },
  })
  api.create('daemonsets', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds', namespace: 'default' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [] } } } })
  api.writes = []
  return api
}
const svc = (api: FakeApi, name: string) => api.get('services', 'default', name) as KubeObject & { spec: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any

describe('kubectl expose', () => {
  it('exposes a deployment with the selector from matchLabels and the container port', async () => {
    const api = seed()
    expect(await kubectl(api, newFs(), 'expose deployment web')).toEqual({ code: 0, out: 'service/web exposed\n', err: '' })
    const s = svc(api, 'web')
    expect(s.metadata.labels).toEqual({ app: 'web' })
    expect(s.spec.selector).toEqual({ app: 'web' })
    expect(s.spec.ports).toEqual([{ port: 8000, protocol: 'TCP', targetPort: 8000 }])
    expect(api.writes.map((w) => w.verb + ' ' + w.resource)).toEqual(['create services'])
  })

  it('takes --port, --target-port, --type, --name and prints -o yaml with --dry-run=client', async () => {
    const api = seed()
    const r = await kubectl(api, newFs(), 'expose deploy/web --port=80 --target-port=8000 --type=NodePort --name=web-np --dry-run=client -o yaml')
    expect(r.out).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web-np
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 8000
  selector:
    app: web
  type: NodePort
status:
  loadBalancer: {}
`)
    expect(api.writes).toEqual([])
  })

  it('sets the namespace on a dry-run object only when -n is given', async () => {
    const api = seed()
    api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } })
    api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'x', labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } })
    const r = await kubectl(api, newFs(), 'expose pod p -n x --port=80 --dry-run=client -o yaml')
    expect(r.out).toContain('  name: p\n  namespace: x\n')
  })

  it('names several ports port-1, port-2 and splits a port served over two protocols', async () => {
    const api = seed()
    expect((await kubectl(api, newFs(), 'expose pod dns --cluster-ip=None')).out).toBe('service/dns exposed\n')
    const s = svc(api, 'dns')
    expect(s.spec.clusterIP).toBe('None')
    expect(s.spec.ports).toEqual([
      { name: 'port-1-udp', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'port-1-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      { name: 'port-2-udp', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'port-2-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      { name: 'port-3', port: 9153, protocol: 'TCP', targetPort: 9153 },
    ])
  })

  it('exposes a service again under another name, reusing its selector and ports', async () => {
    const api = seed()
    await kubectl(api, newFs(), 'expose deployment web --port=80 --target-port=http')
    expect(svc(api, 'web').spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 'http' }])
    const r = await kubectl(api, newFs(), 'expose svc web --name=web-lb --type=LoadBalancer --load-balancer-ip=172.17.255.10 --external-ip=192.168.49.2 -l tier=edge')
    expect(r).toEqual({ code: 0, out: 'service/web-lb exposed\n', err: '' })
    const s = svc(api, 'web-lb')
    expect(s.metadata.labels).toEqual({ tier: 'edge' })
    expect(s.spec).toMatchObject({ type: 'LoadBalancer', loadBalancerIP: '172.17.255.10', externalIPs: ['192.168.49.2'], selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] })
  })

  it('prints (server dry run) and writes nothing lasting', async () => {
    const api = seed()
    expect((await kubectl(api, newFs(), 'expose deployment web --dry-run=server')).out).toBe('service/web exposed (server dry run)\n')
    expect((await kubectl(api, newFs(), 'expose deployment web --dry-run=client')).out).toBe('service/web exposed (dry run)\n')
  })

  it('refuses what it cannot expose, in kubectl words, and writes nothing', async () => {
    const api = seed()
    const cases: Array<[string, string]> = [
      ['expose deployment noports', "error: couldn't find port via --port flag or introspection\n"],
      ['expose deployment expr --port=80', 'error: couldn\'t retrieve selectors via --selector flag or introspection: couldn\'t convert expressions - "[{Key:tier Operator:In Values:[a b]}]" to map-based selector format\n'],
      ['expose pod lonely', "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n"],
      ['expose ds ds --port=80', 'error: cannot expose a DaemonSet.apps\n'],
      ['expose deployment', 'error: resource(s) were provided, but no name was specified\n'],
      ['expose deployment web --port=http', 'error: strconv.Atoi: parsing "http": invalid syntax\n'],
      ['expose deployment web --session-affinity=Sticky', 'error: unknown session affinity: Sticky\n'],
      ['expose deployment web --selector=app', 'error: unexpected label spec: app\n'],
      ['expose widgets x', 'error: the server doesn\'t have a resource type "widgets"\n'],
    ]
    for (const [line, err] of cases) {
      const r = await kubectl(api, newFs(), line)
      expect({ line, err: r.err, code: r.code }).toEqual({ line, err, code: 1 })
    }
    // The fake names the resource without its group; the real API server says deployments.apps.
    expect((await kubectl(api, newFs(), 'expose deployment nope')).err).toMatch(/^Error from server \(NotFound\): deployments(\.apps)? "nope" not found\n$/)
    expect((await kubectl(api, newFs(), 'expose')).err).toContain('error: You must provide one or more resources by argument or filename.')
    expect(api.writes).toEqual([])
  })

  it('reports an existing service as the server does', async () => {
    const api = seed()
    await kubectl(api, newFs(), 'expose deployment web')
    const r = await kubectl(api, newFs(), 'expose deployment web')
    expect(r).toEqual({ code: 1, out: '', err: 'Error from server (AlreadyExists): services "web" already exists\n' })
  })

  it('exposes what a manifest names with -f', async () => {
    const api = seed()
    const fs = newFs({ '/home/learner/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fromfile\n  labels:\n    app: ff\nspec:\n  containers:\n  - name: c\n    image: nginx\n    ports:\n    - containerPort: 8080\n' })
    expect((await kubectl(api, fs, 'expose -f pod.yaml')).out).toBe('service/fromfile exposed\n')
    expect(svc(api, 'fromfile').spec.ports).toEqual([{ port: 8080, protocol: 'TCP', targetPort: 8080 }])
  })

  it('applies --overrides as a JSON merge patch', async () => {
    const api = seed()
    await kubectl(api, newFs(), ['expose', 'deployment', 'web', '--overrides', '{"spec":{"sessionAffinity":"ClientIP"}}'])
    expect(svc(api, 'web').spec.sessionAffinity).toBe('ClientIP')
  })
})
