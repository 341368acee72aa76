import { describe, it, expect } from 'vitest'
import { VirtualClock } from '../runtime/clock'
import { SeededRandom } from '../runtime/random'
import { ApiServer, bootstrapNamespaces } from '../apiserver'
import { applyObjects } from './index'
import { corednsManifests } from './coredns'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

describe('CoreDNS manifests', () => {
  it('apply cleanly: ConfigMap coredns, Deployment coredns (1 replica), Service kube-dns on 10.96.0.10', () => {
    const api = new ApiServer({ clock: new VirtualClock(), random: new SeededRandom(1) })
    bootstrapNamespaces(api)
    applyObjects(api, corednsManifests())
    const cm = api.get<Loose>('configmaps', 'kube-system', 'coredns')
    expect(cm.data.Corefile).toContain('    hosts {\n       192.168.49.1 host.minikube.internal\n       fallthrough\n    }\n    forward . /etc/resolv.conf {')
    const d = api.get<Loose>('deployments', 'kube-system', 'coredns')
    expect(d.spec.replicas).toBe(1)
    expect(d.spec.template.spec.containers[0].image).toBe('registry.k8s.io/coredns/coredns:v1.11.1')
    const svc = api.get<Loose>('services', 'kube-system', 'kube-dns')
    expect(svc.spec.clusterIP).toBe('10.96.0.10')
    expect(svc.spec.ports.map((p: Loose) => `${p.name} ${p.port}/${p.protocol}`)).toEqual(['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP'])
    expect(svc.metadata.labels).toMatchObject({ 'k8s-app': 'kube-dns', 'kubernetes.io/name': 'CoreDNS' })
  })
})
