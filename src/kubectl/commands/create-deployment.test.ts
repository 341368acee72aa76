import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs } from '../testing/harness'

const YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.25
        name: nginx
        ports:
        - containerPort: 80
        resources: {}
status: {}
`

describe('kubectl create deployment', () => {
  it('creates a Deployment labelled app=NAME with one container per image', async () => {
    const api = new FakeApi()
    expect(await kubectl(api, newFs(), 'create deployment web --image=nginx:1.25 --image=registry.k8s.io/busybox@sha256:abc --replicas=2')).toEqual({ code: 0, out: 'deployment.apps/web created\n', err: '' })
    const d = api.get('deployments', 'default', 'web') as unknown as { spec: { replicas: number; selector: unknown; template: { metadata: Record<string, unknown>; spec: { containers: Array<{ name: string; image: string }> } } } }
    expect(d.spec.replicas).toBe(2)
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'web' } })
    expect(d.spec.template.metadata).toEqual({ labels: { app: 'web' } })
    expect(d.spec.template.spec.containers.map((c) => [c.name, c.image])).toEqual([['nginx', 'nginx:1.25'], ['busybox', 'registry.k8s.io/busybox@sha256:abc']])
  })

  it('--dry-run=client -o yaml prints kubectl\'s YAML and creates nothing', async () => {
    const api = new FakeApi()
    const r = await kubectl(api, newFs(), 'create deploy web --image=nginx:1.25 --replicas=3 --port=80 --dry-run=client -o yaml')
    expect(r).toEqual({ code: 0, out: YAML, err: '' })
    expect(api.writes).toEqual([])
  })

  it('a command after -- goes to the container', async () => {
    const api = new FakeApi()
    await kubectl(api, newFs(), 'create deployment b --image=busybox -- sleep 3600')
    const c = (api.get('deployments', 'default', 'b').spec as { template: { spec: { containers: Array<Record<string, unknown>> } } }).template.spec.containers[0]
    expect(c.command).toEqual(['sleep', '3600'])
  })

  it('names with . or _ are sanitized and given a 5-character suffix', async () => {
    const r = await kubectl(new FakeApi(), newFs(), 'create deployment w --image=my_app.v2 --dry-run=client -o jsonpath={.spec.template.spec.containers[0].name}')
    expect(r.out).toMatch(/^my-app-v2-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
  })

  it('learner mistakes: exact words, nothing created', async () => {
    const api = new FakeApi()
    expect(await kubectl(api, newFs(), 'create deployment web')).toEqual({ code: 1, out: '', err: 'error: required flag(s) "image" not set\n' })
    expect(await kubectl(api, newFs(), 'create deployment --image=nginx')).toEqual({ code: 1, out: '', err: "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n" })
    expect(await kubectl(api, newFs(), 'create deployment a b --image=nginx')).toEqual({ code: 1, out: '', err: "error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n" })
    expect(await kubectl(api, newFs(), 'create deployment a --image=nginx --image=redis -- sleep 1')).toEqual({ code: 1, out: '', err: 'error: cannot specify multiple --image options and command\n' })
    expect(api.writes).toEqual([])
    await kubectl(api, newFs(), 'create deployment web --image=nginx')
    // (the real server's words, `deployments.apps "web" already exists`, are pinned in src/testing/kubectl/workloads.test.ts)
    const again = await kubectl(api, newFs(), 'create deployment web --image=nginx')
    expect(again.code).toBe(1)
    expect(again.err).toMatch(/^error: failed to create deployment: deployments(\.apps)? "web" already exists\n$/)
  })
})
