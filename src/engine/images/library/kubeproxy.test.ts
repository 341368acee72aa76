import { describe, it, expect } from 'vitest'
import { collectWriter, createCancel, MemoryFileSystem, textReader } from '../../../shell'
import type { CommandContext, NetworkAccess } from '../../../shell'
import type { ApiClient } from '../../../api/client'
import type { KubeObject, WatchEvent } from '../../../api/types'
import { VirtualClock } from '../../runtime/clock'
import { containerClock } from '../../kubelet/process/clock'
import type { Listener } from '../../network/types'
import type { ProcessHost } from '../types'
import { kubeProxyProgram } from './kubeproxy'
import { fakeKernel, notesScenario, slice } from '../../network/proxy/testkit'
import { kubeProxyConfigConf } from '../../addons/kubeproxy'

/** Just enough of an API server: lists as ADDED on watch, then pushes changes. */
function fakeApi(objects: Record<string, KubeObject[]>) {
  const handlers = new Map<string, Set<(ev: WatchEvent) => void>>()
  const api = {
    watch(resource: string, _opts: unknown, handler: (ev: WatchEvent) => void) {
      for (const o of objects[resource] ?? []) handler({ type: 'ADDED', object: o })
      const set = handlers.get(resource) ?? new Set()
      handlers.set(resource, set.add(handler))
      return () => set.delete(handler)
    },
  } as unknown as ApiClient
  const emit = (resource: string, ev: WatchEvent) => handlers.get(resource)?.forEach((h) => h(ev))
  const watchers = () => [...handlers.values()].reduce((n, s) => n + s.size, 0)
  return { api, emit, watchers }
}

function start(configText: string | undefined) {
  const clock = new VirtualClock()
  const kernel = fakeKernel()
  const s = notesScenario()
  const { api, emit, watchers } = fakeApi({ services: s.services as KubeObject[], endpointslices: s.slices as unknown as KubeObject[] })
  const fs = new MemoryFileSystem(configText === undefined ? [] : [{ path: '/var/lib/kube-proxy/config.conf', content: configText }])
  const stderr = collectWriter()
  const kill = createCancel()
  const term = createCancel()
  const listeners = new Map<number, Listener>()
  const ctx: CommandContext = {
    argv: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf'], stdin: textReader(''), stdout: collectWriter(), stderr,
    env: {}, cwd: '/', fs, clock: containerClock(clock, { cadence: false }), signal: kill.signal, isTTY: false, net: {} as NetworkAccess,
  }
  const host: ProcessHost = {
    pod: { name: 'kube-proxy-x7k2p', namespace: 'kube-system', uid: 'u', ip: '192.168.49.2', nodeName: 'minikube', labels: {} },
    container: 'kube-proxy',
    listen: (port, l) => { listeners.set(port, l); return () => listeners.delete(port) },
    setMemoryBytes: () => {}, setCpuMillicores: () => {},
    term: term.signal,
    cluster: { api, node: { name: 'minikube', ip: '192.168.49.2', kernel, announce: () => () => {} } },
  }
  let code: number | undefined
  void kubeProxyProgram(ctx, host).then((c) => { code = c })
  return { clock, kernel, emit, watchers, listeners, log: () => stderr.text(), code: () => code, term: () => term.abort(), advance: (ms: number) => clock.advanceAsync(ms) }
}

const ipvsConfig = kubeProxyConfigConf().replace('mode: ""', 'mode: "ipvs"').replace('strictARP: false', 'strictARP: true')

describe('kube-proxy program', () => {
  it('defaults to iptables, logs as v1.30 and programs the chains', async () => {
    const p = start(kubeProxyConfigConf())
    await p.advance(0)
    expect(p.log()).toMatch(/^I0101 00:00:00\.000000       1 server_linux\.go:69\] "Using iptables proxy"$/m)
    expect(p.log()).toContain('server_linux.go:165] "Using iptables Proxier"')
    expect(p.log()).toContain('shared_informer.go:320] Caches are synced for endpoint slice config')
    const nat = p.kernel.iptablesSave({ table: 'nat' })
    expect(nat).toContain('--probability 0.3333333333')
    expect(p.kernel.tables.get('mangle')!.has('KUBE-PROXY-CANARY')).toBe(true)
    expect(await p.listeners.get(10249)!.http!({ method: 'GET', path: '/proxyMode', headers: {}, remoteIP: '127.0.0.1', localIP: '127.0.0.1', localPort: 10249 })).toMatchObject({ status: 200, body: 'iptables' })
    p.term()
    await p.advance(0)
    expect(p.code()).toBe(0)
    expect(p.watchers()).toBe(0)
    expect(p.listeners.size).toBe(0)
  })

  it('syncs a change at most once per minSyncPeriod (1 s)', async () => {
    const p = start(kubeProxyConfigConf())
    await p.advance(0)
    await p.advance(200)
    p.emit('endpointslices', { type: 'MODIFIED', object: slice('default', 'web-svc-cip', [{ port: 8000 }], ['10.244.0.3', '10.244.0.4']) as unknown as KubeObject })
    await p.advance(0)
    expect(p.kernel.iptablesSave({ table: 'nat' })).toContain('0.3333333333')
    await p.advance(800)
    const nat = p.kernel.iptablesSave({ table: 'nat' })
    expect(nat).not.toContain('0.3333333333')
    expect(nat).toContain('--probability 0.5000000000')
    p.term()
    await p.advance(0)
  })

  it('re-creates flushed rules within syncPeriod (the notes: "wait about 30 seconds")', async () => {
    const p = start(kubeProxyConfigConf())
    await p.advance(0)
    p.kernel.iptablesRestore('*nat\nCOMMIT\n*filter\nCOMMIT\n*mangle\nCOMMIT\n')
    expect(p.kernel.iptablesSave({ table: 'nat' })).not.toContain('KUBE-SVC-')
    await p.advance(30_000)
    const nat = p.kernel.iptablesSave({ table: 'nat' })
    expect(nat).toContain('-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES')
    expect(nat).toContain('KUBE-SVC-')
    p.term()
    await p.advance(0)
  })

  it('runs IPVS when the ConfigMap says mode: "ipvs" (strictARP sets arp_ignore)', async () => {
    const p = start(ipvsConfig)
    await p.advance(0)
    expect(p.log()).not.toContain('"Using iptables proxy"')
    expect(p.log()).toContain('server_linux.go:223] "Using ipvs Proxier"')
    expect(p.kernel.ipvs.list().find((v) => v.address === '10.97.60.103')!.realServers).toHaveLength(3)
    expect(p.kernel.sysctl.get('net.ipv4.conf.all.arp_ignore')).toBe('1')
    p.term()
    await p.advance(0)
  })

  it('fails as kube-proxy does without its config file', async () => {
    const p = start(undefined)
    await p.advance(0)
    expect(p.code()).toBe(1)
    expect(p.log()).toMatch(/^E0101 .* run\.go:74\] "command failed" err="failed complete: open \/var\/lib\/kube-proxy\/config\.conf: no such file or directory"$/m)
  })

  it('rejects an unknown mode', async () => {
    const p = start(kubeProxyConfigConf().replace('mode: ""', 'mode: "userspace"'))
    await p.advance(0)
    expect(p.code()).toBe(1)
    expect(p.log()).toContain('Invalid value: \\"userspace\\"')
  })
})
