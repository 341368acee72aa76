// Test fixtures for the endpoint controllers: a server without kubelets, where a "pod" is created
// and then given the status a kubelet would write (IP, Ready condition), so readiness is an input.
import type { KubeObject } from '../../../api/types'
import type { ApiServer } from '../../apiserver'

export interface FakePod {
  name: string
  labels: Record<string, string>
  ip?: string
  ready?: boolean
  ports?: { name?: string; containerPort: number; protocol?: string }[]
  hostname?: string
  subdomain?: string
  readyAt?: string
  nodeName?: string
}

export function createPod(api: ApiServer, p: FakePod, ns = 'default'): KubeObject {
  api.create('pods', {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: p.name, namespace: ns, labels: p.labels },
    spec: { nodeName: p.nodeName, hostname: p.hostname, subdomain: p.subdomain, containers: [{ name: 'app', image: 'nginx:1.25', ports: p.ports }] },
  })
  return setPodStatus(api, p, ns)
}

/** What the kubelet writes: Running, the IP, node minikube (spec), the Ready condition. */
export function setPodStatus(api: ApiServer, p: FakePod, ns = 'default'): KubeObject {
  const cur = api.get('pods', ns, p.name)
  const status = {
    ...(cur.status as object),
    phase: p.ip ? 'Running' : 'Pending',
    ...(p.ip ? { podIP: p.ip, podIPs: [{ ip: p.ip }] } : {}),
    conditions: [{ type: 'Ready', status: p.ready ? 'True' : 'False', lastTransitionTime: p.readyAt ?? '2026-01-01T00:00:00Z' }],
  }
  return api.updateStatus('pods', { ...cur, status })
}

export function createService(api: ApiServer, name: string, spec: Record<string, unknown>, ns = 'default', labels?: Record<string, string>): KubeObject {
  return api.create('services', {
    apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns, ...(labels ? { labels } : {}) },
    spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], ...spec },
  })
}
