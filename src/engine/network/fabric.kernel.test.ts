import { describe, it, expect } from 'vitest'
import { createCancel } from '../../shell'
import { VirtualClock } from '../runtime/clock'
import { SeededRandom } from '../runtime/random'
import { createFabric, DNS_TIMEOUT_MS } from './fabric'
import { createNodeKernel } from './kernel/kernel'
import type { Listener, Netns, TranslationQuery } from './types'

const web: Netns = { kind: 'pod', ip: '10.244.0.5', namespace: 'default', podName: 'web', node: 'minikube' }
const bare: Netns = { kind: 'pod', ip: '10.244.0.7', namespace: 'default', podName: 'client' }
const node: Netns = { kind: 'node', ip: '192.168.49.2', name: 'minikube' }
const laptop: Netns = { kind: 'laptop' }
const dns: Listener = { dns: (q) => ({ rcode: 'NOERROR', answers: [{ name: q.name, type: 'A', ttl: 30, data: `10.96.0.1 from ${q.from} over ${q.proto}` }] }) }

function setup() {
  const clock = new VirtualClock()
  const fabric = createFabric({ clock, nodePodCidrs: { minikube: '10.244.0.0/24' } })
  fabric.attach(node)
  fabric.attach(web)
  fabric.attach(bare)
  const seen: TranslationQuery[] = []
  fabric.addTranslator((q) => void seen.push(q))
  return { clock, fabric, seen }
}

describe('fabric: queries name the node and hook', () => {
  it('pods enter their node by PREROUTING, the node by OUTPUT, the laptop the owning node', () => {
    const { fabric, seen } = setup()
    fabric.access(web).ping!('10.96.0.1')
    fabric.access(bare).ping!('10.96.0.1')
    fabric.access(node).ping!('10.96.0.1')
    fabric.access(laptop).ping!('192.168.49.2')
    fabric.access(laptop).ping!('10.96.0.1')
    expect(seen.map((q) => [q.node, q.hook])).toEqual([['minikube', 'PREROUTING'], ['minikube', 'PREROUTING'], ['minikube', 'OUTPUT'], ['minikube', 'PREROUTING'], [undefined, undefined]])
    expect(fabric.nodeOf(bare)).toBe('minikube')
    expect(fabric.nodeOf(laptop)).toBeUndefined()
  })

  it('announce routes the laptop to the announcing node; withdraw stops it', () => {
    const { fabric, seen } = setup()
    const withdraw = fabric.announce('192.168.49.100', 'minikube')
    expect(fabric.access(laptop).ping!('192.168.49.100')).toMatchObject({ kind: 'error', code: 'timeout' })
    expect(seen[0]).toMatchObject({ ip: '192.168.49.100', node: 'minikube', hook: 'PREROUTING' })
    withdraw()
    expect(fabric.access(laptop).ping!('192.168.49.100')).toMatchObject({ kind: 'error', code: 'unreachable' })
  })
})

describe('fabric: DNS', () => {
  it('dnsQuery answers from the listener with the asker and protocol; TCP without a DNS listener is refused, UDP times out', () => {
    const { fabric } = setup()
    fabric.listen(web, 53, dns)
    const r = fabric.dnsQuery(bare, '10.244.0.5', 53, 'udp', { name: 'web.default.svc.cluster.local.', type: 'A' })
    expect(r).toMatchObject({ rcode: 'NOERROR', answers: [{ data: '10.96.0.1 from 10.244.0.7 over udp' }] })
    expect(fabric.dnsQuery(bare, '10.244.0.5', 5353, 'tcp', { name: 'x', type: 'A' })).toEqual({ kind: 'error', code: 'refused' })
    expect(fabric.dnsQuery(bare, '10.244.0.5', 5353, 'udp', { name: 'x', type: 'A' })).toEqual({ kind: 'error', code: 'timeout' })
    expect(fabric.dnsQuery(laptop, '10.244.0.5', 53, 'udp', { name: 'x', type: 'A' })).toEqual({ kind: 'error', code: 'timeout' })
  })

  it('access().dns waits the client timeout on the virtual clock, and Ctrl-C ends it', async () => {
    const { clock, fabric } = setup()
    let done: unknown
    void fabric.access(bare).dns!({ server: '10.96.0.10', name: 'web', type: 'A' }, createCancel().signal).then((r) => { done = r })
    await clock.advanceAsync(DNS_TIMEOUT_MS - 1)
    expect(done).toBeUndefined()
    await clock.advanceAsync(1)
    expect(done).toEqual({ kind: 'error', code: 'timeout', server: '10.96.0.10' })
    const cancel = createCancel()
    const p = fabric.access(bare).dns!({ server: '10.96.0.10', name: 'web', type: 'A', timeoutMs: 2000 }, cancel.signal)
    cancel.abort()
    expect(await p).toEqual({ kind: 'error', code: 'timeout', server: '10.96.0.10' })
  })
})

describe('fabric + node kernel', () => {
  it('a hostPort DNAT from the laptop reaches the pod (pods are on-link from the node)', async () => {
    const { fabric } = setup()
    const kernel = createNodeKernel({ nodeName: 'minikube', nodeIP: '192.168.49.2', podCIDR: '10.244.0.0/24', random: new SeededRandom(1), clock: { now: () => 0 } })
    fabric.addTranslator((q) => (q.node === 'minikube' ? kernel.translate(q) : undefined))
    kernel.cni!.add({ key: 'ingress', ip: '10.244.0.5', hostPorts: [{ hostPort: 80, containerPort: 80 }] })
    fabric.listen(web, 80, { http: (req) => ({ status: 200, body: `hi ${req.remoteIP}\n` }) })
    const r = await fabric.access(laptop).http({ host: '192.168.49.2', port: 80, method: 'GET', path: '/', headers: [] }, createCancel().signal)
    expect(r).toMatchObject({ kind: 'response', status: 200, body: 'hi 192.168.49.1\n' })
  })
})
