import { describe, it, expect } from 'vitest'
import { TestCluster } from './TestCluster'
import type { KubeObject } from '../api/types'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

const NAME = /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/

function rsYaml(replicas: number, image = 'nginx:1.25'): string {
  return `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
`
}

function rsObject(replicas: number, extra: Loose = {}): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas, selector: { matchLabels: { app: 'web' } }, ...extra,
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
    },
  }
}

function barePod(name: string, spec: Loose = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }], ...spec } }
}

const events = (c: TestCluster, reason: string) =>
  c.api.list('events', { namespace: 'default' }).items.filter((e: Loose) => e.reason === reason && e.involvedObject.kind === 'ReplicaSet').map((e: Loose) => e.message as string)
const rs = (c: TestCluster) => c.api.get('replicasets', 'default', 'web') as Loose
const active = (c: TestCluster) => c.pods('app=web').filter((p) => !p.metadata.deletionTimestamp)

describe('ReplicaSet controller (scenarios)', () => {
  it('brings 3 replicas up Running with generated names, owner references, events and status', async () => {
    const c = new TestCluster({ files: [{ path: '/home/learner/rs.yaml', content: rsYaml(3) }] })
    const r = await c.run('kubectl apply -f rs.yaml')
    expect(r.output).toBe('replicaset.apps/web created\n')
    await c.advance('30s')
    c.expectPods('app=web', { total: 3, ready: 3, phase: 'Running' })
    const pods = c.pods('app=web')
    for (const p of pods) {
      expect(p.metadata.name).toMatch(NAME)
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs(c).metadata.uid, controller: true, blockOwnerDeletion: true }])
    }
    expect(events(c, 'SuccessfulCreate').sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort())
    expect(rs(c).status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 })
    const get = await c.run('kubectl get rs')
    expect(get.stdout.split('\n')[1]).toMatch(/^web\s+3\s+3\s+3\s+\d+s$/)
    expect(c.api.watchErrors).toEqual([])
  })

  it('replaces a deleted pod', async () => {
    const c = new TestCluster()
    c.api.create('replicasets', rsObject(2))
    await c.advance('30s')
    const [victim] = c.pods('app=web')
    await c.run(`kubectl delete pod ${victim.metadata.name}`)
    await c.advance('30s')
    c.expectPods('app=web', { total: 2, ready: 2, phase: 'Running' })
    expect(c.pods('app=web').map((p) => p.metadata.name)).not.toContain(victim.metadata.name)
    expect(events(c, 'SuccessfulCreate')).toHaveLength(3)
  })

  it('scaling 3 → 1 deletes the not-ready pod first, then the one ready for the shortest time', async () => {
    const c = new TestCluster()
    c.api.create('replicasets', rsObject(1))
    await c.advance('2m')
    const oldest = c.pods('app=web')[0].metadata.name
    await c.run('kubectl scale rs web --replicas=2')
    await c.advance('30s')
    // A matching orphan that can never schedule: adopted, Pending, unassigned, not ready.
    c.api.create('pods', barePod('stuck', { nodeSelector: { disk: 'none' } }))
    await c.advance('1s')
    expect(c.pods('app=web').find((p) => p.metadata.name === 'stuck')).toBeUndefined() // 3 > 2: deleted at once
    await c.run('kubectl scale rs web --replicas=3')
    await c.advance('1s')
    c.api.create('pods', barePod('stuck2', { nodeSelector: { disk: 'none' } }))
    await c.advance('1s')
    // 4 pods for 3 replicas: the unscheduled one goes.
    expect(active(c).map((p) => p.metadata.name)).not.toContain('stuck2')
    await c.advance('30s')
    await c.run('kubectl scale rs web --replicas=1')
    await c.advance('1m')
    expect(c.pods('app=web').map((p) => p.metadata.name)).toEqual([oldest])
    expect(events(c, 'SuccessfulDelete')).toContain('Deleted pod: stuck2')
  })

  it('changing the template leaves running pods alone', async () => {
    const c = new TestCluster()
    c.api.create('replicasets', rsObject(2))
    await c.advance('30s')
    const before = c.pods('app=web').map((p) => p.metadata.name).sort()
    const cur = rs(c)
    cur.spec.template.spec.containers[0].image = 'nginx:1.26'
    c.api.update('replicasets', cur)
    await c.advance('1m')
    expect(c.pods('app=web').map((p) => p.metadata.name).sort()).toEqual(before)
    const r = await c.run("kubectl get pods -l app=web -o jsonpath='{.items[*].spec.containers[0].image}'")
    expect(r.stdout).toBe('nginx:1.25 nginx:1.25')
    expect(rs(c).status.observedGeneration).toBe(2)
    // A replacement uses the new template.
    await c.run(`kubectl delete pod ${before[0]}`)
    await c.advance('30s')
    expect(c.pods('app=web').map((p) => p.spec.containers[0].image).sort()).toEqual(['nginx:1.25', 'nginx:1.26'])
  })

  it('adopts a matching orphan, and deletes one when a 4th matching pod appears', async () => {
    const c = new TestCluster()
    c.api.create('pods', barePod('lonely'))
    await c.advance('30s')
    c.api.create('replicasets', rsObject(3))
    await c.advance('30s')
    c.expectPods('app=web', { total: 3, ready: 3 })
    const lonely = c.api.get('pods', 'default', 'lonely') as Loose
    expect(lonely.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web', controller: true })
    expect(events(c, 'SuccessfulCreate')).toHaveLength(2)
    c.api.create('pods', barePod('extra'))
    await c.advance('30s')
    c.expectPods('app=web', { total: 3, ready: 3 })
    expect(events(c, 'SuccessfulDelete')).toEqual(['Deleted pod: extra'])
  })

  it('releases a pod whose labels stop matching, and replaces it', async () => {
    const c = new TestCluster()
    c.api.create('replicasets', rsObject(1))
    await c.advance('30s')
    const [p] = c.pods('app=web')
    await c.run(`kubectl label pod ${p.metadata.name} app=debug --overwrite`)
    await c.advance('30s')
    const released = c.api.get('pods', 'default', p.metadata.name) as Loose
    expect(released.metadata.ownerReferences).toBeUndefined()
    c.expectPods('app=web', { total: 1, ready: 1 })
  })

  it('deleting the ReplicaSet removes its pods; --cascade=orphan leaves them', async () => {
    const c = new TestCluster()
    c.api.create('replicasets', rsObject(2))
    await c.advance('30s')
    await c.run('kubectl delete rs web')
    await c.advance('1m')
    expect(c.pods('app=web')).toHaveLength(0)

    c.api.create('replicasets', rsObject(2))
    await c.advance('30s')
    const r = await c.run('kubectl delete rs web --cascade=orphan')
    expect(r.code).toBe(0)
    await c.advance('1m')
    c.expectPods('app=web', { total: 2, ready: 2, phase: 'Running' })
    for (const p of c.pods('app=web')) expect(p.metadata.ownerReferences).toBeUndefined()
  })

  it('--cascade=foreground: the pods go first, then the ReplicaSet, and nothing is recreated meanwhile', async () => {
    const c = new TestCluster()
    c.api.create('replicasets', rsObject(2))
    await c.advance('30s')
    const r = await c.run('kubectl delete rs web --cascade=foreground --wait=false')
    expect(r.output).toBe('replicaset.apps "web" deleted\n')
    expect(rs(c).metadata.finalizers).toEqual(['foregroundDeletion'])
    await c.advance('1m')
    expect(c.pods('app=web')).toHaveLength(0)
    expect(c.api.list('replicasets', { namespace: 'default' }).items).toHaveLength(0)
    expect(events(c, 'SuccessfulCreate')).toHaveLength(2)
  })

  it('availableReplicas honours minReadySeconds and appears on time', async () => {
    const c = new TestCluster()
    c.api.create('replicasets', rsObject(1, { minReadySeconds: 20 }))
    await c.advance('10s')
    const p = c.pods('app=web')[0]
    const readyAt = Date.parse(p.status.conditions.find((x: Loose) => x.type === 'Ready' && x.status === 'True').lastTransitionTime)
    expect(rs(c).status.readyReplicas).toBe(1)
    expect(rs(c).status.availableReplicas).toBeUndefined()
    await c.advance(readyAt + 20_000 - c.cluster.clock.now())
    expect(rs(c).status.availableReplicas).toBeUndefined() // strictly after ready + 20 s
    await c.advance(1)
    expect(rs(c).status.availableReplicas).toBe(1)
  })

  it('a failed create sets ReplicaFailure and a FailedCreate event', async () => {
    const c = new TestCluster()
    c.api.create('replicasets', rsObject(1))
    await c.advance('30s')
    // Template finalizers are not validated on the ReplicaSet, but the pods made from it are refused.
    const cur = rs(c)
    cur.spec.template.metadata.finalizers = ['Bad Finalizer']
    c.api.update('replicasets', cur)
    const [p] = c.pods('app=web')
    await c.run(`kubectl delete pod ${p.metadata.name}`)
    await c.advance('5s')
    const failed = events(c, 'FailedCreate')
    expect(failed[0]).toMatch(/^Error creating: Pod "web-[bcdfghjklmnpqrstvwxz2456789]{5}" is invalid: metadata\.finalizers\[0\]: Invalid value: "Bad Finalizer"/)
    const cond = rs(c).status.conditions?.[0]
    expect(cond).toMatchObject({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' })
    expect(cond.message).toMatch(/^Pod "web-\w{5}" is invalid/)
    // Fixing the template clears the condition on the next successful sync.
    const fixed = rs(c)
    delete fixed.spec.template.metadata.finalizers
    c.api.update('replicasets', fixed)
    await c.advance('5s')
    expect(rs(c).status.conditions).toBeUndefined()
    c.expectPods('app=web', { total: 1 })
  })
  it('deleting a namespace with a ReplicaSet in it finishes (no pod is recreated, no FailedCreate)', async () => {
    const c = new TestCluster()
    await c.run('kubectl create namespace shop')
    c.api.create('replicasets', { ...rsObject(2), metadata: { name: 'web', namespace: 'shop' } })
    await c.advance('30s')
    c.expectPods('app=web', { namespace: 'shop', total: 2, ready: 2 })
    const r = await c.run('kubectl delete namespace shop')
    expect(r.output).toBe('namespace "shop" deleted\n')
    await c.advance('2m')
    expect(c.api.list('namespaces').items.map((n) => n.metadata.name)).not.toContain('shop')
    expect(c.api.list('events').items.filter((e: Loose) => e.reason === 'FailedCreate')).toEqual([])
    expect(c.api.watchErrors).toEqual([])
  })
})
