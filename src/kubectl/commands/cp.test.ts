import { describe, it, expect } from 'vitest'
import type { ExecIO, PodExecOptions } from '../../api/client'
import { FakeApi } from '../testing/fakeApi'
import { MemFs } from '../testing/fakeFs'
import { HOME, kubectl, newFs } from '../testing/harness'
import { parseFileSpec } from './cp'

/** A container as far as cp needs it: test, find, mkdir, cat and tee over an in-memory tree. */
function container(files: Record<string, string>, dirs: string[] = []) {
  const fs = new MemFs(files)
  for (const d of dirs) fs.mkdir(d)
  const seen: string[][] = []
  const exec = async (_ns: string, _name: string, opts: PodExecOptions, io: ExecIO): Promise<number> => {
    const [cmd, ...a] = opts.command
    seen.push(opts.command)
    switch (cmd) {
      case 'test': return (a[0] === '-d' ? fs.isDir(a[1]) : fs.exists(a[1])) ? 0 : 1
      case 'find': {
        const walk = (p: string): string[] => (fs.isDir(p) ? (fs.readdir(p) ?? []).flatMap((n) => walk(`${p}/${n}`)) : [p])
        io.stdout.write(walk(a[0]).map((p) => `${p}\n`).join(''))
        return 0
      }
      case 'mkdir': for (const d of a.slice(1)) fs.mkdir(d); return 0
      case 'cat': {
        const c = fs.readFile(a[0])
        if (c === undefined) { io.stderr.write(`cat: can't open '${a[0]}': No such file or directory\n`); return 1 }
        io.stdout.write(c); return 0
      }
      case 'tee': {
        if (!fs.isDir(a[0].slice(0, a[0].lastIndexOf('/')) || '/')) { io.stderr.write(`tee: ${a[0]}: No such file or directory\n`); return 1 }
        let s = ''
        for (let c = await io.stdin!.read(); c !== null; c = await io.stdin!.read()) s += c
        fs.writeFile(a[0], s); io.stdout.write(s); return 0
      }
      default: return 127
    }
  }
  return { fs, seen, exec }
}

function cluster(c: ReturnType<typeof container>): FakeApi {
  const api = new FakeApi()
  api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'data' } })
  for (const [name, ns] of [['web', 'default'], ['db', 'data']]) {
    api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns }, spec: { nodeName: 'minikube', containers: [{ name: 'web', image: 'nginx' }, { name: 'log', image: 'busybox' }] }, status: { phase: 'Running' } })
  }
  api.subresources.podExec = c.exec
  return api
}

const NOTICE = 'Defaulted container "web" out of: web, log\n'

describe('kubectl cp', () => {
  it('copies a workspace file into the pod, into a directory by its base name', async () => {
    const c = container({ '/usr/share/nginx/html/50x.html': 'x' }, ['/tmp'])
    const api = cluster(c)
    const fs = newFs({ [`${HOME}/index.html`]: '<h1>hi</h1>\n' })
    expect(await kubectl(api, fs, 'cp index.html web:/usr/share/nginx/html/index.html -c web')).toEqual({ code: 0, out: '', err: '' })
    expect(c.fs.readFile('/usr/share/nginx/html/index.html')).toBe('<h1>hi</h1>\n')
    expect(await kubectl(api, fs, 'cp index.html web:/tmp')).toEqual({ code: 0, out: '', err: NOTICE })
    expect(c.fs.readFile('/tmp/index.html')).toBe('<h1>hi</h1>\n')
  })

  it('copies a workspace directory recursively; ns/pod:path picks the namespace', async () => {
    const c = container({}, ['/srv'])
    const api = cluster(c)
    const fs = newFs({ [`${HOME}/site/a.txt`]: 'A', [`${HOME}/site/sub/b.txt`]: 'B' })
    expect((await kubectl(api, fs, 'cp site data/db:/srv/site -c web')).code).toBe(0)
    expect(c.fs.readFile('/srv/site/a.txt')).toBe('A')
    expect(c.fs.readFile('/srv/site/sub/b.txt')).toBe('B')
  })

  it("copies from the pod with the container tar's notice on stdout", async () => {
    const c = container({ '/etc/hostname': 'web\n', '/etc/nginx/nginx.conf': 'events {}\n', '/etc/nginx/conf.d/default.conf': 'server {}\n' })
    const api = cluster(c)
    const fs = newFs()
    expect(await kubectl(api, fs, 'cp web:/etc/hostname ./hn -c web')).toEqual({ code: 0, out: "tar: removing leading '/' from member names\n", err: '' })
    expect(fs.readFile(`${HOME}/hn`)).toBe('web\n')
    expect(await kubectl(api, fs, 'cp web:/etc/nginx conf')).toEqual({ code: 0, out: `${NOTICE}tar: removing leading '/' from member names\n`, err: '' })
    expect(fs.readFile(`${HOME}/conf/nginx.conf`)).toBe('events {}\n')
    expect(fs.readFile(`${HOME}/conf/conf.d/default.conf`)).toBe('server {}\n')
  })

  it("reports missing files and bad specs in kubectl's (and the container's) words", async () => {
    const c = container({ '/etc/hostname': 'web\n' })
    const api = cluster(c)
    const fs = newFs()
    fs.mkdir(`${HOME}/dir`)
    expect(await kubectl(api, fs, 'cp nope.txt web:/tmp/x -c web')).toEqual({ code: 1, out: '', err: "error: nope.txt doesn't exist in local filesystem\n" })
    expect(await kubectl(api, fs, 'cp web:/nope x -c web')).toEqual({ code: 1, out: "tar: removing leading '/' from member names\ntar: /nope: No such file or directory\n", err: 'command terminated with exit code 1\n' })
    expect(await kubectl(api, fs, 'cp web:/etc/hostname dir -c web')).toEqual({ code: 1, out: "tar: removing leading '/' from member names\n", err: 'error: open dir: is a directory\n' })
    expect(await kubectl(api, fs, 'cp a b')).toEqual({ code: 1, out: '', err: 'error: one of src or dest must be a remote file specification\n' })
    expect(await kubectl(api, fs, 'cp web:/a web:/b')).toEqual({ code: 1, out: '', err: 'error: one of src or dest must be a local file specification\n' })
    expect(await kubectl(api, fs, 'cp web:/a')).toEqual({ code: 1, out: '', err: 'error: source and destination are required\n' })
    expect(await kubectl(api, fs, 'cp :/a b')).toEqual({ code: 1, out: '', err: 'error: filespec must match the canonical format: [[namespace/]pod:]file/path\n' })
    expect(await kubectl(api, fs, 'cp web: b')).toEqual({ code: 1, out: '', err: 'error: filepath can not be empty\n' })
    expect(await kubectl(api, fs, 'cp x nope:/tmp')).toEqual({ code: 1, out: '', err: 'Error from server (NotFound): pods "nope" not found\n' })
    expect(fs.exists(`${HOME}/x`)).toBe(false)
  })

  it('parses file specs as upstream does', () => {
    expect(parseFileSpec('web:/tmp')).toEqual({ pod: 'web', path: '/tmp' })
    expect(parseFileSpec('ns/web:/tmp')).toEqual({ namespace: 'ns', pod: 'web', path: '/tmp' })
    expect(parseFileSpec('./local')).toEqual({ path: './local' })
  })
})
