// Deployments → ReplicaSets → Pods through a rolling update: counts as kubectl shows them, both
// ReplicaSets drawn while pods move from the old one to the new one, the old one kept (faded) at 0.
import { describe, it, expect } from 'vitest'
import { toElements, type GraphNodeData } from './toElements'
import {
  DEPLOYMENT_UID, LAST_STEP, NEW_PODS, NEW_RS, NODE_UID, OLD_PODS, OLD_RS, deployment, node, replicaSet, rolloutState, rsPod,
} from './rollout.fixture'

const opts = { showSystemPods: false }
const nodesOf = (els: ReturnType<typeof toElements>) => els.filter((e) => e.group === 'nodes').map((e) => e.data as GraphNodeData)
const edgeIds = (els: ReturnType<typeof toElements>) => els.filter((e) => e.group === 'edges').map((e) => e.data.id).sort()
/** The hidden list's view of one step: `Kind name status`. */
const listed = (step: number) => nodesOf(toElements(rolloutState(step), opts)).map((n) => `${n.kind} ${n.name} ${n.status}`)

describe('toElements: Deployments and ReplicaSets', () => {
  it('labels a Deployment with ready/desired as kubectl get deploy READY does (`web 2/3`)', () => {
    const [d] = nodesOf(toElements([deployment(3, 2)], opts))
    expect([d.status, d.tone, d.label, d.anchor]).toEqual(['2/3', 'pending', 'web\n2/3', null])
    expect(nodesOf(toElements([deployment(3, 3)], opts))[0].tone).toBe('ready')
    // spec.replicas unset means 1 (the API defaults it); no readyReplicas means 0.
    expect(nodesOf(toElements([deployment(undefined, 0)], opts))[0].status).toBe('0/1')
  })

  it('labels a ReplicaSet with ready/desired and its revision, beside its Deployment', () => {
    const els = toElements([replicaSet(NEW_RS, 3, 3), deployment(3, 3)], opts)
    const rs = nodesOf(els).find((n) => n.kind === 'ReplicaSet')!
    expect([rs.name, rs.status, rs.tone, rs.anchor]).toEqual(['web-7f5d8c9b4', '3/3', 'ready', DEPLOYMENT_UID])
    expect(rs.label).toBe('web-7f5d8c9b4\n3/3 · rev 2')
    expect(edgeIds(els)).toEqual([`owns:${DEPLOYMENT_UID}->${NEW_RS.uid}`])
  })

  it('keeps a ReplicaSet scaled to 0 drawn, faded (`idle`), with status 0/0', () => {
    const rs = nodesOf(toElements([replicaSet(OLD_RS, 0, 0)], opts))[0]
    expect([rs.status, rs.tone, rs.label]).toEqual(['0/0', 'idle', 'web-6d4c9f8b7\n0/0 · rev 1'])
  })

  it('places pods beside their ReplicaSet, not their node, and still says where they run', () => {
    const els = toElements([node, rsPod(OLD_RS, OLD_PODS[0], true), replicaSet(OLD_RS, 1, 1)], opts)
    const pod = nodesOf(els).find((n) => n.kind === 'Pod')!
    expect(pod.anchor).toBe(OLD_RS.uid)
    expect(edgeIds(els)).toEqual([`owns:${OLD_RS.uid}->p-${OLD_PODS[0]}`, `runs-on:${NODE_UID}->p-${OLD_PODS[0]}`])
    // A pending pod has the same anchor, so scheduling it moves nothing.
    expect(nodesOf(toElements([rsPod(OLD_RS, 'p', false, false), replicaSet(OLD_RS, 1, 0)], opts))[0].anchor).toBe(OLD_RS.uid)
    // Whose ReplicaSet is not drawn (not in the mirror): beside its node as before.
    expect(nodesOf(toElements([node, rsPod(OLD_RS, 'p', true)], opts)).find((n) => n.kind === 'Pod')!.anchor).toBe(NODE_UID)
  })

  it('mid-rollout (old 2 pods, new 2 pods) draws both ReplicaSets, each owning its own pods', () => {
    const els = toElements(rolloutState(3), opts)
    expect(listed(3)).toEqual([
      'Node minikube Ready',
      ...[OLD_PODS[1], OLD_PODS[2]].map((n) => `Pod ${n} Running`),
      `Pod ${NEW_PODS[0]} Running`,
      `Pod ${NEW_PODS[1]} ContainerCreating`,
      'Deployment web 3/3',
      'ReplicaSet web-6d4c9f8b7 2/2',
      'ReplicaSet web-7f5d8c9b4 1/2',
    ])
    const owns = edgeIds(els).filter((id) => id.startsWith('owns:'))
    expect(owns).toEqual([
      `owns:${DEPLOYMENT_UID}->${OLD_RS.uid}`,
      `owns:${DEPLOYMENT_UID}->${NEW_RS.uid}`,
      `owns:${OLD_RS.uid}->p-${OLD_PODS[1]}`,
      `owns:${OLD_RS.uid}->p-${OLD_PODS[2]}`,
      `owns:${NEW_RS.uid}->p-${NEW_PODS[0]}`,
      `owns:${NEW_RS.uid}->p-${NEW_PODS[1]}`,
    ].sort())
    for (const pod of nodesOf(els).filter((n) => n.kind === 'Pod')) {
      expect(pod.anchor).toBe(pod.name.startsWith(NEW_RS.name) ? NEW_RS.uid : OLD_RS.uid)
    }
  })

  it('follows the documented event order to the end: new 3/3, old 0/0 still listed', () => {
    const rsStatus = (step: number) => listed(step).filter((l) => l.startsWith('ReplicaSet '))
    expect([0, 1, 2, 3, 4, 5, 6].map(rsStatus)).toEqual([
      ['ReplicaSet web-6d4c9f8b7 3/3'],
      ['ReplicaSet web-6d4c9f8b7 3/3', 'ReplicaSet web-7f5d8c9b4 0/1'],
      ['ReplicaSet web-6d4c9f8b7 2/2', 'ReplicaSet web-7f5d8c9b4 1/1'],
      ['ReplicaSet web-6d4c9f8b7 2/2', 'ReplicaSet web-7f5d8c9b4 1/2'],
      ['ReplicaSet web-6d4c9f8b7 1/1', 'ReplicaSet web-7f5d8c9b4 2/2'],
      ['ReplicaSet web-6d4c9f8b7 1/1', 'ReplicaSet web-7f5d8c9b4 2/3'],
      ['ReplicaSet web-6d4c9f8b7 0/0', 'ReplicaSet web-7f5d8c9b4 3/3'],
    ])
    const end = nodesOf(toElements(rolloutState(LAST_STEP), opts))
    expect(end.filter((n) => n.kind === 'Pod').map((n) => n.anchor)).toEqual([NEW_RS.uid, NEW_RS.uid, NEW_RS.uid])
    expect(end.find((n) => n.name === OLD_RS.name)!.tone).toBe('idle')
  })
})
