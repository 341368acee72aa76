import { describe, it, expect } from 'vitest'
import type { KubeObject } from '../../../api/types'
import { newServer, errorOf } from '../testutil'

const secret = (extra: Record<string, unknown> = {}, name = 'db'): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'default' }, ...extra })

describe('Secret admission', () => {
  it('defaults type Opaque and merges stringData into data, base64-encoded', () => {
    const { api } = newServer()
    const s = api.create('secrets', secret({ data: { user: 'YWRtaW4=' }, stringData: { password: 's3cr3t', user: 'root' } }))
    expect(s.type).toBe('Opaque')
    expect(s.data).toEqual({ user: 'cm9vdA==', password: 'czNjcjN0' })
    expect(s.stringData).toBeUndefined()
    const patched = api.patch('secrets', 'default', 'db', 'merge', { stringData: { extra: 'x' } })
    expect(patched.data).toEqual({ user: 'cm9vdA==', password: 'czNjcjN0', extra: 'eA==' })
  })

  it('data that is not base64 fails at decoding, as a BadRequest', () => {
    const { api } = newServer()
    expect(errorOf(() => api.create('secrets', secret({ data: { password: 'hunter2' } })))).toMatchObject({
      code: 400, reason: 'BadRequest', message: 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4',
    })
    expect(errorOf(() => api.create('secrets', secret({ data: { password: 'hello world' } }))).message).toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 5')
    expect(errorOf(() => api.create('secrets', secret({ data: { n: 5 } }))).message).toBe('Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.data of type []uint8')
    expect(() => api.get('secrets', 'default', 'db')).toThrow()
  })

  it('validates keys, required keys per type, and immutability', () => {
    const { api } = newServer()
    expect(errorOf(() => api.create('secrets', secret({ data: { 'a b': 'eA==' } }))).message).toBe(
      `Secret "db" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`)
    expect(errorOf(() => api.create('secrets', secret({ type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } }))).message).toBe('Secret "db" is invalid: data[tls.key]: Required value')
    api.create('secrets', secret({ data: { a: 'eA==' }, immutable: true }))
    const cur = api.get('secrets', 'default', 'db')
    expect(errorOf(() => api.update('secrets', { ...cur, data: { a: 'eQ==' } })).message).toBe('Secret "db" is invalid: data: Forbidden: field is immutable when `immutable` is set')
    expect(errorOf(() => api.update('secrets', { ...cur, type: 'kubernetes.io/basic-auth' })).message).toContain('type: Invalid value: "kubernetes.io/basic-auth": field is immutable')
  })
})
