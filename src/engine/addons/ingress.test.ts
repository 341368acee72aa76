import { describe, it, expect } from 'vitest'
import { kindByGVK } from '../../api/kinds'
import { ADDONS } from '.'
import { ingressManifests, INGRESS_ADDON } from './ingress'

describe('the ingress addon (minikube v1.33)', () => {
  it('creates the objects minikube creates, in order, all of kinds the lab serves', () => {
    const objs = ingressManifests()
    expect(objs.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/ingress-nginx', 'ServiceAccount/ingress-nginx', 'ServiceAccount/ingress-nginx-admission',
      'ConfigMap/ingress-nginx-controller', 'ConfigMap/tcp-services', 'ConfigMap/udp-services',
      'Service/ingress-nginx-controller-admission', 'Service/ingress-nginx-controller',
      'Deployment/ingress-nginx-controller',
      'IngressClass/nginx',
      'Job/ingress-nginx-admission-create', 'Job/ingress-nginx-admission-patch',
    ])
    for (const o of objs) expect(kindByGVK(o.apiVersion, o.kind), `${o.kind}`).toBeDefined()
  })

  it('binds hostPort 80/443 and reports the node InternalIP', () => {
    const dep = ingressManifests().find((o) => o.kind === 'Deployment') as unknown as { spec: { template: { spec: { containers: { args: string[]; image: string; ports: { hostPort?: number }[] }[] } } } }
    const c = dep.spec.template.spec.containers[0]
    expect(c.image).toBe('registry.k8s.io/ingress-nginx/controller:v1.10.1@sha256:e24f39d3eed6bcc239a56f20098878845f62baa34b9f2be2fd2c38ce9fb0f29e')
    expect(c.args).toContain('--report-node-internal-ip-address')
    expect(c.ports.map((p) => p.hostPort)).toEqual([80, 443, undefined])
  })

  it('is registered as `ingress`, maintained by Kubernetes, with minikube\'s Linux notes', () => {
    expect(ADDONS.ingress).toBe(INGRESS_ADDON)
    expect(INGRESS_ADDON.maintainer).toBe('Kubernetes')
    expect(INGRESS_ADDON.enableNotes).toEqual([
      '    ▪ Using image registry.k8s.io/ingress-nginx/controller:v1.10.1',
      '    ▪ Using image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.1',
      '    ▪ Using image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.1',
      '🔎  Verifying ingress addon...',
    ])
  })
})
