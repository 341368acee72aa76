import { describe, it, expect, afterEach } from 'vitest'
import { harness, webDeployment, type Harness } from './testharness'
import { computeHash } from './util/hash'
import type { KubeObject } from '../../../api/types'
import { POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION } from './util/annotations'

let h: Harness
afterEach(() => { h?.stop(); expect(h?.errors ?? []).toEqual([]) })

const cond = (h: Harness, type: string) => h.deployment().status?.conditions?.find((c) => c.type === type)

describe('creating a Deployment', () => {
  it('creates <name>-<hash> with the hash label, a controller ref, and the revision annotations', () => {
    h = harness()
    h.create(webDeployment(3))
    h.clock.advance(0)
    const [rs] = h.rss()
    const hash = rs.metadata!.labels![POD_TEMPLATE_HASH_LABEL]
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/)
    expect(rs.metadata!.name).toBe(`web-${hash}`)
    expect(rs.spec!.selector!.matchLabels).toEqual({ app: 'web', [POD_TEMPLATE_HASH_LABEL]: hash })
    expect(rs.spec!.template!.metadata!.labels).toEqual({ app: 'web', [POD_TEMPLATE_HASH_LABEL]: hash })
    expect(rs.metadata!.ownerReferences).toMatchObject([{ kind: 'Deployment', name: 'web', controller: true }])
    expect(rs.metadata!.annotations).toMatchObject({ [REVISION_ANNOTATION]: '1', [DESIRED_REPLICAS_ANNOTATION]: '3', [MAX_REPLICAS_ANNOTATION]: '4' })
    expect(rs.spec!.replicas).toBe(3)
    expect(h.deployment().metadata!.annotations![REVISION_ANNOTATION]).toBe('1')
    expect(h.events()).toEqual([`ScalingReplicaSet Scaled up replica set web-${hash} to 3`])
    // Created → then, as pods appear at the same instant, ReplicaSetUpdated.
    expect(cond(h, 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "web-${hash}" is progressing.` })
  })

  it('becomes Available and Progressing NewReplicaSetAvailable once pods are available', () => {
    h = harness()
    h.create(webDeployment(3))
    h.clock.advance(2000)
    const d = h.deployment()
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 })
    expect(d.status!.unavailableReplicas).toBe(0)
    expect(cond(h, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' })
    expect(cond(h, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${h.rss()[0].metadata!.name}" has successfully progressed.` })
  })
})

describe('RollingUpdate', () => {
  it('3 replicas at 25%/25%: surge 1, unavailable 0, the nginx order new→1, old→2, new→2, old→1, new→3, old→0', () => {
    h = harness()
    h.create(webDeployment(3))
    h.clock.advance(2000)
    const old = h.rss()[0].metadata!.name!
    h.setImage('nginx:1.26')
    h.clock.advance(0)
    // 25% of 3: surge ceil(0.75) = 1, unavailable floor(0.75) = 0 → 4 pods, 3 of them available.
    expect(h.summary()).toEqual(['1:3/3', '2:1/0'])
    h.clock.advance(10_000)
    expect(h.summary()).toEqual(['1:0/0', '2:3/3'])
    const nu = h.rss()[1].metadata!.name!
    expect(h.events().slice(1)).toEqual([
      `ScalingReplicaSet Scaled up replica set ${nu} to 1`,
      `ScalingReplicaSet Scaled down replica set ${old} to 2 from 3`,
      `ScalingReplicaSet Scaled up replica set ${nu} to 2 from 1`,
      `ScalingReplicaSet Scaled down replica set ${old} to 1 from 2`,
      `ScalingReplicaSet Scaled up replica set ${nu} to 3 from 2`,
      `ScalingReplicaSet Scaled down replica set ${old} to 0 from 1`,
    ])
    expect(h.deployment().metadata!.annotations![REVISION_ANNOTATION]).toBe('2')
    expect(cond(h, 'Progressing')).toMatchObject({ reason: 'NewReplicaSetAvailable' })
  })

  it('maxSurge 0 / maxUnavailable 1: one old pod goes before each new one', () => {
    h = harness()
    h.create(webDeployment(3, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }))
    h.clock.advance(2000)
    h.setImage('nginx:1.26')
    h.clock.advance(0)
    expect(h.summary()).toEqual(['1:2/2', '2:1/0'])
    h.clock.advance(10_000)
    expect(h.summary()).toEqual(['1:0/0', '2:3/3'])
  })

  it('maxSurge 100% / maxUnavailable 0: three new pods, then the old ones go', () => {
    h = harness()
    h.create(webDeployment(3, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '100%', maxUnavailable: 0 } }))
    h.clock.advance(2000)
    h.setImage('nginx:1.26')
    h.clock.advance(0)
    expect(h.summary()).toEqual(['1:3/3', '2:3/0'])
    h.clock.advance(1000)
    expect(h.summary()).toEqual(['1:0/0', '2:3/3'])
  })

  it('proportional scaling: 10 replicas, surge 3, unavailable 2, scaled to 15 mid-rollout (docs example)', () => {
    h = harness((rs) => (rs.spec?.template?.spec?.containers?.[0]?.image === 'nginx:bad' ? Infinity : 1000))
    h.create(webDeployment(10, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } }))
    h.clock.advance(2000)
    h.setImage('nginx:bad')
    h.clock.advance(5000)
    // The new RS is stuck at 5 (13 - 8) and the old one at 8 (minAvailable 8).
    expect(h.summary()).toEqual(['1:8/8', '2:5/0'])
    h.patch({ replicas: 15 })
    h.clock.advance(0)
    expect(h.summary()).toEqual(['1:11/8', '2:7/0'])
    h.clock.advance(1000)
    expect(h.summary()).toEqual(['1:11/11', '2:7/0'])
  })

  it('progress deadline: ProgressDeadlineExceeded on the virtual clock, old pods keep serving', () => {
    h = harness((rs) => (rs.spec?.template?.spec?.containers?.[0]?.image === 'nginx:bad' ? Infinity : 1000))
    h.create(webDeployment(3, undefined, { progressDeadlineSeconds: 30 }))
    h.clock.advance(2000)
    h.setImage('nginx:bad')
    h.clock.advance(30_000)
    expect(cond(h, 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' })
    h.clock.advance(2000)
    const nu = h.rss()[1].metadata!.name!
    expect(cond(h, 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${nu}" has timed out progressing.` })
    expect(h.summary()).toEqual(['1:3/3', '2:1/0'])
    expect(cond(h, 'Available')).toMatchObject({ status: 'True' })
  })
})

describe('Recreate', () => {
  it('scales the old RS to 0 first, then the new RS to all replicas at once', () => {
    h = harness()
    h.create(webDeployment(3, { type: 'Recreate' }))
    h.clock.advance(2000)
    const old = h.rss()[0].metadata!.name!
    h.setImage('nginx:1.26')
    h.clock.advance(0)
    expect(h.summary()).toEqual(['1:0/0', '2:3/0'])
    h.clock.advance(2000)
    expect(h.summary()).toEqual(['1:0/0', '2:3/3'])
    expect(h.events()[1]).toBe(`ScalingReplicaSet Scaled down replica set ${old} to 0 from 3`)
  })
})

describe('pause, history, rollback', () => {
  it('paused: a template change makes no new RS; resuming rolls out', () => {
    h = harness()
    h.create(webDeployment(2))
    h.clock.advance(2000)
    h.patch({ paused: true })
    h.clock.advance(0)
    expect(cond(h, 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' })
    h.setImage('nginx:1.26')
    h.clock.advance(5000)
    expect(h.rss()).toHaveLength(1)
    h.patch({ paused: false })
    h.clock.advance(10_000)
    expect(h.summary()).toEqual(['1:0/0', '2:2/2'])
    expect(cond(h, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' })
  })

  it('revisionHistoryLimit 1 keeps one old RS, deleting the lowest revisions', () => {
    h = harness()
    h.create(webDeployment(1, undefined, { revisionHistoryLimit: 1 }))
    for (const tag of ['1.26', '1.27', '1.28']) { h.clock.advance(5000); h.setImage(`nginx:${tag}`) }
    h.clock.advance(10_000)
    expect(h.summary()).toEqual(['3:0/0', '4:1/1'])
  })

  it('going back to an earlier template reuses its RS as revision 3 with revision-history 1', () => {
    h = harness()
    h.create(webDeployment(1))
    h.clock.advance(5000)
    const first = h.rss()[0].metadata!.name
    h.setImage('nginx:1.26')
    h.clock.advance(5000)
    h.setImage('nginx:1.25')
    h.clock.advance(5000)
    const back = h.rss().find((rs) => rs.metadata!.name === first)!
    expect(back.metadata!.annotations).toMatchObject({ [REVISION_ANNOTATION]: '3', 'deployment.kubernetes.io/revision-history': '1' })
    expect(back.spec!.replicas).toBe(1)
    expect(h.rss()).toHaveLength(2)
  })
})

describe('ownership and collisions', () => {
  it('a hash collision with a foreign ReplicaSet bumps collisionCount and picks another name', () => {
    h = harness()
    h.create(webDeployment(2))
    const hash = computeHash(h.deployment().spec!.template)
    h.api.create('replicasets', {
      apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `web-${hash}`, namespace: 'default' },
      spec: { replicas: 0, selector: { matchLabels: { app: 'other' } }, template: { metadata: { labels: { app: 'other' } }, spec: { containers: [{ name: 'x', image: 'busybox' }] } } },
    } as unknown as KubeObject)
    h.clock.advance(2000)
    expect(h.deployment().status!.collisionCount).toBe(1)
    const mine = h.rss().filter((rs) => rs.metadata!.ownerReferences?.length)
    expect(mine).toHaveLength(1)
    expect(mine[0].metadata!.name).toBe(`web-${computeHash(h.deployment().spec!.template, 1)}`)
    expect(mine[0].status!.availableReplicas).toBe(2)
  })

  it('adopts a matching orphan ReplicaSet with the same template instead of creating one', () => {
    h = harness()
    h.create(webDeployment(2))
    const template = h.deployment().spec!.template!
    h.api.create('replicasets', {
      apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-orphan', namespace: 'default', labels: { app: 'web' } },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template },
    } as unknown as KubeObject)
    h.clock.advance(2000)
    const all = h.rss()
    expect(all.map((rs) => rs.metadata!.name)).toEqual(['web-orphan'])
    expect(all[0].metadata!.ownerReferences).toMatchObject([{ kind: 'Deployment', name: 'web', controller: true }])
    expect(h.deployment().status).toMatchObject({ replicas: 2, availableReplicas: 2 })
  })

  it('a paused Deployment still scales (a scaling event), without rolling out', () => {
    h = harness()
    h.create(webDeployment(2))
    h.clock.advance(2000)
    h.patch({ paused: true })
    h.setImage('nginx:1.26')
    h.patch({ replicas: 4 })
    h.clock.advance(2000)
    expect(h.summary()).toEqual(['1:4/4'])
    expect(h.deployment().status).toMatchObject({ replicas: 4, updatedReplicas: 0, availableReplicas: 4 })
  })
})
