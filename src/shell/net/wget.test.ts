import { describe, it, expect } from 'vitest'
import { fakeNet, netShell, type FakeServer } from './testing'
import type { ShellClock } from '../types'
import { progressLine } from './wget'

const PAGE = '<h1>Welcome to nginx!</h1>\n'
const server: FakeServer = (req) => {
  if (req.path === '/') return { status: 200, body: PAGE }
  if (req.path === '/moved') return { status: 302, headers: [['Location', '/']], body: '' }
  if (req.path === '/hdr') return { status: 200, body: req.headers.map(([k, v]) => `${k}: ${v}`).join('\n') + '\n' }
  return { status: 404, headers: [['Content-Type', 'text/html']], body: 'nope' }
}
const cluster = (clock: ShellClock) =>
  fakeNet({ clock, names: { web: '10.244.0.5' }, hosts: { '10.244.0.5': { 80: server, 6379: 'tcp' } }, unreachable: ['10.244.0.99'] })
const sh = () => netShell({ net: cluster })

describe('busybox wget', () => {
  it('-qO- prints the body and nothing else', async () => {
    const { run } = sh()
    expect(await run('wget -qO- web')).toEqual({ status: 0, stdout: PAGE, stderr: '', elapsedMs: 0 })
    expect((await run('wget -q -O - http://10.244.0.5/')).stdout).toBe(PAGE)
  })

  it('saves index.html with busybox’s lines', async () => {
    const { run, fs } = sh()
    const r = await run('wget web')
    expect(r.status).toBe(0)
    expect(fs.readFile('/home/learner/index.html')).toBe(PAGE)
    expect(r.stderr).toBe(
      'Connecting to web (10.244.0.5:80)\n' +
        "saving to 'index.html'\n" +
        'index.html           100% |*******************************|    27   0:00:00 ETA\n' +
        "'index.html' saved\n",
    )
    // Without -O it never overwrites.
    expect(await run('wget -q web')).toMatchObject({ status: 1, stderr: "wget: can't open 'index.html': File exists\n" })
    expect((await run('wget -q -O index.html web')).status).toBe(0)
  })

  it('-O - says writing to stdout; the progress file name is "-"', async () => {
    const { run } = sh()
    const r = await run('wget -O- web:80')
    expect(r.stdout).toBe(PAGE)
    expect(r.stderr).toBe(
      'Connecting to web:80 (10.244.0.5:80)\nwriting to stdout\n-                    100% |*******************************|    27   0:00:00 ETA\nwritten to stdout\n',
    )
  })

  it('follows a relative redirect on the same connection; -S shows the server’s lines', async () => {
    const { run } = sh()
    const r = await run('wget -S -O- web/moved')
    expect(r.stdout).toBe(PAGE)
    expect(r.stderr).toContain('Connecting to web (10.244.0.5:80)\n  HTTP/1.1 302 Found\n  Location: /\n  HTTP/1.1 200 OK\nwriting to stdout')
  })

  it('sends Host, User-Agent: Wget and Connection: close', async () => {
    const { run } = sh()
    expect((await run('wget -qO- --header "X-A: b" web/hdr')).stdout).toBe('Host: web\nUser-Agent: Wget\nConnection: close\nX-A: b\n')
  })

  it('errors in busybox’s words, exit 1', async () => {
    const { run } = sh()
    expect(await run('wget -qO- web/missing')).toMatchObject({ status: 1, stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\n' })
    expect(await run('wget -qO- nowhere')).toMatchObject({ status: 1, stderr: "wget: bad address 'nowhere'\n" })
    expect(await run('wget -qO- nowhere:8080')).toMatchObject({ stderr: "wget: bad address 'nowhere:8080'\n" })
    expect(await run('wget -qO- web:81')).toMatchObject({ status: 1, stderr: "wget: can't connect to remote host (10.244.0.5): Connection refused\n" })
    expect(await run('wget -qO- 10.244.0.99')).toMatchObject({ stderr: "wget: can't connect to remote host (10.244.0.99): No route to host\n", elapsedMs: 3000 })
    expect(await run('wget -qO- 10.244.0.9')).toMatchObject({ stderr: "wget: can't connect to remote host (10.244.0.9): Connection timed out\n", elapsedMs: 130_000 })
    expect(await run('wget -T 5 -qO- 10.244.0.9')).toMatchObject({ stderr: 'wget: download timed out\n', elapsedMs: 5000 })
    expect(await run('wget -qO- web:6379')).toMatchObject({ stderr: 'wget: error getting response\n' })
    expect(await run('wget -qO- ftp://web/')).toMatchObject({ stderr: 'wget: not an http or ftp url: ftp://web/\n' })
  })

  it('https: busybox notes that it does not validate certificates', async () => {
    const { run } = netShell({ net: (clock) => fakeNet({ clock, hosts: { '10.244.0.5': { 443: server } } }) })
    expect(await run('wget -qO- https://10.244.0.5/')).toMatchObject({ status: 0, stdout: PAGE, stderr: 'wget: note: TLS certificate validation not implemented\n' })
    expect((await run('wget -qO- --no-check-certificate https://10.244.0.5/')).stderr).toBe('')
  })

  it('--spider checks existence only', async () => {
    const { run, fs } = sh()
    expect(await run('wget --spider web')).toMatchObject({ status: 0, stderr: 'Connecting to web (10.244.0.5:80)\nremote file exists\n' })
    expect(fs.exists('/home/learner/index.html')).toBe(false)
  })

  it('no URL prints the usage, exit 1', async () => {
    const { run } = sh()
    const r = await run('wget')
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('Usage: wget [-cqS]')
  })

  it('progress bar width follows the terminal; big sizes scale', () => {
    expect(progressLine('app.tar.gz', 5_000_000, 60)).toBe('app.tar.gz           100% |***********|  4882k  0:00:00 ETA')
    expect(progressLine('a-very-long-file-name.txt', 1, 40)).toBe('a-very-long-file-nam 100%     1   0:00:00 ETA')
  })
})
