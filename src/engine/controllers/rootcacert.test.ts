import { describe, it, expect } from 'vitest'
import { createCluster } from '../cluster'
import type { ConfigMap, KubeObject } from '../../api/types'
import { ROOT_CA_CONFIGMAP_NAME, CLUSTER_CA_PEM } from './rootcacert'

type CM = ConfigMap & KubeObject

describe('root CA publisher', () => {
  it('puts kube-root-ca.crt in every namespace, new ones too', () => {
    const c = createCluster()
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      expect(c.api.get<CM>('configmaps', ns, ROOT_CA_CONFIGMAP_NAME).data?.['ca.crt']).toBe(CLUSTER_CA_PEM)
    }
    c.api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } })
    c.advance(0)
    expect(c.api.get<CM>('configmaps', 'team-a', ROOT_CA_CONFIGMAP_NAME).metadata.annotations?.['kubernetes.io/description']).toMatch(/^Contains a CA bundle/)
    c.stop()
  })

  it('brings it back when deleted or edited', () => {
    const c = createCluster()
    c.api.delete('configmaps', 'default', ROOT_CA_CONFIGMAP_NAME)
    c.advance(0)
    expect(c.api.get<CM>('configmaps', 'default', ROOT_CA_CONFIGMAP_NAME).data?.['ca.crt']).toBe(CLUSTER_CA_PEM)
    const cm = c.api.get<CM>('configmaps', 'default', ROOT_CA_CONFIGMAP_NAME)
    c.api.update('configmaps', { ...cm, data: { 'ca.crt': 'x' } })
    c.advance(0)
    expect(c.api.get<CM>('configmaps', 'default', ROOT_CA_CONFIGMAP_NAME).data?.['ca.crt']).toBe(CLUSTER_CA_PEM)
    c.stop()
  })

  it('does not hold up a namespace being deleted', () => {
    const c = createCluster()
    c.api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'gone' } })
    c.advance(0)
    c.api.delete('namespaces', undefined, 'gone')
    c.advance(5_000)
    expect(c.api.list('namespaces').items.map((n) => n.metadata.name)).not.toContain('gone')
    c.stop()
  })
})
