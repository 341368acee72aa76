import { describe, it, expect } from 'vitest'
import { KINDS, type KindInfo } from '../../api/kinds'
import type { KubeObject } from '../../api/types'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs, START_MS } from '../testing/harness'

/** The fake stores metrics under the group-qualified names kubectl asks the server for. */
const TEST_KINDS: KindInfo[] = KINDS.map((k) => (k.group === 'metrics.k8s.io' ? { ...k, plural: `${k.plural}.metrics.k8s.io` } : k))

const ago = (s: number) => new Date(START_MS - s * 1000).toISOString().replace('.000Z', 'Z')

function podMetrics(name: string, ns: string, containers: Array<[string, string, string]>, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'metrics.k8s.io/v1beta1', kind: 'PodMetrics', metadata: { name, namespace: ns, labels }, timestamp: ago(0), window: '15s',
    containers: containers.map(([c, cpu, memory]) => ({ name: c, usage: { cpu, memory } })) } as KubeObject
}

function cluster(): FakeApi {
  const api = new FakeApi(() => ago(600), TEST_KINDS)
  api.create('pods.metrics.k8s.io', podMetrics('web-1', 'default', [['web', '1500000n', '12288Ki'], ['sidecar', '250000n', '2048Ki']], { app: 'web' }))
  api.create('pods.metrics.k8s.io', podMetrics('db-0', 'default', [['postgres', '4000000n', '51200Ki']], { app: 'db' }))
  api.create('pods.metrics.k8s.io', podMetrics('coredns-1', 'kube-system', [['coredns', '2100000n', '15000Ki']]))
  api.create('nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'minikube' }, status: { capacity: { cpu: '4', memory: '8Gi' }, allocatable: { cpu: '2', memory: '4Gi' } } } as KubeObject)
  api.create('nodes.metrics.k8s.io', { apiVersion: 'metrics.k8s.io/v1beta1', kind: 'NodeMetrics', metadata: { name: 'minikube' }, usage: { cpu: '250123456n', memory: '1048576Ki' } } as KubeObject)
  return api
}

describe('kubectl top pod', () => {
  it('prints NAME CPU(cores) MEMORY(bytes) with m and Mi as kubectl rounds them', async () => {
    // web-1: 1.5m + 0.25m = 1.75m → 2m (MilliValue rounds up); 14 MiB. db-0: 4m, 50Mi.
    expect(await kubectl(cluster(), newFs(), 'top pod')).toEqual({ code: 0, err: '', out: [
      'NAME    CPU(cores)   MEMORY(bytes)   ',
      'db-0    4m           50Mi            ',
      'web-1   2m           14Mi            ', ''].join('\n') })
  })

  it('--containers, --sort-by, -A, -l, --no-headers and --sum', async () => {
    const api = cluster()
    expect((await kubectl(api, newFs(), 'top pod web-1 --containers')).out).toBe([
      'POD     NAME      CPU(cores)   MEMORY(bytes)   ',
      'web-1   sidecar   1m           2Mi             ',
      'web-1   web       2m           12Mi            ', ''].join('\n'))
    expect((await kubectl(api, newFs(), 'top pod -A --sort-by=cpu --no-headers')).out).toBe([
      'default       db-0        4m    50Mi   ',
      'kube-system   coredns-1   3m    14Mi   ',
      'default       web-1       2m    14Mi   ', ''].join('\n'))
    expect((await kubectl(api, newFs(), 'top pod -l app=web')).out).toBe('NAME    CPU(cores)   MEMORY(bytes)   \nweb-1   2m           14Mi            \n')
    expect((await kubectl(api, newFs(), 'top pod --sum')).out).toBe([
      'NAME    CPU(cores)   MEMORY(bytes)   ',
      'db-0    4m           50Mi            ',
      'web-1   2m           14Mi            ',
      '        ________     ________        ',
      '        6m           64Mi            ', ''].join('\n'))
  })

  it('explains missing metrics as kubectl does', async () => {
    const api = new FakeApi(() => ago(30), TEST_KINDS)
    expect(await kubectl(api, newFs(), 'top pod')).toEqual({ code: 0, out: '', err: 'No resources found in default namespace.\n' })
    api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'fresh' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })
    expect(await kubectl(api, newFs(), 'top pod')).toEqual({ code: 1, out: '', err: 'error: metrics not available yet\n' })
    expect(await kubectl(api, newFs(), 'top pod', { now: START_MS + 150_000 })).toEqual({ code: 1, out: '', err: 'error: Metrics not available for pod default/fresh, age: 3m0s\n' })
    expect(await kubectl(api, newFs(), 'top node')).toEqual({ code: 1, out: '', err: 'error: metrics not available yet\n' })
  })

  it('learner mistakes in kubectl\'s words', async () => {
    const api = cluster()
    expect(await kubectl(api, newFs(), 'top pod --sort-by=name')).toEqual({ code: 1, out: '', err: 'error: --sort-by accepts only cpu or memory\n' })
    expect(await kubectl(api, newFs(), 'top pod web-1 -l app=web')).toEqual({ code: 1, out: '', err: 'error: only one of NAME or selector can be provided\n' })
    expect(await kubectl(api, newFs(), 'top pod a b')).toEqual({ code: 1, out: '', err: "error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples\n" })
    expect((await kubectl(api, newFs(), 'top node x -l a=b')).err).toBe('error: only one of NAME or --selector can be provided\n')
  })
})

describe('kubectl top node', () => {
  it('prints usage against allocatable (or capacity) with truncated percentages', async () => {
    // 250.123456m → 251m of 2000m = 12.55% → 12%; 1024Mi of 4Gi = 25%.
    expect(await kubectl(cluster(), newFs(), 'top node')).toEqual({ code: 0, err: '', out: [
      'NAME       CPU(cores)   CPU%   MEMORY(bytes)   MEMORY%   ',
      'minikube   251m         12%    1024Mi          25%       ', ''].join('\n') })
    expect((await kubectl(cluster(), newFs(), 'top node minikube --show-capacity --no-headers')).out).toBe('minikube   251m   6%    1024Mi   12%   \n')
  })

  it('shows <unknown> for a node whose metrics are missing, and sorts by memory', async () => {
    const api = cluster()
    api.create('nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'minikube-m02' }, status: { allocatable: { cpu: '2', memory: '4Gi' } } } as KubeObject)
    expect((await kubectl(api, newFs(), 'top node --sort-by=memory')).out).toBe([
      'NAME           CPU(cores)   CPU%        MEMORY(bytes)   MEMORY%     ',
      'minikube       251m         12%         1024Mi          25%         ',
      'minikube-m02   <unknown>    <unknown>   <unknown>       <unknown>   ', ''].join('\n'))
    // The words are the API server's (metrics.test.ts pins `nodemetrics.metrics.k8s.io "nope" not found`).
    expect((await kubectl(api, newFs(), 'top node nope')).err).toMatch(/^Error from server \(NotFound\): /)
  })
})
