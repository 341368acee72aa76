import { describe, it, expect } from 'vitest'
import { createCluster } from '../../cluster'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

function deployment(replicas: number) {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ name: 'http', containerPort: 80 }] }] } } },
  }
}

describe('endpoint controllers in a cluster', () => {
  it('a Deployment behind a Service: Endpoints and one EndpointSlice follow the ready pods; the slice goes with the Service', async () => {
    const errors: unknown[] = []
    const c = createCluster({ onControllerError: (_n, _k, e) => errors.push(e) })
    try {
      c.api.create('deployments', deployment(3))
      c.api.create('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 'http' }] } })
      await c.advanceAsync(60_000)
      const ep = c.api.get('endpoints', 'default', 'web') as Loose
      const ips = ep.subsets[0].addresses.map((a: Loose) => a.ip)
      expect(ips).toHaveLength(3)
      expect(ips.every((ip: string) => ip.startsWith('10.244.0.'))).toBe(true)
      expect(ep.subsets[0].addresses[0].nodeName).toBe('minikube')
      expect(ep.subsets[0].ports).toEqual([{ port: 80, protocol: 'TCP' }])
      const slices = c.api.list('endpointslices', { namespace: 'default', labelSelector: 'kubernetes.io/service-name=web' }).items as Loose[]
      expect(slices).toHaveLength(1)
      expect(slices[0].endpoints.map((e: Loose) => e.addresses[0]).sort()).toEqual([...ips].sort())
      c.api.delete('services', 'default', 'web')
      await c.advanceAsync(5_000)
      expect(c.api.list('endpoints', { namespace: 'default' }).items.map((e) => e.metadata.name)).not.toContain('web')
      expect(c.api.list('endpointslices', { namespace: 'default', labelSelector: 'kubernetes.io/service-name=web' }).items).toEqual([])
      expect(errors).toEqual([])
    } finally {
      c.stop()
    }
  }, 30_000)

  it('200 pods coming up rewrite the Endpoints at most once per second (the batch period)', async () => {
    const c = createCluster({ topology: { maxPods: 250 } })
    try {
      c.api.create('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] } })
      const writes: number[] = []
      const stop = c.api.watch('endpoints', { namespace: 'default', fieldSelector: 'metadata.name=web' }, () => writes.push(c.clock.now()))
      c.api.create('deployments', deployment(200))
      await c.advanceAsync(120_000)
      stop()
      expect(((c.api.get('endpoints', 'default', 'web') as Loose).subsets[0].addresses).length).toBe(200)
      for (let i = 2; i < writes.length; i++) expect(writes[i] - writes[i - 1]).toBeGreaterThanOrEqual(1000)
      expect(writes.length).toBeLessThan(60)
    } finally {
      c.stop()
    }
  }, 60_000)
})
