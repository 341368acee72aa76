import { describe, it, expect } from 'vitest'
import type { KubeObject } from '../../api/types'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs } from '../testing/harness'

const svc = (api: FakeApi, name: string) => api.get('services', 'default', name) as KubeObject & { spec: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any

describe('kubectl create service', () => {
  it('creates a ClusterIP service with selector app=NAME and named ports', async () => {
    const api = new FakeApi()
    expect(await kubectl(api, newFs(), 'create service clusterip my-cs --tcp=5678:8080 --tcp=80')).toEqual({ code: 0, out: 'service/my-cs created\n', err: '' })
    const s = svc(api, 'my-cs')
    expect(s.metadata.labels).toEqual({ app: 'my-cs' })
    expect(s.spec).toEqual({
      type: 'ClusterIP', selector: { app: 'my-cs' },
      ports: [{ name: '5678-8080', port: 5678, protocol: 'TCP', targetPort: 8080 }, { name: '80', port: 80, protocol: 'TCP', targetPort: 80 }],
    })
  })

  it('prints the generated object with -o yaml --dry-run=client', async () => {
    const api = new FakeApi()
    const r = await kubectl(api, newFs(), 'create svc nodeport my-ns --tcp=5678:http --node-port=30080 --dry-run=client -o yaml')
    expect(r.out).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: my-ns
  name: my-ns
spec:
  ports:
  - name: 5678-http
    nodePort: 30080
    port: 5678
    protocol: TCP
    targetPort: http
  selector:
    app: my-ns
  type: NodePort
status:
  loadBalancer: {}
`)
    expect(api.writes).toEqual([])
  })

  it('creates headless, LoadBalancer and ExternalName services', async () => {
    const api = new FakeApi()
    expect((await kubectl(api, newFs(), 'create service clusterip db --clusterip=None')).out).toBe('service/db created\n')
    expect(svc(api, 'db').spec).toEqual({ type: 'ClusterIP', clusterIP: 'None', selector: { app: 'db' } })
    expect((await kubectl(api, newFs(), 'create service loadbalancer my-lbs --tcp=5678:8080 --dry-run=server')).out).toBe('service/my-lbs created (server dry run)\n')
    expect((await kubectl(api, newFs(), 'create service externalname my-en --external-name bar.com')).out).toBe('service/my-en created\n')
    expect(svc(api, 'my-en').spec).toEqual({ type: 'ExternalName', externalName: 'bar.com', selector: { app: 'my-en' } })
  })

  it('refuses bad input in kubectl words and writes nothing', async () => {
    const api = new FakeApi()
    const cases: Array<[string, string]> = [
      ['create service clusterip my-cs', 'error: at least one tcp port specifier must be provided\n'],
      ['create service clusterip --tcp=80', "error: exactly one NAME is required, got 0\nSee 'kubectl create service clusterip -h' for help and examples\n"],
      ['create service nodeport a b --tcp=80', "error: exactly one NAME is required, got 2\nSee 'kubectl create service nodeport -h' for help and examples\n"],
      ['create service externalname my-en', 'error: required flag(s) "external-name" not set\n'],
      ['create service externalname my-en --external-name=bar_com', 'error: invalid service external name bar_com\n'],
      ['create service clusterip x --tcp=abc', 'error: strconv.ParseUint: parsing "abc": invalid syntax\n'],
      ['create service clusterip x --tcp=70000', 'error: strconv.ParseUint: parsing "70000": value out of range\n'],
      ['create service clusterip x --tcp=80:0', 'error: must be between 1 and 65535, inclusive\n'],
      ['create service clusterip x --tcp=80:Web_Port', 'error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)\n'],
    ]
    for (const [line, err] of cases) {
      const r = await kubectl(api, newFs(), line)
      expect({ line, err: r.err, code: r.code }).toEqual({ line, err, code: 1 })
    }
    expect(api.writes).toEqual([])
  })

  it('wraps a server refusal in "failed to create <Type> service"', async () => {
    const api = new FakeApi()
    await kubectl(api, newFs(), 'create service clusterip web --tcp=80')
    expect((await kubectl(api, newFs(), 'create service clusterip web --tcp=80')).err).toBe('error: failed to create ClusterIP service: services "web" already exists\n')
  })

  it('lists the four subcommands in help', async () => {
    const r = await kubectl(new FakeApi(), newFs(), 'create service --help')
    expect(r.out).toContain('Create a service using a specified subcommand.')
    for (const sub of ['clusterip', 'externalname', 'loadbalancer', 'nodeport']) expect(r.out).toContain(`  ${sub} `)
  })
})
