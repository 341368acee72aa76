import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { newServer } from '../../apiserver/testutil'
import type { ApiServer } from '../../apiserver'
import { startEndpointsController } from './endpoints'
import { startEndpointSliceController } from '../endpointslice/controller'
import { createPod, createService, setPodStatus } from './testfixtures'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

const APPS = ['web', 'db', 'cache'] as const

type Op =
  | { kind: 'create'; i: number; app: number; ready: boolean; hasIP: boolean }
  | { kind: 'ready'; i: number; ready: boolean }
  | { kind: 'relabel'; i: number; app: number }
  | { kind: 'delete'; i: number }
  | { kind: 'settle'; ms: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), i: fc.nat(11), app: fc.nat(2), ready: fc.boolean(), hasIP: fc.boolean() }),
  fc.record({ kind: fc.constant('ready' as const), i: fc.nat(11), ready: fc.boolean() }),
  fc.record({ kind: fc.constant('relabel' as const), i: fc.nat(11), app: fc.nat(2) }),
  fc.record({ kind: fc.constant('delete' as const), i: fc.nat(11) }),
  fc.record({ kind: fc.constant('settle' as const), ms: fc.constantFrom(0, 300, 1000) }),
)

const ip = (i: number) => `10.244.0.${i + 2}`

/** The model: pod i → {app, ready, has an IP}. */
type Model = Map<number, { app: number; ready: boolean; hasIP: boolean }>

function apply(api: ApiServer, model: Model, o: Op): void {
  const name = `p${'i' in o ? o.i : 0}`
  const cur = 'i' in o ? model.get(o.i) : undefined
  if (o.kind === 'create' && !cur) {
    createPod(api, { name, labels: { app: APPS[o.app] }, ip: o.hasIP ? ip(o.i) : undefined, ready: o.ready && o.hasIP })
    model.set(o.i, { app: o.app, ready: o.ready && o.hasIP, hasIP: o.hasIP })
  } else if (o.kind === 'ready' && cur) {
    // A pod that gets ready also gets its IP (the kubelet writes both before Ready).
    cur.ready = o.ready
    cur.hasIP ||= o.ready
    setPodStatus(api, { name, labels: {}, ip: cur.hasIP ? ip(o.i) : undefined, ready: cur.ready })
  } else if (o.kind === 'relabel' && cur) {
    api.patch('pods', 'default', name, 'merge', { metadata: { labels: { app: APPS[o.app] } } })
    cur.app = o.app
  } else if (o.kind === 'delete' && cur) {
    api.delete('pods', 'default', name, { gracePeriodSeconds: 0 })
    model.delete(o.i)
  }
}

describe('endpoint controllers (property)', () => {
  it('after settling, Endpoints and EndpointSlices hold exactly the selected pods, split by readiness', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 30 }), fc.boolean(), (ops, publishNotReady) => {
      const { api, clock } = newServer()
      const errors: unknown[] = []
      const onError = (_n: string, _k: string, e: unknown) => { errors.push(e) }
      const stops = [startEndpointsController(api, clock, { event: () => {} }, onError), startEndpointSliceController(api, clock, { event: () => {} }, onError)]
      try {
        createService(api, 'web', { clusterIP: '10.96.0.20', selector: { app: 'web' }, publishNotReadyAddresses: publishNotReady })
        createService(api, 'db', { clusterIP: '10.96.0.21', selector: { app: 'db' } })
        const model: Model = new Map()
        for (const o of ops) {
          if (o.kind === 'settle') clock.advance(o.ms)
          else apply(api, model, o)
        }
        clock.advance(1000)
        for (const [svc, app, pnr] of [['web', 0, publishNotReady], ['db', 1, false]] as const) {
          const pods = [...model].filter(([, p]) => p.app === app && p.hasIP)
          const wantReady = pods.filter(([, p]) => pnr || p.ready).map(([i]) => ip(i)).sort()
          const wantNotReady = pods.filter(([, p]) => !pnr && !p.ready).map(([i]) => ip(i)).sort()
          const ep = api.get('endpoints', 'default', svc) as Loose
          const subsets = (ep.subsets ?? []) as Loose[]
          expect(subsets.flatMap((s) => (s.addresses ?? []).map((a: Loose) => a.ip)).sort()).toEqual(wantReady)
          expect(subsets.flatMap((s) => (s.notReadyAddresses ?? []).map((a: Loose) => a.ip)).sort()).toEqual(wantNotReady)
          const slices = api.list('endpointslices', { namespace: 'default', labelSelector: `kubernetes.io/service-name=${svc}` }).items as Loose[]
          const eps = slices.flatMap((s) => s.endpoints ?? [])
          expect(eps.filter((e: Loose) => e.conditions.ready).map((e: Loose) => e.addresses[0]).sort()).toEqual(wantReady)
          expect(eps.filter((e: Loose) => !e.conditions.ready).map((e: Loose) => e.addresses[0]).sort()).toEqual(wantNotReady)
          expect(slices.length).toBeGreaterThanOrEqual(1)
        }
        expect(api.list('endpoints', { namespace: 'default' }).items).toHaveLength(2)
        expect(errors).toEqual([])
        expect(api.watchErrors).toEqual([])
      } finally {
        for (const s of stops) s()
      }
    }), { numRuns: 150 })
  }, 60_000)
})
