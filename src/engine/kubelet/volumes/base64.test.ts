import { describe, it, expect } from 'vitest'
import { decodeBase64, encodeBase64, illegalBase64Byte } from './base64'

describe('base64', () => {
  it('round-trips UTF-8', () => {
    expect(encodeBase64('héllo')).toBe('aMOpbGxv')
    expect(decodeBase64('aMOpbGxv')).toBe('héllo')
    expect(decodeBase64('not base64!')).toBeUndefined()
  })

  it.each([
    ['cGFzc3dvcmQ=', undefined],
    ['password', undefined],
    ['hunter2', 4],
    ['mypassword', 8],
    ['hello world', 5],
    ['ab=c', 2],
    ['abc=d', 4],
    ['a===', 1],
    ['', undefined],
    ['YQ==\n', undefined],
  ])('Go reports %j at byte %s', (input, at) => {
    expect(illegalBase64Byte(input)).toBe(at)
  })
})
