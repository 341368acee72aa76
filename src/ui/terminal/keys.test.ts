import { describe, it, expect } from 'vitest'
import { parseKeys } from './keys'

describe('parseKeys', () => {
  it('groups printable text and maps control keys', () => {
    expect(parseKeys('ab\x7f\r')).toEqual([{ type: 'text', text: 'ab' }, { type: 'backspace' }, { type: 'enter' }])
    expect(parseKeys('\x01\x05\x15\x0b\x17\x0c\x03\t').map((k) => k.type))
      .toEqual(['home', 'end', 'killStart', 'killEnd', 'killWordBack', 'clear', 'interrupt', 'tab'])
  })

  it('parses CSI and SS3 sequences, dropping unknown ones', () => {
    expect(parseKeys('\x1b[A\x1b[B\x1b[C\x1b[D\x1b[H\x1b[F\x1b[3~\x1bOH\x1b[1;5D').map((k) => k.type))
      .toEqual(['up', 'down', 'right', 'left', 'home', 'end', 'delete', 'home', 'wordLeft'])
    expect(parseKeys('x\x1b[200~y')).toEqual([{ type: 'text', text: 'x' }, { type: 'text', text: 'y' }])
  })

  it('treats \\r\\n in pasted text as one Enter', () => {
    expect(parseKeys('a\r\nb\nc').map((k) => k.type)).toEqual(['text', 'enter', 'text', 'enter', 'text'])
  })
})
