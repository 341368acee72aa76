import { describe, it, expect } from 'vitest'
import type { ExecIO, ExecSession, PodExecOptions } from '../../api/client'
import type { InteractiveSession } from '../../shell/types'
import { FakeApi } from '../testing/fakeApi'
import { badRequest, internalError } from '../../api/errors'
import { TestSignal, kubectl, newFs, startKubectl, words } from '../testing/harness'
import { createKubectl } from '../index'
import { isInteractiveShell } from './exec'

type Call = { ns: string; name: string; opts: PodExecOptions; stdin?: string }

function cluster(): { api: FakeApi; calls: Call[] } {
  const api = new FakeApi()
  const calls: Call[] = []
  const pod = (name: string, extra: Record<string, unknown> = {}, phase = 'Running', labels: Record<string, string> = {}) =>
    api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { nodeName: 'minikube', containers: [{ name: 'web', image: 'nginx' }], ...extra }, status: { phase } })
  pod('web')
  pod('two', { containers: [{ name: 'web', image: 'nginx' }, { name: 'sidecar', image: 'busybox' }] })
  pod('done', {}, 'Succeeded')
  pod('web-abc-1', {}, 'Pending', { app: 'web' })
  pod('web-abc-2', {}, 'Running', { app: 'web' })
  api.create('deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: {} } })
  api.subresources.podExec = async (ns: string, name: string, opts: PodExecOptions, io: ExecIO) => {
    const call: Call = { ns, name, opts }
    calls.push(call)
    if (io.stdin) { let s = ''; for (let c = await io.stdin.read(); c !== null; c = await io.stdin.read()) s += c; call.stdin = s }
    const argv = opts.command
    if (argv[0] === 'echo') { io.stdout.write(argv.slice(1).join(' ') + '\n'); return 0 }
    if (argv[0] === 'cat') { io.stdout.write(call.stdin ?? ''); return 0 }
    if (argv[0] === 'ls') { io.stderr.write(`ls: ${argv[1]}: No such file or directory\n`); return 1 }
    if (argv[0] === 'sh' && argv[1] === '-c') return Number(argv[2].replace('exit ', ''))
    return 0
  }
  return { api, calls }
}

describe('kubectl exec', () => {
  it('runs the command in the first container and passes its output through', async () => {
    const { api, calls } = cluster()
    expect(await kubectl(api, newFs(), 'exec web -- echo hello there')).toEqual({ code: 0, out: 'hello there\n', err: '' })
    expect(calls[0]).toEqual({ ns: 'default', name: 'web', opts: { container: 'web', command: ['echo', 'hello', 'there'], stdin: false, tty: false } })
  })

  it("reports the remote status in kubectl's words and exits with it", async () => {
    const { api } = cluster()
    expect(await kubectl(api, newFs(), ['exec', 'web', '--', 'sh', '-c', 'exit 3'])).toEqual({ code: 3, out: '', err: 'command terminated with exit code 3\n' })
    expect(await kubectl(api, newFs(), 'exec web -- ls /nope')).toEqual({ code: 1, out: '', err: 'ls: /nope: No such file or directory\ncommand terminated with exit code 1\n' })
  })

  it('defaults the container of a multi-container pod with a notice; -c and -q', async () => {
    const { api, calls } = cluster()
    expect(await kubectl(api, newFs(), 'exec two -- echo hi')).toEqual({ code: 0, out: 'hi\n', err: 'Defaulted container "web" out of: web, sidecar\n' })
    expect(await kubectl(api, newFs(), 'exec two -q -- echo hi')).toEqual({ code: 0, out: 'hi\n', err: '' })
    expect(await kubectl(api, newFs(), 'exec two -c sidecar -- echo hi')).toEqual({ code: 0, out: 'hi\n', err: '' })
    expect(calls[2].opts.container).toBe('sidecar')
    expect(await kubectl(api, newFs(), 'exec two -c nope -- echo hi')).toEqual({ code: 1, out: '', err: 'error: container nope not found in pod two\n' })
  })

  it('deploy/NAME picks the most active pod of the deployment', async () => {
    const { api, calls } = cluster()
    expect((await kubectl(api, newFs(), 'exec deploy/web -- echo hi')).code).toBe(0)
    expect(calls[0].name).toBe('web-abc-2')
  })

  it('-i passes stdin; -it without a terminal says so and runs without a TTY', async () => {
    const { api, calls } = cluster()
    expect(await kubectl(api, newFs(), 'exec -i web -- cat', { stdin: 'from stdin\n' })).toEqual({ code: 0, out: 'from stdin\n', err: '' })
    expect(calls[0].opts).toEqual({ container: 'web', command: ['cat'], stdin: true, tty: false })
    expect(await kubectl(api, newFs(), 'exec -it web -- cat', { stdin: 'x\n' })).toEqual({ code: 0, out: 'x\n', err: 'Unable to use a TTY - input is not a terminal or the right kind of file\n' })
    // -t alone: no stdin, so no TTY either, silently (SetupTTY).
    expect(await kubectl(api, newFs(), 'exec -t web -- echo a')).toEqual({ code: 0, out: 'a\n', err: '' })
    expect(calls[2].opts).toEqual({ container: 'web', command: ['echo', 'a'], stdin: false, tty: false })
  })

  it('-it with a shell and a terminal host hands the terminal to the nested session', async () => {
    const { api } = cluster()
    let opened: { name: string; opts: PodExecOptions } | undefined
    let state = { exited: false, exitCode: 0 }
    const inner: ExecSession = {
      run: async (line, io) => {
        if (line.startsWith('exit')) { state = { exited: true, exitCode: Number(line.split(' ')[1] ?? 0) }; return state.exitCode }
        io.stdout.write(`ran ${line}\n`); return 0
      },
      prompt: () => '/ # ',
      get exited() { return state.exited },
      get exitCode() { return state.exitCode },
    }
    api.subresources.podExecSession = (_ns, name, opts) => { opened = { name, opts }; return inner }
    const attached: InteractiveSession[] = []
    const fs = newFs()
    let out = ''
    const ctx = {
      argv: ['kubectl', ...words('exec -ti two -c sidecar -- sh')],
      stdin: { read: async () => null, readAll: async () => '' },
      stdout: { write: (s: string) => { out += s } },
      stderr: { write: (s: string) => { out += s } },
      env: { HOME: '/home/learner' }, cwd: '/home/learner', fs,
      clock: { now: () => 0, sleep: async () => {} },
      signal: { aborted: false, onAbort: () => () => {} },
      isTTY: true,
      attach: (s: InteractiveSession) => { attached.push(s) },
    }
    expect(await createKubectl({ api }).run(ctx)).toBe(0)
    expect(out).toBe('')
    expect(opened).toEqual({ name: 'two', opts: { container: 'sidecar', command: ['sh'], stdin: true, tty: true } })
    expect(attached).toHaveLength(1)
    const s = attached[0]
    expect(s.prompt()).toBe('/ # ')
    let text = ''
    const io = { stdout: { write: (c: string) => { text += c } }, stderr: { write: (c: string) => { text += `E:${c}` } }, signal: ctx.signal }
    expect(await s.run('ls /', io)).toBe(0)
    expect(await s.run('exit 3', io)).toBe(3)
    expect(s.exited).toBe(true)
    expect(text).toBe('ran ls /\nE:command terminated with exit code 3\n')
  })

  it("learner mistakes in kubectl's words, with nothing run", async () => {
    const { api, calls } = cluster()
    const usage = "\nSee 'kubectl exec -h' for help and examples\n"
    expect(await kubectl(api, newFs(), 'exec web ls')).toEqual({ code: 1, out: '', err: `error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead${usage}` })
    expect(await kubectl(api, newFs(), 'exec -it web sh')).toEqual({ code: 1, out: '', err: `error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead${usage}` })
    expect(await kubectl(api, newFs(), 'exec web')).toEqual({ code: 1, out: '', err: 'error: you must specify at least one command for the container\n' })
    expect(await kubectl(api, newFs(), 'exec web --')).toEqual({ code: 1, out: '', err: 'error: you must specify at least one command for the container\n' })
    expect(await kubectl(api, newFs(), 'exec -- ls')).toEqual({ code: 1, out: '', err: 'error: pod, type/name or --filename must be specified\n' })
    expect(await kubectl(api, newFs(), 'exec done -- ls')).toEqual({ code: 1, out: '', err: 'error: cannot exec into a container in a completed pod; current phase is Succeeded\n' })
    expect(await kubectl(api, newFs(), 'exec nope -- ls')).toEqual({ code: 1, out: '', err: 'Error from server (NotFound): pods "nope" not found\n' })
    expect((await kubectl(api, newFs(), 'exec deploy/nope -- ls')).err).toMatch(/^Error from server \(NotFound\): deployments(\.apps)? "nope" not found\n$/)
    expect(calls).toEqual([])
  })

  it('deploy/NAME with no pods waits --pod-running-timeout, then times out', async () => {
    const { api } = cluster()
    api.create('deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'empty', namespace: 'default' }, spec: { replicas: 0, selector: { matchLabels: { app: 'empty' } }, template: {} } })
    expect(await kubectl(api, newFs(), 'exec deploy/empty --pod-running-timeout=5s -- ls')).toEqual({ code: 1, out: '', err: 'error: timed out waiting for the condition\n' })
  })

  it('interrupting a running exec (Ctrl-C) ends it with 130 and no message', async () => {
    const { api } = cluster()
    api.subresources.podExec = (_ns, _n, _o, io) => new Promise((resolve) => { io.signal.onAbort(() => resolve(137)) })
    const signal = new TestSignal()
    const run = startKubectl(api, newFs(), 'exec web -- sleep 100', { signal })
    await new Promise((r) => setTimeout(r, 0))
    signal.abort()
    expect(await run.done).toEqual({ code: 130, out: '', err: '' })
  })

  it('a container not running yet: the upgrade failure as client-go words it', async () => {
    const { api } = cluster()
    api.subresources.podExec = async () => { throw badRequest('unable to upgrade connection: container not found ("web")') }
    expect(await kubectl(api, newFs(), 'exec web -- ls')).toEqual({ code: 1, out: '', err: 'error: unable to upgrade connection: container not found ("web")\n' })
    api.subresources.podExec = async () => { throw internalError('error executing command in container: failed to exec in container: OCI runtime exec failed') }
    expect(await kubectl(api, newFs(), 'exec web -- ls')).toEqual({ code: 1, out: '', err: 'error: Internal error occurred: error executing command in container: failed to exec in container: OCI runtime exec failed\n' })
    api.subresources.podExec = async () => { throw badRequest('pod web does not have a host assigned') }
    expect(await kubectl(api, newFs(), 'exec web -- ls')).toEqual({ code: 1, out: '', err: 'Error from server (BadRequest): pod web does not have a host assigned\n' })
  })

  it('knows which commands are interactive shells', () => {
    expect(isInteractiveShell(['sh'])).toBe(true)
    expect(isInteractiveShell(['/bin/bash', '-il'])).toBe(true)
    expect(isInteractiveShell(['sh', '-c', 'ls'])).toBe(false)
    expect(isInteractiveShell(['ls', '/'])).toBe(false)
  })
})
