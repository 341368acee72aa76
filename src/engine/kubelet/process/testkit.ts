// Fakes for testing the process layer without the rest of the kubelet: a busybox-like image, a
// server program, a fabric that records listeners, and spawn options around them.
import type { Container, KubeObject, Pod } from '../../../api/types'
import { MemoryFileSystem } from '../../../shell'
import type { NetworkAccess } from '../../../shell'
import { VirtualClock } from '../../runtime/clock'
import type { ImageSpec, Program } from '../../images/types'
import type { Fabric, Listener, Netns } from '../../network/types'
import type { ContainerFileSystem } from '../volumes/types'
import type { LogLine, SpawnOptions } from './types'

export function fakeFs(files: { path: string; content: string }[] = []): ContainerFileSystem {
  const fs = new MemoryFileSystem([{ path: '/etc/hostname', content: 'web\n' }, { path: '/tmp/.keep', content: '' }, ...files]) as MemoryFileSystem & ContainerFileSystem
  fs.mounts = () => []
  return fs
}

export class FakeFabric implements Fabric {
  readonly listeners = new Map<string, Listener>()
  attach(): void {}
  detach(): void {}
  listen(ns: Netns, port: number, listener: Listener): () => void {
    const ip = ns.kind === 'pod' || ns.kind === 'node' ? ns.ip : '127.0.0.1'
    const key = `${ip}:${port}`
    if (this.listeners.has(key)) throw new Error('address already in use')
    this.listeners.set(key, listener)
    return () => { this.listeners.delete(key) }
  }
  access(): NetworkAccess {
    return {
      http: async () => ({ kind: 'error', code: 'refused' }),
      connect: async () => ({ kind: 'error', code: 'refused' }),
      resolve: () => undefined,
    }
  }
  listenerAt(ip: string, port: number): Listener | undefined {
    return this.listeners.get(`${ip}:${port}`)
  }
}

/** A web server program: listens on 80, logs a line, exits 0 on SIGTERM after 100 ms. */
export const webServer: Program = async (ctx, host) => {
  host.listen(80, { http: (req) => ({ status: req.path === '/' ? 200 : 404, body: req.path === '/' ? 'hello\n' : 'not found\n' }) })
  host.setMemoryBytes(5_000_000)
  ctx.stdout.write('server started\n')
  await new Promise<void>((resolve) => {
    ctx.signal.onAbort(resolve)
    host.term.onAbort(resolve)
  })
  if (ctx.signal.aborted) return 137
  await ctx.clock.sleep(100, ctx.signal)
  ctx.stdout.write('shutting down\n')
  return 0
}

/** Allocates `MEMORY` megabytes one per second (a memory-stress image). */
export const stress: Program = async (ctx, host) => {
  for (let mb = 1; !ctx.signal.aborted; mb++) {
    host.setMemoryBytes(mb * 1_000_000)
    await ctx.clock.sleep(1000, ctx.signal)
  }
  return 0
}

/** An entrypoint script's `exec "$@"`. */
export const entry: Program = async (ctx, host) => (host.exec ? host.exec(ctx.argv.slice(1)) : 1)

export function image(over: Partial<ImageSpec> = {}): ImageSpec {
  return {
    repository: 'docker.io/library/busybox',
    tags: ['1.36', 'latest'],
    sizeBytes: 4_000_000,
    description: 'test busybox',
    entrypoint: [],
    cmd: ['sh'],
    shell: 'sh',
    memoryBytes: 400_000,
    programs: { web: webServer, stress, '/docker-entrypoint.sh': entry },
    ...over,
  }
}

export function pod(name = 'web'): Pod & KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}` }, spec: { containers: [{ name }] } }
}

export function spawnOptions(container: Container, over: Partial<SpawnOptions> = {}): SpawnOptions & { lines: LogLine[]; clock: VirtualClock; fabric: FakeFabric } {
  const clock = (over.clock as VirtualClock | undefined) ?? new VirtualClock()
  const lines: LogLine[] = []
  const fabric = new FakeFabric()
  return {
    pod: pod(),
    container,
    image: image(),
    init: false,
    podIP: '10.244.0.7',
    nodeName: 'minikube',
    nodeIP: '192.168.49.2',
    fs: fakeFs(),
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'web' },
    log: { write: (stream, chunk, atMs) => lines.push({ atMs: atMs ?? clock.now(), stream, text: chunk.replace(/\n$/, '') }) },
    fabric,
    netns: { kind: 'pod', ip: '10.244.0.7', namespace: 'default', podName: 'web' },
    memoryLimitBytes: undefined,
    ...over,
    clock,
    lines,
  } as SpawnOptions & { lines: LogLine[]; clock: VirtualClock; fabric: FakeFabric }
}
