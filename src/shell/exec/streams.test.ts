import { describe, expect, it } from 'vitest'
import { LineReader, Pipe, PIPE_CAPACITY, textReader } from './streams'

describe('Pipe', () => {
  it('delivers chunks in order, then end of input', async () => {
    const p = new Pipe()
    p.write('a')
    p.write('b')
    p.end()
    expect(await p.readAll()).toBe('ab')
    expect(await p.read()).toBeNull()
  })

  it('wakes a waiting reader when a chunk arrives', async () => {
    const p = new Pipe()
    const r = p.read()
    p.write('x')
    expect(await r).toBe('x')
  })

  it('breaks for the writer when the reader closes, and drops later writes', async () => {
    const p = new Pipe()
    expect(p.broken.aborted).toBe(false)
    p.closeRead()
    expect(p.broken.aborted).toBe(true)
    p.write('late')
    expect(await p.read()).toBeNull()
  })

  it('holds writers at capacity until the reader catches up', async () => {
    const p = new Pipe()
    p.write('x'.repeat(PIPE_CAPACITY))
    let drained = false
    const d = p.drained().then(() => (drained = true))
    await Promise.resolve()
    expect(drained).toBe(false)
    await p.read()
    await d
    expect(drained).toBe(true)
  })
})

describe('LineReader', () => {
  it('splits across chunk boundaries and keeps a last line without newline', async () => {
    const p = new Pipe()
    p.write('on')
    p.write('e\ntw')
    p.write('o')
    p.end()
    const lr = new LineReader(p)
    expect([await lr.line(), await lr.line(), await lr.line()]).toEqual(['one', 'two', null])
    expect(await new LineReader(textReader('')).line()).toBeNull()
  })
})
