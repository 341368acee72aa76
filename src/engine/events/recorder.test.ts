import { describe, it, expect } from 'vitest'
import { ApiServer, bootstrapNamespaces } from '../apiserver'
import { VirtualClock } from '../runtime/clock'
import { SeededRandom } from '../runtime/random'
import { EventBroadcaster, EVENT_TTL_MS } from './recorder'
import type { KubeObject } from '../../api/types'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

function setup() {
  const clock = new VirtualClock()
  const api = new ApiServer({ clock, random: new SeededRandom(1) })
  bootstrapNamespaces(api)
  const b = new EventBroadcaster(api, clock)
  const pod: KubeObject = api.create<KubeObject>('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } })
  const events = () => api.list('events', { namespace: 'default' }).items as Loose[]
  return { clock, api, b, pod, events }
}

describe('EventBroadcaster', () => {
  it('writes a core/v1 Event the way client-go does', () => {
    const { b, pod, events, clock } = setup()
    b.recorder({ component: 'kubelet', host: 'minikube' }).event(pod, 'Normal', 'Pulling', 'Pulling image "nginx"', 'spec.containers{nginx}')
    const [e] = events()
    expect(e.metadata.name).toBe(`web.${(BigInt(clock.now()) * 1_000_000n).toString(16)}`)
    expect(e.metadata.name).toMatch(/^web\.[0-9a-f]{16}$/)
    expect(e).toMatchObject({
      involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'web', namespace: 'default', uid: pod.metadata.uid, fieldPath: 'spec.containers{nginx}' },
      reason: 'Pulling', message: 'Pulling image "nginx"', type: 'Normal',
      source: { component: 'kubelet', host: 'minikube' },
      firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:00:00Z', count: 1,
      reportingComponent: 'kubelet', reportingInstance: 'minikube',
    })
  })

  it('counts an identical repeat instead of creating another event', () => {
    const { b, pod, events, clock } = setup()
    const r = b.recorder({ component: 'kubelet', host: 'minikube' })
    r.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container')
    clock.advance(10_000)
    r.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container')
    clock.advance(10_000)
    r.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container')
    r.event(pod, 'Warning', 'BackOff', 'something else')
    const list = events()
    expect(list).toHaveLength(2)
    const backoff = list.find((e) => e.message === 'Back-off restarting failed container')
    expect(backoff).toMatchObject({ count: 3, firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:00:20Z' })
  })

  it('gives two events in the same millisecond distinct names', () => {
    const { b, pod, events } = setup()
    const r = b.recorder({ component: 'kubelet', host: 'minikube' })
    r.event(pod, 'Normal', 'Created', 'Created container nginx')
    r.event(pod, 'Normal', 'Started', 'Started container nginx')
    expect(new Set(events().map((e) => e.metadata.name)).size).toBe(2)
  })

  it('expires events an hour after their last write', () => {
    const { b, pod, events, clock } = setup()
    const r = b.recorder({ component: 'kubelet', host: 'minikube' })
    r.event(pod, 'Normal', 'Pulled', 'once')
    r.event(pod, 'Normal', 'Pulling', 'again')
    clock.advance(EVENT_TTL_MS / 2)
    r.event(pod, 'Normal', 'Pulling', 'again')
    clock.advance(EVENT_TTL_MS / 2)
    expect(events().map((e) => e.message)).toEqual(['again'])
    clock.advance(EVENT_TTL_MS / 2)
    expect(events()).toHaveLength(0)
    // After expiry the same event starts over with count 1.
    r.event(pod, 'Normal', 'Pulling', 'again')
    expect(events()[0].count).toBe(1)
  })

  it('puts events about cluster-scoped objects in default', () => {
    const { b, events } = setup()
    b.recorder({ component: 'node-controller' }).event({ apiVersion: 'v1', kind: 'Node', name: 'minikube', uid: 'x' }, 'Normal', 'RegisteredNode', 'Node minikube event: Registered Node minikube in Controller')
    expect(events()[0]).toMatchObject({ metadata: { namespace: 'default' }, source: { component: 'node-controller' } })
    expect(events()[0].source.host).toBeUndefined()
  })
})

describe('EventAggregator', () => {
  it('combines the 11th distinct message for one object and reason into one counted event', () => {
    const { b, pod, events, clock } = setup()
    const r = b.recorder({ component: 'kubelet', host: 'minikube' })
    for (let i = 1; i <= 13; i++) {
      r.event(pod, 'Normal', 'Pulled', `Successfully pulled image "busybox" in ${i}00ms`)
      clock.advance(1_000)
    }
    const list = events()
    expect(list).toHaveLength(11)
    const combined = list.find((e) => e.message.startsWith('(combined from similar events): '))
    expect(combined).toMatchObject({ count: 3, message: '(combined from similar events): Successfully pulled image "busybox" in 1300ms' })
  })
})
