import { describe, it, expect } from 'vitest'
import { startProgram } from '../testkit'
import { ingressNginxController, kubeWebhookCertgen } from './ingressnginx'
import { parseFlags } from '../../network/ingress/flags'

describe('ingress-nginx controller image', () => {
  it('prints the release banner and dies without an API server, as outside a cluster', async () => {
    const p = startProgram(ingressNginxController, { args: ['/nginx-ingress-controller', '--controller-class=k8s.io/ingress-nginx'] })
    await p.settle()
    expect(p.stdout()).toBe('-------------------------------------------------------------------------------\nNGINX Ingress controller\n  Release:       v1.10.1\n  Build:         4fb5aac1dd3669daa3a14d9de3e3cdb371b4c518\n  Repository:    https://github.com/kubernetes/ingress-nginx\n  nginx version: nginx/1.25.3\n\n-------------------------------------------------------------------------------\n\n')
    expect(p.stderr()).toMatch(/^W0101 00:00:00\.000000       7 client_config\.go:618\] Neither --kubeconfig nor --master was specified\./)
    expect(p.stderr()).toMatch(/\nF0101 [\d:.]+       7 main\.go:223\] error while initiating a connection to the Kubernetes API server/)
    expect(p.exitCode()).toBe(255)
  })

  it('parses the addon\'s flags', () => {
    const f = parseFlags(['--election-id=ingress-controller-leader', '--controller-class=k8s.io/ingress-nginx', '--report-node-internal-ip-address', '--configmap=ingress-nginx/ingress-nginx-controller', '--validating-webhook=:8443', '--publish-service', 'ingress-nginx/ingress-nginx-controller'])
    expect(f).toMatchObject({ reportNodeInternalIP: true, electionId: 'ingress-controller-leader', configMap: 'ingress-nginx/ingress-nginx-controller', validatingWebhook: ':8443', publishService: 'ingress-nginx/ingress-nginx-controller', httpPort: 80 })
    expect(f.classes).toEqual({ annotationValue: 'nginx', controller: 'k8s.io/ingress-nginx', watchWithoutClass: false, byName: false })
  })
})

describe('kube-webhook-certgen', () => {
  it('patch logs in logrus JSON and exits 0; an unknown subcommand exits 1', async () => {
    const p = startProgram(kubeWebhookCertgen, { args: ['patch', '--webhook-name=ingress-nginx-admission', '--namespace=$(POD_NAMESPACE)', '--patch-failure-policy=Fail'], env: { POD_NAMESPACE: 'ingress-nginx' } })
    await p.settle()
    expect(p.stderr()).toBe(
      '{"level":"info","msg":"patching webhook configurations \'ingress-nginx-admission\' mutating=false, validating=true, failurePolicy=Fail","source":"k8s/k8s.go:118","time":"2026-01-01T00:00:00Z"}\n'
      + '{"level":"info","msg":"Patched hook(s)","source":"k8s/k8s.go:138","time":"2026-01-01T00:00:00Z"}\n',
    )
    expect(p.exitCode()).toBe(0)
    const bad = startProgram(kubeWebhookCertgen, { args: ['rotate'] })
    await bad.settle()
    expect(bad.exitCode()).toBe(1)
  })
})
