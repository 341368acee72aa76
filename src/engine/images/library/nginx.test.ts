import { describe, it, expect } from 'vitest'
import { nginx, nginxLegacy, NGINX_INDEX_HTML } from './nginx'
import { simpleWeb } from './simpleweb'
import { httpd } from './httpd'
import { startProgram } from '../testkit'
import { byteLength } from './server'

describe('nginx', () => {
  it('starts with the entrypoint lines on stdout and notices on stderr', async () => {
    const c = startProgram(nginx)
    await c.settle()
    expect(c.stdout().split('\n')[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration')
    expect(c.stdout()).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up\n')
    expect(c.stderr()).toContain('2026/01/01 00:00:00 [notice] 1#1: nginx/1.27.3\n')
    expect(c.stderr()).toContain('[notice] 1#1: start worker process 30\n')
    expect(c.listeners.has(80)).toBe(true)
    expect(c.exitCode()).toBeUndefined()
  })

  it('serves the welcome page from the container file, and the file as changed', async () => {
    expect(byteLength(NGINX_INDEX_HTML)).toBe(615)
    const c = startProgram(nginx)
    await c.settle()
    const res = await c.request(80, '/')
    expect([res.status, res.body]).toEqual([200, NGINX_INDEX_HTML])
    expect((await c.request(80, '/index.html')).body).toBe(NGINX_INDEX_HTML)
    expect(c.stdout()).toContain('10.244.0.1 - - [01/Jan/2026:00:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"\n')
    c.fs.writeFile('/usr/share/nginx/html/index.html', 'hello from the learner\n')
    expect((await c.request(80, '/')).body).toBe('hello from the learner\n')
  })

  it('answers 404 with nginx\'s page and logs the failed open', async () => {
    const c = startProgram(nginx)
    await c.settle()
    const res = await c.request(80, '/missing')
    expect(res.status).toBe(404)
    expect(res.body).toContain('<center><h1>404 Not Found</h1></center>')
    expect(res.body).toContain('<hr><center>nginx/1.27.3</center>')
    expect(c.stderr()).toContain('[error] 29#29: *1 open() "/usr/share/nginx/html/missing" failed (2: No such file or directory), client: 10.244.0.1')
    expect(c.stdout()).toContain(`"GET /missing HTTP/1.1" 404 ${byteLength(res.body)} "-" "curl/8.5.0" "-"`)
  })

  it('shuts down gracefully on the stop signal, exit 0 within 100 ms', async () => {
    const c = startProgram(nginx)
    await c.settle()
    const t0 = c.clock.now()
    c.term()
    expect(await c.exited).toBe(0)
    expect(c.clock.now() - t0).toBeLessThanOrEqual(100)
    expect(c.stderr()).toContain('[notice] 1#1: signal 3 (SIGQUIT) received, shutting down\n')
    expect(c.stderr().trimEnd().endsWith('[notice] 1#1: exit')).toBe(true)
    expect(c.listeners.size).toBe(0)
  })

  it('returns promptly on SIGKILL', async () => {
    const c = startProgram(nginx)
    await c.settle()
    c.kill()
    expect(await c.exited).toBe(137)
  })

  it('runs without the entrypoint when the command is nginx itself, and quietly in old tags', async () => {
    const c = startProgram(nginx, { command: ['nginx', '-g', 'daemon off;'] })
    await c.settle()
    expect(c.stdout()).toBe('')
    const old = startProgram(nginxLegacy)
    await old.settle()
    expect([old.stdout(), old.stderr()]).toEqual(['', ''])
    expect((await old.request(80, '/')).status).toBe(200)
  })

  it('reports a taken port like nginx and exits 1', async () => {
    const c = startProgram(nginx, { taken: [80] })
    expect(await c.exited).toBe(1)
    expect(c.stderr()).toContain('nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n')
  })
})

describe('kovtalex/simple-web', () => {
  it('serves /app on 8000 and 404s before the init container wrote it', async () => {
    const c = startProgram(simpleWeb)
    await c.settle()
    expect(c.listeners.has(8000)).toBe(true)
    expect(c.listeners.has(80)).toBe(false)
    expect((await c.request(8000, '/index.html')).status).toBe(404)
    c.fs.mkdir('/app', { recursive: true })
    c.fs.writeFile('/app/index.html', '<html>export HOSTNAME=\'web\'</html>\n')
    const res = await c.request(8000, '/index.html')
    expect([res.status, res.body]).toEqual([200, '<html>export HOSTNAME=\'web\'</html>\n'])
    expect((await c.request(8000, '/')).status).toBe(200)
  })
})

describe('httpd', () => {
  it('says It works! and logs in common format', async () => {
    const c = startProgram(httpd)
    await c.settle()
    const res = await c.request(80, '/')
    expect(res.body).toBe('<html><body><h1>It works!</h1></body></html>\n')
    expect(c.stdout()).toBe('10.244.0.1 - - [01/Jan/2026:00:00:00 +0000] "GET / HTTP/1.1" 200 45\n')
    expect(c.stderr()).toContain("AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.0.7.")
  })
})
