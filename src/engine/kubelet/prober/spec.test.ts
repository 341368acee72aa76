import { describe, it, expect } from 'vitest'
import { expandCommand, goAtoi, probeSettings, resolveContainerPort } from './spec'

const web = { name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }

describe('probeSettings', () => {
  it('fills the API defaults: period 10 s, timeout 1 s, success 1, failure 3, no delay', () => {
    expect(probeSettings('readiness', {})).toEqual({
      initialDelaySeconds: 0, periodMs: 10_000, timeoutMs: 1000, successThreshold: 1, failureThreshold: 3,
    })
  })

  it('keeps what the spec says, but liveness and startup always need one success', () => {
    const p = { initialDelaySeconds: 5, periodSeconds: 3, timeoutSeconds: 2, successThreshold: 2, failureThreshold: 1 }
    expect(probeSettings('readiness', p)).toEqual({ initialDelaySeconds: 5, periodMs: 3000, timeoutMs: 2000, successThreshold: 2, failureThreshold: 1 })
    expect(probeSettings('liveness', p).successThreshold).toBe(1)
    expect(probeSettings('startup', p).successThreshold).toBe(1)
  })

  it('never ticks every 0 ms: a zero period takes the default', () => {
    expect(probeSettings('liveness', { periodSeconds: 0 }).periodMs).toBe(10_000)
  })
})

describe('resolveContainerPort (pkg/probe/util.go)', () => {
  it('takes numbers as they are and names from the container ports', () => {
    expect(resolveContainerPort(80, web)).toEqual({ port: 80 })
    expect(resolveContainerPort('http', web)).toEqual({ port: 8080 })
  })

  it('falls back to Atoi for an unknown name, with Go\'s words', () => {
    expect(resolveContainerPort('8081', web)).toEqual({ port: 8081 })
    expect(resolveContainerPort('web', web)).toEqual({ error: 'strconv.Atoi: parsing "web": invalid syntax' })
  })

  it('rejects ports outside 1–65535', () => {
    expect(resolveContainerPort(0, web)).toEqual({ error: 'invalid port number: 0' })
    expect(resolveContainerPort('70000', web)).toEqual({ error: 'invalid port number: 70000' })
  })

  it('Atoi knows signs and out-of-range values', () => {
    expect(goAtoi('+80')).toEqual({ value: 80 })
    expect(goAtoi('99999999999999999999')).toEqual({ error: 'strconv.Atoi: parsing "99999999999999999999": value out of range' })
    expect(goAtoi('')).toEqual({ error: 'strconv.Atoi: parsing "": invalid syntax' })
  })
})

describe('expandCommand', () => {
  const c = { name: 'app', env: [{ name: 'FILE', value: '/tmp/healthy' }, { name: 'FROM', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }

  it('expands $(VAR) from static env, keeps unknown and valueFrom references, and unescapes $$', () => {
    expect(expandCommand(['cat', '$(FILE)', '$(FROM)', '$(NOPE)', '$$(FILE)', 'a$b', '$('], c)).toEqual([
      'cat', '/tmp/healthy', '$(FROM)', '$(NOPE)', '$(FILE)', 'a$b', '$(',
    ])
  })
})
