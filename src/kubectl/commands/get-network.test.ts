import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs } from '../testing/harness'

function seed(): FakeApi {
  const api = new FakeApi()
  api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] }, status: { phase: 'Running' } })
  api.create('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default' }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 }] } })
  api.create('daemonsets', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { spec: { containers: [] } } }, status: { desiredNumberScheduled: 1, currentNumberScheduled: 1, numberReady: 1, updatedNumberScheduled: 1, numberAvailable: 1 } })
  api.create('deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 1 }, status: { readyReplicas: 1, updatedReplicas: 1, availableReplicas: 1 } })
  api.create('endpoints', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default' }, subsets: [{ addresses: [{ ip: '192.168.49.2' }], ports: [{ name: 'https', port: 8443, protocol: 'TCP' }] }] })
  return api
}

describe('kubectl get for the networking kinds', () => {
  it('get all lists pods, services, daemonsets, deployments in discovery order', async () => {
    const r = await kubectl(seed(), newFs(), 'get all')
    expect(r.out).toBe(
      'NAME        READY   STATUS    RESTARTS   AGE\n' +
      'pod/web-1   0/1     Running   0          0s\n' +
      '\n' +
      'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' +
      'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s\n' +
      '\n' +
      'NAME                   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n' +
      'daemonset.apps/agent   1         1         1       1            1           <none>          0s\n' +
      '\n' +
      'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\n' +
      'deployment.apps/web   1/1     1            1           0s\n')
  })
  it('get svc / ep print upstream columns', async () => {
    const api = seed()
    expect((await kubectl(api, newFs(), 'get svc')).out).toBe('NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s\n')
    expect((await kubectl(api, newFs(), 'get ep')).out).toBe('NAME         ENDPOINTS           AGE\nkubernetes   192.168.49.2:8443   0s\n')
  })
  it('get ipaddresspools / l2advertisements print the CRD columns, no AGE', async () => {
    const api = seed()
    api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'metallb-system' } })
    api.create('ipaddresspools', { apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', metadata: { name: 'default', namespace: 'metallb-system' }, spec: { addresses: ['172.17.255.1-172.17.255.250'] } })
    api.create('l2advertisements', { apiVersion: 'metallb.io/v1beta1', kind: 'L2Advertisement', metadata: { name: 'example', namespace: 'metallb-system' }, spec: { ipAddressPools: ['default'] } })
    expect((await kubectl(api, newFs(), 'get ipaddresspools -n metallb-system')).out).toBe(
      'NAME      AUTO ASSIGN   AVOID BUGGY IPS   ADDRESSES\ndefault   true          false             ["172.17.255.1-172.17.255.250"]\n')
    expect((await kubectl(api, newFs(), 'get l2advertisements -A')).out).toBe(
      'NAMESPACE        NAME      IPADDRESSPOOLS   IPADDRESSPOOL SELECTORS   INTERFACES\nmetallb-system   example   ["default"]                                \n')
  })
})
