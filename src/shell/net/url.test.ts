import { describe, it, expect } from 'vitest'
import { max5, meterLine, time2str, writeOut } from './curl-out'
import { hostHeader, parseUrl, resolveLocation, type Url } from './url'

describe('parseUrl (curl)', () => {
  it.each([
    ['web', { scheme: 'http', host: 'web', port: 80, path: '/', explicitPort: false }],
    ['10.244.0.5:9876/info', { host: '10.244.0.5', port: 9876, path: '/info', explicitPort: true }],
    ['https://192.168.49.2:8443/version?x=1#frag', { scheme: 'https', port: 8443, path: '/version?x=1' }],
    ['http://web?q=1', { host: 'web', path: '/?q=1' }],
    ['http://user:pw@web/', { host: 'web', userinfo: 'user:pw' }],
  ])('%s', (input, want) => {
    expect(parseUrl(input)).toMatchObject(want)
  })

  it.each([
    ['', 3, 'URL rejected: Malformed input to a URL function'],
    ['http://web:abc/', 3, 'URL rejected: Port number was not a decimal number between 0 and 65535'],
    ['http://', 3, 'URL rejected: No host part in the URL'],
    ['http://we"b/', 3, 'URL rejected: Bad hostname'],
    ['gopher://web/', 1, 'Protocol "gopher" not supported'],
  ])('rejects %j', (input, code, message) => {
    expect(parseUrl(input)).toEqual({ code, message })
  })

  it('Host carries the port only when it is not the default; Location resolves against the URL', () => {
    const u = parseUrl('http://web:8080/a/b') as Url
    expect(hostHeader(u)).toBe('web:8080')
    expect(hostHeader(parseUrl('https://web:443/') as Url)).toBe('web')
    expect(resolveLocation(u, '/new')).toMatchObject({ host: 'web', port: 8080, path: '/new' })
    expect(resolveLocation(u, 'c')).toMatchObject({ path: '/a/c' })
    expect(resolveLocation(u, 'http://other/')).toMatchObject({ host: 'other', port: 80 })
  })
})

describe('curl’s printed forms', () => {
  it('max5 and time2str as lib/progress.c writes them', () => {
    expect(max5(615)).toBe('  615')
    expect(max5(615_000)).toBe(' 600k')
    expect(max5(15 * 1024 * 1024 + 300_000)).toBe('15.2M')
    expect(time2str(0.5)).toBe('--:--:--')
    expect(time2str(130)).toBe(' 0:02:10')
  })

  it('the meter after a 130 s failed connect shows the time spent', () => {
    expect(meterLine({ total: 0, received: 0, uploaded: 0, elapsedMs: 130_000, done: false })).toBe(
      '  0     0    0     0    0     0      0      0 --:--:--  0:02:10 --:--:--     0',
    )
  })

  it('write-out variables, escapes, and unknown names', () => {
    const warned: string[] = []
    const info = { httpCode: 0, sizeDownload: 0, sizeHeader: 0, contentType: '', remoteIP: '', remotePort: 0, url: 'http://web/', redirects: 0, timeTotalMs: 1500, exitCode: 6, errorMsg: 'Could not resolve host: web', method: 'GET' }
    expect(writeOut('%{http_code}\\t%{time_total}%%%{exitcode} %{bogus}\\n', info, (n) => warned.push(n))).toBe('000\t1.500000%6 \n')
    expect(warned).toEqual(['bogus'])
  })
})
