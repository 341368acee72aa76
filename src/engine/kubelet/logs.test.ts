import { describe, it, expect } from 'vitest'
import { createCancel } from '../../shell'
import { VirtualClock } from '../runtime/clock'
import { LogStore, logTimestamp, writeLog } from './logs'

function setup() {
  const clock = new VirtualClock()
  const store = new LogStore(clock)
  const sink = store.open('uid-1', 'web')
  /** One line per second: "line 1" at +0 s … "line n" at +(n-1) s. */
  const lines = (n: number, prefix = 'line') => {
    for (let i = 1; i <= n; i++) {
      sink.write('stdout', `${prefix} ${i}\n`)
      if (i < n) clock.advance(1000)
    }
  }
  return { clock, store, sink, lines }
}

describe('LogStore', () => {
  it('keeps whole lines, joining chunks and flushing the last partial line at the end', () => {
    const { store, sink, clock } = setup()
    sink.write('stdout', 'hel')
    sink.write('stdout', 'lo\nwor')
    sink.write('stderr', 'oops\n')
    sink.write('stdout', 'ld')
    sink.end()
    expect(store.read('uid-1', 'web', {}, clock.now())).toBe('hello\noops\nworld\n')
    sink.write('stdout', 'after the end\n')
    expect(store.instance('uid-1', 'web', 'current')?.lines).toHaveLength(3)
  })

  it('rotates on restart: the old instance is the previous one', () => {
    const { store, sink, clock } = setup()
    sink.write('stdout', 'first run\n')
    const second = store.open('uid-1', 'web')
    second.write('stdout', 'second run\n')
    expect(store.read('uid-1', 'web', {}, clock.now())).toBe('second run\n')
    expect(store.read('uid-1', 'web', { previous: true }, clock.now())).toBe('first run\n')
    store.open('uid-1', 'web')
    expect(store.read('uid-1', 'web', { previous: true }, clock.now())).toBe('second run\n')
    expect(store.read('uid-1', 'other', {}, clock.now())).toBeUndefined()
  })

  it('tailLines, sinceSeconds and sinceTime', () => {
    const { store, lines, clock } = setup()
    lines(10)
    const read = (o: object) => store.read('uid-1', 'web', o, clock.now())
    expect(read({ tailLines: 2 })).toBe('line 9\nline 10\n')
    expect(read({ tailLines: 0 })).toBe('')
    expect(read({ sinceSeconds: 3 })).toBe('line 7\nline 8\nline 9\nline 10\n')
    expect(read({ sinceTime: '2026-01-01T00:00:08Z' })).toBe('line 9\nline 10\n')
    expect(read({ sinceSeconds: 3, tailLines: 1 })).toBe('line 10\n')
  })

  it('timestamps are RFC 3339 with nine fraction digits, as the kubelet writes them', () => {
    const { store, lines, clock } = setup()
    clock.advance(5000)
    lines(1)
    expect(store.read('uid-1', 'web', { timestamps: true }, clock.now())).toBe('2026-01-01T00:00:05.000000000Z line 1\n')
    expect(logTimestamp(Date.UTC(2026, 0, 1, 0, 0, 5, 123))).toBe('2026-01-01T00:00:05.123000000Z')
  })

  it('limitBytes cuts mid-line', () => {
    const { store, lines, clock } = setup()
    lines(3)
    expect(store.read('uid-1', 'web', { limitBytes: 10 }, clock.now())).toBe('line 1\nlin')
  })

  it('keeps at most maxLines per instance, dropping the oldest', () => {
    const clock = new VirtualClock()
    const store = new LogStore(clock, 3)
    const sink = store.open('u', 'c')
    for (let i = 1; i <= 5; i++) sink.write('stdout', `${i}\n`)
    expect(store.read('u', 'c', {}, clock.now())).toBe('3\n4\n5\n')
  })

  it('follow streams new lines until the instance ends', async () => {
    const { store, sink, lines, clock } = setup()
    lines(2)
    const out: string[] = []
    const instance = store.instance('uid-1', 'web', 'current')!
    let done = false
    const following = writeLog(instance, { follow: true, tailLines: 1 }, clock.now(), { write: (c) => out.push(c) }, createCancel().signal).then(() => { done = true })
    sink.write('stdout', 'line 3\n')
    await Promise.resolve()
    expect(out.join('')).toBe('line 2\nline 3\n')
    expect(done).toBe(false)
    sink.end()
    await following
    expect(done).toBe(true)
  })

  it('follow ends when the signal aborts, or when a restart opens a new instance', async () => {
    const { store, clock } = setup()
    const instance = store.instance('uid-1', 'web', 'current')!
    const cancel = createCancel()
    const a = writeLog(instance, { follow: true }, clock.now(), { write: () => {} }, cancel.signal)
    cancel.abort()
    await a
    const b = writeLog(instance, { follow: true }, clock.now(), { write: () => {} }, createCancel().signal)
    store.open('uid-1', 'web')
    await b
    expect(instance.ended).toBe(true)
  })

  it('forget drops a deleted pod\'s logs', () => {
    const { store, clock } = setup()
    store.forget('uid-1')
    expect(store.read('uid-1', 'web', {}, clock.now())).toBeUndefined()
  })
})
