import { describe, it, expect } from 'vitest'
import { parse } from 'yaml'
import { KUBE_PROXY_ADDON, kubeProxyConfigMap, kubeProxyDaemonSet } from './kubeproxy'
import { parseKubeProxyConfig } from '../network/proxy/config'

describe('kube-proxy as kubeadm installs it', () => {
  it('ConfigMap kube-proxy: config.conf with mode "" and ipvs.strictARP false, and kubeconfig.conf', () => {
    const cm = kubeProxyConfigMap()
    expect(cm.metadata).toMatchObject({ name: 'kube-proxy', namespace: 'kube-system', labels: { app: 'kube-proxy' } })
    const conf = parse(cm.data!['config.conf'])
    expect(conf).toMatchObject({ kind: 'KubeProxyConfiguration', apiVersion: 'kubeproxy.config.k8s.io/v1alpha1', mode: '', clusterCIDR: '10.244.0.0/16', ipvs: { strictARP: false, scheduler: '' } })
    expect(cm.data!['config.conf']).toContain('\nmode: ""\n')
    expect(parse(cm.data!['kubeconfig.conf'])).toMatchObject({ kind: 'Config', 'current-context': 'default' })
    const parsed = parseKubeProxyConfig(cm.data!['config.conf'])
    expect(parsed).toMatchObject({ ok: true, config: { mode: 'iptables', modeWasEmpty: true, strictARP: false, minSyncPeriodMs: 1000, syncPeriodMs: 30000 } })
  })

  it('the notes\' edit (mode: "ipvs", strictARP: true) parses to IPVS', () => {
    const edited = kubeProxyConfigMap().data!['config.conf'].replace('mode: ""', 'mode: "ipvs"').replace('strictARP: false', 'strictARP: true')
    expect(parseKubeProxyConfig(edited)).toMatchObject({ ok: true, config: { mode: 'ipvs', modeWasEmpty: false, strictARP: true } })
  })

  it('DaemonSet kube-proxy: hostNetwork, privileged, config at /var/lib/kube-proxy, node-critical, tolerates all', () => {
    const ds = kubeProxyDaemonSet()
    const pod = ds.spec!.template.spec!
    expect(ds.spec!.selector.matchLabels).toEqual({ 'k8s-app': 'kube-proxy' })
    expect(pod.hostNetwork).toBe(true)
    expect(pod.priorityClassName).toBe('system-node-critical')
    expect(pod.tolerations).toEqual([{ operator: 'Exists' }])
    expect(pod.containers[0].image).toBe('registry.k8s.io/kube-proxy:v1.30.0')
    expect(pod.containers[0].securityContext).toEqual({ privileged: true })
    expect(pod.containers[0].volumeMounts).toContainEqual({ mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' })
    expect(pod.volumes).toContainEqual({ name: 'kube-proxy', configMap: { name: 'kube-proxy' } })
  })

  it('lists the ServiceAccount and the ConfigMap before the DaemonSet', () => {
    expect(KUBE_PROXY_ADDON.manifests({ nodeName: 'minikube', nodeIP: '192.168.49.2' }).map((o) => o.kind)).toEqual(['ServiceAccount', 'ConfigMap', 'DaemonSet'])
  })
})

describe('parseKubeProxyConfig', () => {
  it('reads durations and keeps defaults for 0s', () => {
    const r = parseKubeProxyConfig('kind: KubeProxyConfiguration\nmode: iptables\niptables:\n  minSyncPeriod: 2s\n  syncPeriod: 1m0s\n')
    expect(r).toMatchObject({ ok: true, config: { minSyncPeriodMs: 2000, syncPeriodMs: 60000, modeWasEmpty: false } })
  })
  it('reports YAML errors', () => {
    expect(parseKubeProxyConfig('mode: [').ok).toBe(false)
  })
})
