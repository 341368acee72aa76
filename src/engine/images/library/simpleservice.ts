// mhausenblas/simpleservice: Michael Hausenblas' tornado demo service (Kubernetes by Example).
// python as PID 1 has no SIGTERM handler, so the kernel drops the signal: deleting the pod waits
// out the grace period. It logs through python's logging to stderr, one line per request plus
// tornado's access line, with the `[at line N]` of simpleservice.py (0.5.0's line numbers).
import type { IncomingRequest } from '../../network/types'
import type { ImageSpec, Program } from '../types'
import { DEBIAN_8, MiB } from './osrelease'
import type { ServeCtx } from './server'
import { hostHeader, json, pathOf, serverProgram, text } from './server'
import { pyTime12 } from './timefmt'

/** tornado/web.py's log_request line (tornado 4.4) as the root logger formats it. */
const TORNADO_ACCESS_LINE = 1946

/** Python 2's str(dict) of the environment: `{'PATH': '/usr/…', 'HOSTNAME': 'web'}`. */
function pyDict(env: Record<string, string>): string {
  return '{' + Object.entries(env).map(([k, v]) => `'${k}': '${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ') + '}'
}

function handler(version: string) {
  return async (req: IncomingRequest, s: ServeCtx) => {
    const now = () => pyTime12(s.ctx.clock.now())
    const path = pathOf(req)
    const host = hostHeader(req)
    const served = (line: number) => s.log(`${now()} INFO ${path} serving from ${host} has been invoked from ${req.remoteIP} [at line ${line}]`, true)
    const access = (status: number) => s.log(`${now()} ${status < 400 ? 'INFO' : 'WARNING'} ${status} ${req.method} ${req.path} (${req.remoteIP}) 0.${String(40 + (req.path.length * 7) % 60).padStart(2, '0')}ms [at line ${TORNADO_ACCESS_LINE}]`, true)
    let res
    if (req.method !== 'GET') res = text(405, '<html><title>405: Method Not Allowed</title><body>405: Method Not Allowed</body></html>', 'text/html; charset=UTF-8')
    else if (path === '/info') { served(101); res = json(200, `{"host": "${host}", "version": "${version}", "from": "${req.remoteIP}"}`) }
    else if (path === '/health') {
      served(79)
      // HEALTH_MIN/HEALTH_MAX (ms) delay the answer; the service picks at random, we wait the midpoint.
      const min = Number(s.ctx.env.HEALTH_MIN || 0)
      const max = Number(s.ctx.env.HEALTH_MAX || 0)
      if (max > min && min >= 0) await s.ctx.clock.sleep(Math.round((min + max) / 2), s.ctx.signal)
      res = json(200, '{"healthy": true}')
    } else if (path === '/endpoint0') { served(59); res = json(200, `{"host": "${host}", "version": "${version}", "result": "all is well"}`) }
    else if (path === '/env') { served(121); res = json(200, JSON.stringify({ version, env: pyDict(s.ctx.env) }).replace(/":"/g, '": "').replace(/","/g, '", "')) }
    else res = text(404, '<html><title>404: Not Found</title><body>404: Not Found</body></html>', 'text/html; charset=UTF-8')
    access(res.status)
    return res
  }
}

/** `python ./simpleservice.py`: PORT0 (default 9876) and SIMPLE_SERVICE_VERSION (default 0.5.0). */
export const simpleservicePy: Program = (ctx, host) => {
  const version = ctx.env.SIMPLE_SERVICE_VERSION || '0.5.0'
  const port = Number(ctx.env.PORT0 || 9876)
  return serverProgram({
    listen: [{ port, http: handler(version) }],
    bindError: (p) => ({ lines: [{ stderr: true, text: `Traceback (most recent call last):\n  File "./simpleservice.py", line 141, in <module>\n    app.listen(PORT, address='0.0.0.0')\n  File "/usr/local/lib/python2.7/site-packages/tornado/web.py", line 1940, in listen\n    server.listen(port, address)\n  File "/usr/local/lib/python2.7/site-packages/tornado/tcpserver.py", line 142, in listen\n    sockets = bind_sockets(port, address=address)\n  File "/usr/local/lib/python2.7/site-packages/tornado/netutil.py", line 197, in bind_sockets\n    sock.bind(sockaddr)\n  File "/usr/local/lib/python2.7/socket.py", line 228, in meth\n    return getattr(self._sock,name)(*args)\nsocket.error: [Errno 98] Address already in use` }], exitCode: 1 }),
    ready: [{ stderr: true, text: (c) => `${pyTime12(c.nowMs)} INFO This is simple service in version v${version} listening on port ${port} [at line 142]` }],
    memoryBytes: 19 * MiB,
    onTerm: 'ignore',
  })(ctx, host)
}

/** A `python` that knows one script: the image's own. Anything else: python's file-not-found line. */
const python: Program = async (ctx, host) => {
  const script = ctx.argv[1]
  if (script === './simpleservice.py' || script === 'simpleservice.py' || script === '/usr/src/app/simpleservice.py') return simpleservicePy(ctx, host)
  if (script === undefined) return 0 // the REPL with no TTY reads end of input
  if (script === '--version' || script === '-V') { ctx.stderr.write('Python 2.7.13\n'); return 0 }
  ctx.stderr.write(`python: can't open file '${script}': [Errno 2] No such file or directory\n`)
  return 2
}

export const simpleservice: ImageSpec = {
  repository: 'docker.io/mhausenblas/simpleservice',
  family: 'Kubernetes by Example',
  tags: ['0.5.0', '0.4.0', '0.3.0', '0.2.0', 'latest'],
  sizeBytes: 681_225_016,
  description: 'A tornado demo service on 9876: /info (host, version, from), /health, /endpoint0, /env. SIGTERM is ignored (python as PID 1).',
  entrypoint: [],
  cmd: ['python', './simpleservice.py'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', PYTHON_VERSION: '2.7.13', PYTHON_PIP_VERSION: '9.0.1', REFRESHED_AT: '2016-10-11T18:23' },
  workingDir: '/usr/src/app',
  // The onbuild image declares no EXPOSE; 9876 is where the service listens.
  exposedPorts: [9876],
  files: { '/etc/os-release': DEBIAN_8, '/usr/src/app/requirements.txt': 'tornado==4.4.2\n', '/usr/src/app/simpleservice.py': '#!/usr/bin/env python\n\n"""\nA simple service\n\n@author: Michael Hausenblas, http://mhausenblas.info/#i\n@since: 2016-09-23\n"""\n' },
  shell: 'bash',
  tools: ['curl', 'wget', 'ps'],
  programs: { python, 'python2.7': python, python2: python },
  memoryBytes: 19 * MiB,
}
