import { describe, it, expect } from 'vitest'
import * as L from './lineBuffer'

const at = (text: string, cursor: number): L.Line => ({ text, cursor })

describe('line buffer', () => {
  it('inserts and deletes around the cursor', () => {
    expect(L.insert(at('kubectl', 4), 'X')).toEqual(at('kubeXctl', 5))
    expect(L.backspace(at('abc', 1))).toEqual(at('bc', 0))
    expect(L.backspace(at('abc', 0))).toEqual(at('abc', 0))
    expect(L.del(at('abc', 1))).toEqual(at('ac', 1))
    expect(L.del(at('abc', 3))).toEqual(at('abc', 3))
  })

  it('kills like readline: Ctrl-U, Ctrl-K, Ctrl-W', () => {
    expect(L.killStart(at('get pods', 4))).toEqual(at('pods', 0))
    expect(L.killEnd(at('get pods', 3))).toEqual(at('get', 3))
    expect(L.killWordBack(at('kubectl get pods  ', 18))).toEqual(at('kubectl get ', 12))
    expect(L.killWordBack(at('a -o=wide', 9))).toEqual(at('a ', 2))
  })

  it('moves by words', () => {
    expect(L.wordLeft(at('kubectl get-pods', 16)).cursor).toBe(12)
    expect(L.wordRight(at('kubectl get', 0)).cursor).toBe(7)
  })
})
