import { describe, it, expect } from 'vitest'
import { fakeNet, netShell, type FakeServer } from './testing'
import type { ShellClock } from '../types'

const PAGE = '<h1>Welcome to nginx!</h1>\n'

const nginx: FakeServer = (req) => {
  const h = (body: string, extra: [string, string][] = []): [string, string][] => [
    ['Server', 'nginx/1.25.5'], ['Date', 'Thu, 01 Jan 2026 00:00:00 GMT'], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ...extra,
  ]
  if (req.path === '/') return { status: 200, headers: h(PAGE), body: PAGE }
  if (req.path === '/old') return { status: 301, headers: h('moved\n', [['Location', '/new']]), body: 'moved\n' }
  if (req.path === '/new') return { status: 200, headers: h('new\n'), body: 'new\n' }
  if (req.path === '/echo') {
    const seen = `${req.method} ${req.headers.map(([k, v]) => `${k}=${v}`).join(' ')} body=${req.body ?? ''}\n`
    return { status: 200, headers: h(seen), body: seen }
  }
  return { status: 404, headers: h('nope\n'), body: 'nope\n' }
}

const cluster = (clock: ShellClock) =>
  fakeNet({
    clock,
    names: { web: '10.244.0.5' },
    hosts: { '10.244.0.5': { 80: nginx, 6379: 'tcp' } },
    unreachable: ['10.244.0.99'],
  })

const sh = () => netShell({ net: cluster })

describe('curl: success', () => {
  it('writes the body to stdout as is and sends curl’s default headers', async () => {
    const { run } = sh()
    const r = await run('curl -s http://10.244.0.5/echo')
    expect(r).toMatchObject({ status: 0, stderr: '' })
    expect(r.stdout).toBe('GET Host=10.244.0.5 User-Agent=curl/8.5.0 Accept=*/* body=\n')
    expect((await run('curl -s web')).stdout).toBe(PAGE)
  })

  it('-v prints curl 8.5’s trace on stderr', async () => {
    const { run } = sh()
    const r = await run('curl -sv web:80/')
    expect(r.stdout).toBe(PAGE)
    expect(r.stderr.replace(/\r/g, '')).toBe(
      [
        '* Host web:80 was resolved.',
        '* IPv6: (none)',
        '* IPv4: 10.244.0.5',
        '*   Trying 10.244.0.5:80...',
        '* Connected to web (10.244.0.5) port 80',
        '> GET / HTTP/1.1',
        '> Host: web',
        '> User-Agent: curl/8.5.0',
        '> Accept: */*',
        '> ',
        '< HTTP/1.1 200 OK',
        '< Server: nginx/1.25.5',
        '< Date: Thu, 01 Jan 2026 00:00:00 GMT',
        '< Content-Type: text/html',
        '< Content-Length: 27',
        '< ',
        '{ [27 bytes data]',
        '* Connection #0 to host web left intact',
        '',
      ].join('\n'),
    )
  })

  it('-i prepends the header block with CRLF; -I sends HEAD and prints only headers', async () => {
    const { run } = sh()
    const i = await run('curl -si 10.244.0.5')
    expect(i.stdout).toBe('HTTP/1.1 200 OK\r\nServer: nginx/1.25.5\r\nDate: Thu, 01 Jan 2026 00:00:00 GMT\r\nContent-Type: text/html\r\nContent-Length: 27\r\n\r\n' + PAGE)
    const head = await run('curl -sI 10.244.0.5/echo')
    expect(head.stdout.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true)
    expect(head.stdout.endsWith('\r\n\r\n')).toBe(true)
  })

  it('-H, -X, -d: headers merged curl’s way, POST with Content-Length and form Content-Type', async () => {
    const { run } = sh()
    const r = await run(`curl -s -H 'X-Canary: always' -H 'Accept:' -d 'a=1' -d b=2 web/echo`)
    expect(r.stdout).toBe('POST Host=web User-Agent=curl/8.5.0 X-Canary=always Content-Length=7 Content-Type=application/x-www-form-urlencoded body=a=1&b=2\n')
    const put = await run(`curl -s -X PUT -H 'Host: app.local' web/echo`)
    expect(put.stdout).toBe('PUT Host=app.local User-Agent=curl/8.5.0 Accept=*/* body=\n')
  })

  it('-o writes the file with the progress meter on stderr; -O names it after the URL', async () => {
    const { run, fs } = sh()
    const r = await run('curl -o page.html web')
    expect(r.status).toBe(0)
    expect(fs.readFile('/home/learner/page.html')).toBe(PAGE)
    expect(r.stderr).toBe(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
        '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
        '\r100    27  100    27    0     0  27000      0 --:--:-- --:--:-- --:--:-- 27000\n',
    )
    expect((await run('curl -sO web/new')).status).toBe(0)
    expect(fs.readFile('/home/learner/new')).toBe('new\n')
    expect(await run('curl -sO web/')).toMatchObject({ status: 23, stderr: 'curl: Remote file name has no length!\n' })
  })

  it('-o /dev/null discards; a missing directory is curl (23)', async () => {
    const { run } = sh()
    expect(await run(`curl -s -o /dev/null -w '%{http_code}' web`)).toMatchObject({ status: 0, stdout: '200' })
    expect(await run('curl -sS -o nodir/page.html web')).toMatchObject({
      status: 23,
      stderr: 'Warning: Failed to open the file nodir/page.html: No such file or directory\ncurl: (23) Failure writing output to destination\n',
    })
  })

  it('no meter when the body goes to the terminal', async () => {
    const { run } = sh()
    expect(await run('curl web', { isTTY: true })).toMatchObject({ stdout: PAGE, stderr: '' })
  })

  it('-L follows the Location; without it the 301 body is printed', async () => {
    const { run } = sh()
    expect((await run('curl -s web/old')).stdout).toBe('moved\n')
    expect((await run('curl -sL web/old')).stdout).toBe('new\n')
    expect((await run(`curl -sL -w '%{num_redirects} %{url_effective}' web/old`)).stdout).toBe('new\n1 http://web/new')
  })

  it('--resolve pins a name to an address', async () => {
    const { run } = sh()
    expect((await run('curl -s --resolve app.local:80:10.244.0.5 http://app.local/echo')).stdout).toBe('GET Host=app.local User-Agent=curl/8.5.0 Accept=*/* body=\n')
  })

  it('-w %{http_code} and friends', async () => {
    const { run } = sh()
    expect((await run(`curl -s -o /dev/null -w '%{http_code}\\n' web/missing`)).stdout).toBe('404\n')
    expect((await run(`curl -s -w '%{http_code} %{remote_ip}:%{remote_port} %{size_download}' web/new`)).stdout).toBe('new\n200 10.244.0.5:80 4')
  })
})

describe('curl: failures in curl 8’s words', () => {
  it('(6) a name that does not resolve', async () => {
    const { run } = sh()
    expect(await run('curl web-svc')).toMatchObject({ status: 6, stdout: '' })
    expect((await run('curl -s web-svc')).stderr).toBe('')
    expect((await run('curl -sS web-svc')).stderr).toBe('curl: (6) Could not resolve host: web-svc\n')
  })

  it('the meter’s zero line comes before the error when the output is not a terminal', async () => {
    const { run } = sh()
    expect((await run('curl web-svc')).stderr).toBe(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
        '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
        '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n' +
        'curl: (6) Could not resolve host: web-svc\n',
    )
  })

  it('(7) refused at once', async () => {
    const { run } = sh()
    expect(await run('curl -sS web:8080')).toMatchObject({ status: 7, stderr: "curl: (7) Failed to connect to web port 8080 after 0 ms: Couldn't connect to server\n" })
    const v = await run('curl -sSv 10.244.0.5:8080')
    expect(v.stderr).toContain('* connect to 10.244.0.5 port 8080 failed: Connection refused\n')
    expect(v.stderr).toContain("* Failed to connect to 10.244.0.5 port 8080 after 0 ms: Couldn't connect to server\n* Closing connection\ncurl: (7)")
  })

  it('(28) the kernel gives up after 130 s; curl’s own limits report their own words', async () => {
    const { run } = sh()
    const k = await run('curl -sS 10.244.0.9')
    expect(k).toMatchObject({ status: 28, elapsedMs: 130_000, stderr: "curl: (28) Failed to connect to 10.244.0.9 port 80 after 130000 ms: Couldn't connect to server\n" })
    expect(await run('curl -sS --max-time 5 10.244.0.9')).toMatchObject({ status: 28, stderr: 'curl: (28) Connection timed out after 5001 milliseconds\n' })
    expect(await run('curl -sS --connect-timeout 2 10.244.0.9')).toMatchObject({ status: 28, stderr: 'curl: (28) Connection timed out after 2001 milliseconds\n' })
  })

  it('(7) no route to host after ARP gives up', async () => {
    const { run } = sh()
    expect(await run('curl -sS 10.244.0.99')).toMatchObject({ status: 7, stderr: "curl: (7) Failed to connect to 10.244.0.99 port 80 after 3000 ms: Couldn't connect to server\n" })
  })

  it('(28) a server slower than --max-time', async () => {
    const { run } = netShell({ net: (clock) => fakeNet({ clock, hosts: { '10.244.0.5': { 80: nginx } }, serverDelayMs: 10_000 }) })
    expect(await run('curl -sS -m 3 10.244.0.5')).toMatchObject({ status: 28, stderr: 'curl: (28) Operation timed out after 3001 milliseconds with 0 bytes received\n' })
  })

  it('(52) a TCP-only server', async () => {
    const { run } = sh()
    expect(await run('curl -sS 10.244.0.5:6379')).toMatchObject({ status: 52, stderr: 'curl: (52) Empty reply from server\n' })
  })

  it('(22) -f on an HTTP error, with no body', async () => {
    const { run } = sh()
    expect(await run('curl -sSf web/missing')).toMatchObject({ status: 22, stdout: '', stderr: 'curl: (22) The requested URL returned error: 404\n' })
    expect(await run('curl -s web/missing')).toMatchObject({ status: 0, stdout: 'nope\n' })
    expect(await run('curl -sS --fail-with-body web/missing')).toMatchObject({ status: 22, stdout: 'nope\n', stderr: 'curl: (22) The requested URL returned error: 404\n' })
  })

  it('(3) and (1): URLs curl rejects', async () => {
    const { run } = sh()
    expect(await run('curl -sS http://web:99999/')).toMatchObject({ status: 3, stderr: 'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535\n' })
    expect(await run('curl -sS http:///x')).toMatchObject({ status: 3, stderr: 'curl: (3) URL rejected: No host part in the URL\n' })
    expect(await run('curl -sS ftp://web/')).toMatchObject({ status: 1, stderr: 'curl: (1) Protocol "ftp" not supported\n' })
  })

  it('(60) https to a cluster certificate without -k or --cacert', async () => {
    const { run } = netShell({ net: (clock) => fakeNet({ clock, hosts: { '192.168.49.2': { 8443: () => ({ status: 200, body: '{"major": "1"}' }) } } }) })
    const r = await run('curl https://192.168.49.2:8443/version', { isTTY: true })
    expect(r.status).toBe(60)
    expect(r.stderr).toBe(
      'curl: (60) SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\n' +
        'curl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n',
    )
    expect(await run('curl -sk https://192.168.49.2:8443/version')).toMatchObject({ status: 0, stdout: '{"major": "1"}' })
    expect((await run('curl -s --cacert /var/run/secrets/kubernetes.io/serviceaccount/ca.crt https://192.168.49.2:8443/version')).status).toBe(0)
  })

  it('usage errors exit 2', async () => {
    const { run } = sh()
    const hint = "curl: try 'curl --help' or 'curl --manual' for more information\n"
    expect(await run('curl')).toMatchObject({ status: 2, stderr: `curl: no URL specified!\n${hint}` })
    expect(await run('curl --bogus web')).toMatchObject({ status: 2, stderr: `curl: option --bogus: is unknown\n${hint}` })
    expect(await run('curl web -o')).toMatchObject({ status: 2, stderr: `curl: option -o: requires parameter\n${hint}` })
    expect(await run('curl -m abc web')).toMatchObject({ status: 2, stderr: `curl: option -m: expected a proper numerical parameter\n${hint}` })
  })

  it('without a network: names do not resolve, IPs cannot be reached', async () => {
    const { run } = netShell()
    expect(await run('curl -sS web')).toMatchObject({ status: 6, stderr: 'curl: (6) Could not resolve host: web\n' })
    expect(await run('curl -sS 10.0.0.1')).toMatchObject({ status: 7, stderr: "curl: (7) Failed to connect to 10.0.0.1 port 80 after 0 ms: Couldn't connect to server\n" })
  })
})
