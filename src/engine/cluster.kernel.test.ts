import { describe, it, expect } from 'vitest'
import { createCancel } from '../shell'
import { createCluster } from './cluster'

describe('cluster: node kernels', () => {
  it('one kernel per node; a hostPort pod is reachable from the laptop on the node IP and its rules go with it', async () => {
    const cluster = createCluster({ topology: { nodes: 2 } })
    try {
      expect([...cluster.kernels.keys()]).toEqual(['minikube', 'minikube-m02'])
      expect(cluster.kernels.get('minikube-m02')!.nodeIP).toBe('192.168.49.3')
      cluster.api.create('pods', {
        apiVersion: 'v1', kind: 'Pod', metadata: { name: 'edge', namespace: 'default' },
        spec: { nodeName: 'minikube', containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }] }] },
      })
      await cluster.advanceAsync(30_000)
      const kernel = cluster.kernels.get('minikube')!
      expect(kernel.iptablesSave({ table: 'nat' })).toMatch(/-A CNI-HOSTPORT-DNAT -p tcp -m comment --comment "dnat name: \\"bridge\\" id: \\"[0-9a-f]{64}\\"" -m multiport --dports 80 -j CNI-DN-/)
      const laptop = cluster.fabric.access({ kind: 'laptop' })
      const r = await laptop.http({ host: '192.168.49.2', port: 80, method: 'GET', path: '/', headers: [['Host', '192.168.49.2']], timeoutMs: 5000 }, createCancel().signal)
      expect(r).toMatchObject({ kind: 'response', status: 200 })
      cluster.api.delete('pods', 'default', 'edge', { gracePeriodSeconds: 0 })
      await cluster.advanceAsync(30_000)
      expect(kernel.iptablesSave({ table: 'nat' })).not.toContain('CNI-DN-')
    } finally {
      cluster.stop()
    }
  })
})
