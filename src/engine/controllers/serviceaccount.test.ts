import { describe, it, expect } from 'vitest'
import { createCluster } from '../cluster'
import { DEFAULT_SERVICE_ACCOUNT } from './serviceaccount'

const names = (c: ReturnType<typeof createCluster>, ns: string) =>
  c.api.list('serviceaccounts', { namespace: ns }).items.map((s) => s.metadata.name).sort()

describe('service account controller', () => {
  it('puts `default` in every namespace, new ones too; the system add-ons bring their own', () => {
    const c = createCluster()
    for (const ns of ['default', 'kube-public', 'kube-node-lease']) expect(names(c, ns)).toEqual([DEFAULT_SERVICE_ACCOUNT])
    expect(names(c, 'kube-system')).toEqual(['coredns', 'default', 'kube-proxy', 'storage-provisioner'])
    c.api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } })
    c.advance(0)
    expect(names(c, 'team-a')).toEqual([DEFAULT_SERVICE_ACCOUNT])
    // No token Secret since v1.24: the account lists none.
    expect(c.api.get('serviceaccounts', 'team-a', DEFAULT_SERVICE_ACCOUNT).secrets).toBeUndefined()
    c.stop()
  })

  it('brings `default` back when deleted, but leaves other accounts deleted', () => {
    const c = createCluster()
    c.api.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'bob', namespace: 'default' } })
    c.api.delete('serviceaccounts', 'default', DEFAULT_SERVICE_ACCOUNT)
    c.api.delete('serviceaccounts', 'default', 'bob')
    c.advance(0)
    expect(names(c, 'default')).toEqual([DEFAULT_SERVICE_ACCOUNT])
    c.stop()
  })
})
