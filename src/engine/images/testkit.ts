// A tiny container for testing image programs: a fake ProcessHost (listeners in a map, memory and
// CPU recorded, SIGTERM/SIGKILL as cancel signals), the shell's MemoryFileSystem seeded with the
// image's files, and the shell's fake clock (sleeps advance virtual time at once).
import { collectWriter, createCancel, MemoryFileSystem, textReader } from '../../shell'
import type { CommandContext, NetworkAccess } from '../../shell'
import { fakeClock } from '../../shell/testkit'
import type { HttpResponse, IncomingRequest, Listener } from '../network/types'
import { containerArgv, findProgram } from './catalog'
import type { ImageSpec, ProcessHost } from './types'

export interface RunOptions {
  /** command/args as a pod spec gives them. */
  command?: string[]
  args?: string[]
  env?: Record<string, string>
  files?: Record<string, string>
  podName?: string
  podIP?: string
  /** Ports another container of the pod already listens on. */
  taken?: number[]
}

export function startProgram(spec: ImageSpec, o: RunOptions = {}) {
  const argv = containerArgv(spec, o.command, o.args)
  const program = findProgram(spec, argv[0])
  if (!program) throw new Error(`no program for ${argv[0]} in ${spec.repository}`)
  const files = { ...spec.files, ...o.files }
  const fs = new MemoryFileSystem(Object.entries(files).map(([path, content]) => ({ path, content })))
  const clock = fakeClock()
  const stdout = collectWriter()
  const stderr = collectWriter()
  const kill = createCancel()
  const term = createCancel()
  const listeners = new Map<number, Listener>((o.taken ?? []).map((p) => [p, {}]))
  let memoryBytes = 0
  let cpu = 0
  const podIP = o.podIP ?? '10.244.0.7'
  const net: NetworkAccess = {
    http: async () => ({ kind: 'error', code: 'refused' }),
    connect: async (_h, port) => (listeners.has(port) ? { kind: 'open', ip: podIP } : { kind: 'error', code: 'refused' }),
    resolve: () => undefined,
  }
  const ctx: CommandContext = {
    argv, stdin: textReader(''), stdout, stderr,
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...spec.env, HOSTNAME: o.podName ?? 'web', ...o.env },
    cwd: spec.workingDir ?? '/', fs, clock, signal: kill.signal, isTTY: false, net,
  }
  const host: ProcessHost = {
    pod: { name: o.podName ?? 'web', namespace: 'default', uid: 'uid-1', ip: podIP, nodeName: 'minikube', labels: {} },
    container: 'c',
    listen(port, l) {
      if (listeners.has(port)) throw new Error('address already in use')
      listeners.set(port, l)
      return () => listeners.delete(port)
    },
    setMemoryBytes: (b) => { memoryBytes = b },
    setCpuMillicores: (m) => { cpu = m },
    term: term.signal,
  }
  const exited = program(ctx, host)
  let exitCode: number | undefined
  void exited.then((c) => { exitCode = c })
  /** Let the program's pending promises run (startup lines, listens). */
  const settle = async () => { for (let i = 0; i < 50; i++) await Promise.resolve() }
  const request = async (port: number, path: string, headers: Record<string, string> = {}, remoteIP = '10.244.0.1'): Promise<HttpResponse> => {
    const l = listeners.get(port)
    if (!l?.http) throw new Error(`nothing serves HTTP on ${port}`)
    const req: IncomingRequest = { method: 'GET', path, headers: { host: `${podIP}:${port}`, 'user-agent': 'curl/8.5.0', accept: '*/*', ...headers }, remoteIP, localIP: podIP, localPort: port }
    return l.http(req)
  }
  return {
    argv, fs, clock, exited, listeners, request, settle,
    stdout: () => stdout.text(),
    stderr: () => stderr.text(),
    memory: () => memoryBytes,
    cpu: () => cpu,
    exitCode: () => exitCode,
    term: () => term.abort(),
    kill: () => kill.abort(),
  }
}
