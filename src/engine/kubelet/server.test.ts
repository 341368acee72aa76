import { describe, it, expect } from 'vitest'
import type { ContainerStatus, KubeObject, Pod } from '../../api/types'
import { StatusError } from '../../api/errors'
import { collectWriter, createCancel } from '../../shell'
import { VirtualClock } from '../runtime/clock'
import { LogStore } from './logs'
import { spawnContainer } from './process/spawn'
import { FakeFabric, spawnOptions } from './process/testkit'
import type { ContainerProcess } from './process/types'
import { createNodeServer, DEFAULT_SYSTEM_USAGE } from './server'

type State = ContainerStatus['state']

function podWith(state: State, lastState: ContainerStatus['lastState'] = {}, containerID?: string): Pod & KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-web' },
    spec: { containers: [{ name: 'web', image: 'busybox' }] },
    status: { podIP: '10.244.0.7', containerStatuses: [{ name: 'web', image: 'busybox', imageID: '', ready: false, restartCount: 0, state, lastState, containerID }] },
  }
}

function setup() {
  const clock = new VirtualClock()
  const logs = new LogStore(clock)
  const fabric = new FakeFabric()
  const procs = new Map<string, ContainerProcess>()
  const server = createNodeServer({
    clock,
    fabric,
    logs,
    process: (uid, name) => procs.get(`${uid}/${name}`),
    pods: () => [{ uid: 'uid-web', containers: ['web'] }],
  })
  return { clock, logs, fabric, procs, server }
}

async function logsOf(server: ReturnType<typeof setup>['server'], pod: Pod & KubeObject, container: string, opts = {}): Promise<string> {
  const out = collectWriter()
  await server.logs(pod, container, opts, out, createCancel().signal)
  return out.text()
}

async function errorOf(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p)
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError)
    return `${(e as StatusError).status.reason}: ${(e as StatusError).message}`
  }
  throw new Error('expected an error')
}

describe('NodeServer logs', () => {
  it('a waiting container has no logs yet, in the kubelet\'s words', async () => {
    const { server } = setup()
    const waiting = (reason: string) => podWith({ waiting: { reason } })
    expect(await errorOf(logsOf(server, waiting('ContainerCreating'), 'web'))).toBe('BadRequest: container "web" in pod "web" is waiting to start: ContainerCreating')
    expect(await errorOf(logsOf(server, waiting('PodInitializing'), 'web'))).toBe('BadRequest: container "web" in pod "web" is waiting to start: PodInitializing')
    expect(await errorOf(logsOf(server, waiting('ErrImagePull'), 'web'))).toBe('BadRequest: container "web" in pod "web" is waiting to start: image can\'t be pulled')
    expect(await errorOf(logsOf(server, waiting('ImagePullBackOff'), 'web'))).toBe('BadRequest: container "web" in pod "web" is waiting to start: trying and failing to pull image')
  })

  it('an unknown container, and --previous with none', async () => {
    const { server } = setup()
    const running = podWith({ running: { startedAt: '2026-01-01T00:00:00Z' } })
    expect(await errorOf(logsOf(server, running, 'nginx'))).toBe('BadRequest: container nginx is not valid for pod web')
    expect(await errorOf(logsOf(server, running, 'web', { previous: true }))).toBe('BadRequest: previous terminated container "web" in pod "web" not found')
  })

  it('running: the current instance; --previous: the one before', async () => {
    const { server, logs } = setup()
    logs.open('uid-web', 'web').write('stdout', 'first\n')
    logs.open('uid-web', 'web').write('stdout', 'second\n')
    const pod = podWith({ running: {} }, { terminated: { exitCode: 1, containerID: 'docker://a' } }, 'docker://b')
    expect(await logsOf(server, pod, 'web')).toBe('second\n')
    expect(await logsOf(server, pod, 'web', { previous: true })).toBe('first\n')
  })

  it('CrashLoopBackOff: both the log and --previous are the instance that just died', async () => {
    const { server, logs } = setup()
    logs.open('uid-web', 'web').write('stdout', 'older\n')
    const dead = logs.open('uid-web', 'web')
    dead.write('stdout', 'crashed\n')
    dead.end()
    const pod = podWith({ waiting: { reason: 'CrashLoopBackOff' } }, { terminated: { exitCode: 1, containerID: 'docker://b' } })
    expect(await logsOf(server, pod, 'web')).toBe('crashed\n')
    expect(await logsOf(server, pod, 'web', { previous: true })).toBe('crashed\n')
  })

  it('follows a running container until it ends', async () => {
    const { server, logs } = setup()
    const sink = logs.open('uid-web', 'web')
    sink.write('stdout', 'one\n')
    const out = collectWriter()
    let done = false
    const following = server.logs(podWith({ running: {} }), 'web', { follow: true }, out, createCancel().signal).then(() => { done = true })
    await Promise.resolve()
    sink.write('stdout', 'two\n')
    expect(out.text()).toBe('one\ntwo\n')
    expect(done).toBe(false)
    sink.end()
    await following
    expect(done).toBe(true)
  })

  it('picks the instance by container id when the kubelet recorded ids', async () => {
    const { server, logs } = setup()
    logs.open('uid-web', 'web', { containerId: 'docker://a' }).write('stdout', 'a\n')
    logs.open('uid-web', 'web', { containerId: 'docker://b' }).write('stdout', 'b\n')
    // The status still names the old instance (written before the restart was seen).
    const pod = podWith({ running: {} }, {}, 'docker://a')
    expect(await logsOf(server, pod, 'web')).toBe('a\n')
  })
})

describe('NodeServer exec', () => {
  it('a container that is not running', async () => {
    const { server } = setup()
    const pod = podWith({ waiting: { reason: 'ContainerCreating' } })
    const io = { stdout: collectWriter(), stderr: collectWriter(), signal: createCancel().signal }
    expect(await errorOf(server.exec(pod, 'web', { command: ['ls'] }, io))).toBe('BadRequest: unable to upgrade connection: container not found ("web")')
  })

  it('runs in the container; a missing executable is containerd\'s internal error', async () => {
    const { server, procs } = setup()
    const o = spawnOptions({ name: 'web', command: ['sleep', '3600'] }, { env: { APP: 'shop' } })
    procs.set('uid-web/web', spawnContainer(o))
    const pod = podWith({ running: {} })
    const out = collectWriter()
    const io = { stdout: out, stderr: out, signal: createCancel().signal }
    expect(await server.exec(pod, 'web', { command: ['printenv', 'APP'] }, io)).toBe(0)
    expect(out.text()).toBe('shop\n')
    const message = await errorOf(server.exec(pod, 'web', { command: ['bash'] }, io))
    expect(message).toMatch(/^InternalError: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown$/)
    expect(await errorOf(() => server.execSession(pod, 'web', { command: ['bash'], stdin: true, tty: true }))).toContain('exec: "bash": executable file not found in $PATH')
    expect(server.execSession(pod, 'web', { command: ['sh'], stdin: true, tty: true }).prompt()).toBe('/ # ')
  })
})

describe('NodeServer port-forward and usage', () => {
  it('reaches the listener on the pod IP, or says the connection was refused', async () => {
    const { server, fabric } = setup()
    const pod = podWith({ running: {} })
    const req = { host: 'localhost', port: 8080, method: 'GET', path: '/', headers: [['Host', 'localhost:8080']] as [string, string][] }
    const refused = await server.portForward(pod, 80).http(req, createCancel().signal)
    expect(refused).toMatchObject({ kind: 'error', code: 'refused' })
    expect(refused.kind === 'error' && refused.message).toMatch(/^error forwarding port 80 to pod [0-9a-f]{64}, uid : exit status 1: 2026\/01\/01 00:00:00 socat\[\d+\] E connect\(5, AF=2 127\.0\.0\.1:80, 16\): Connection refused$/)
    fabric.listen({ kind: 'pod', ip: '10.244.0.7', namespace: 'default', podName: 'web' }, 80, {
      http: (r) => ({ status: 200, headers: { 'Content-Type': 'text/plain' }, body: `${r.path} ${r.headers.host}\n` }),
    })
    expect(await server.portForward(pod, 80).http(req, createCancel().signal)).toEqual({
      kind: 'response', ip: '127.0.0.1', status: 200, reason: 'OK', body: '/ localhost:8080\n',
      headers: [['Date', 'Thu, 01 Jan 2026 00:00:00 GMT'], ['Content-Type', 'text/plain'], ['Content-Length', '17']],
    })
  })

  it('pod and node usage come from the processes', () => {
    const { server, procs } = setup()
    const o = spawnOptions({ name: 'web', command: ['sleep', '3600'] })
    procs.set('uid-web/web', spawnContainer(o))
    expect(server.podUsage('uid-web')).toEqual({ containers: [{ name: 'web', cpuMillicores: 1, memoryBytes: 400_000 }] })
    expect(server.podUsage('nope')).toBeUndefined()
    expect(server.nodeUsage()).toEqual({ cpuMillicores: DEFAULT_SYSTEM_USAGE.cpuMillicores + 1, memoryBytes: DEFAULT_SYSTEM_USAGE.memoryBytes + 400_000 })
  })
})
