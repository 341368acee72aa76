import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs, START_MS } from '../testing/harness'

const event = (name: string, reason: string, at: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' },
  involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' }, reason, type: 'Normal',
  message: `${reason} happened`, firstTimestamp: at, lastTimestamp: at, count: 1, ...extra,
})

describe('kubectl events', () => {
  it('lists events oldest first, with repeat counts', async () => {
    const api = new FakeApi()
    api.create('events', event('e2', 'Pulled', '2026-01-01T00:00:20Z'))
    api.create('events', event('e1', 'Scheduled', '2026-01-01T00:00:10Z'))
    api.create('events', event('e3', 'BackOff', '2026-01-01T00:00:50Z', { type: 'Warning', count: 3, firstTimestamp: '2026-01-01T00:00:30Z' }))
    const r = await kubectl(api, newFs(), 'events', { now: START_MS + 60_000 })
    expect(r.out).toBe(
      'LAST SEEN           TYPE      REASON      OBJECT    MESSAGE\n' +
      '50s                 Normal    Scheduled   Pod/web   Scheduled happened\n' +
      '40s                 Normal    Pulled      Pod/web   Pulled happened\n' +
      '10s (x3 over 30s)   Warning   BackOff     Pod/web   BackOff happened\n')
    expect((await kubectl(api, newFs(), 'events --types=Warning', { now: START_MS + 60_000 })).out.split('\n')).toHaveLength(3)
  })

  it('says when there are none', async () => {
    expect(await kubectl(new FakeApi(), newFs(), 'events')).toEqual({ code: 0, out: '', err: 'No events found in default namespace.\n' })
  })
})
