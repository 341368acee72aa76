import { describe, it, expect } from 'vitest'
import { describeObject } from './index'
import { fakeApi } from '../testdata/fakeapi'
import { NOW, event } from '../testdata/fixtures'
import {
  webSvc, nodePortSvc, pendingLbSvc, metallbLbSvc, headlessSvc, externalNameSvc, webEndpoints, bigEndpoints, emptyEndpoints,
  webSlice, emptySlice, webIngress, defaultBackendIngress, nginxIngressClass, paramsIngressClass, kubeProxyDs, kubeProxyPod,
} from '../testdata/network'
import type { KubeObject } from '../../../api/types'

const lbEvents: KubeObject[] = [
  event('dns-tcp.1', 'IPAllocated', 'Assigned IP ["172.17.255.10"]', 70, 70, 1,
    { involvedObject: { kind: 'Service', name: 'dns-tcp', namespace: 'default', uid: 'uid-dns-tcp' }, source: { component: 'metallb-controller' } }),
  event('dns-tcp.2', 'nodeAssigned', 'announcing from node "minikube" with protocol "layer2"', 71, 71, 1,
    { involvedObject: { kind: 'Service', name: 'dns-tcp', namespace: 'default', uid: 'uid-dns-tcp' }, source: { component: 'metallb-speaker' } }),
]
const world = [webSvc, nodePortSvc, pendingLbSvc, metallbLbSvc, headlessSvc, externalNameSvc, webEndpoints, bigEndpoints, emptyEndpoints,
  webSlice, emptySlice, webIngress, defaultBackendIngress, nginxIngressClass, paramsIngressClass, kubeProxyDs, kubeProxyPod, ...lbEvents]
const ctx = { api: fakeApi(world), now: NOW }

describe('kubectl describe service', () => {
  it('prints the ClusterIP layout with the Endpoints line', async () => {
    const out = describeObject(webSvc, ctx)
    await expect(out).toMatchFileSnapshot('./__golden__/service-clusterip.txt')
    expect(out).toContain('\nEndpoints:         10.244.0.5:8000,10.244.0.6:8000,10.244.0.7:8000\n')
    expect(out).toContain('\nPort:              <unset>  8000/TCP\n')
  })
  it('prints NodePort, External Traffic Policy and <none> endpoints', async () => {
    const out = describeObject(nodePortSvc, ctx)
    await expect(out).toMatchFileSnapshot('./__golden__/service-nodeport.txt')
    expect(out).toContain('\nNodePort:                 <unset>  30552/TCP\nEndpoints:                <none>\n')
  })
  it('lists at most three endpoints per port, then + N more...', async () => {
    const out = describeObject(pendingLbSvc, ctx)
    await expect(out).toMatchFileSnapshot('./__golden__/service-loadbalancer-pending.txt')
    expect(out).toContain('Endpoints:                10.244.0.5:8000,10.244.0.6:8000,10.244.0.7:8000 + 2 more...\n')
  })
  it('prints the LoadBalancer Ingress, the requested IP and events', async () => {
    await expect(describeObject(metallbLbSvc, ctx)).toMatchFileSnapshot('./__golden__/service-loadbalancer-metallb.txt')
  })
  it('prints headless and ExternalName services', async () => {
    await expect(describeObject(headlessSvc, ctx)).toMatchFileSnapshot('./__golden__/service-headless.txt')
    const en = describeObject(externalNameSvc, ctx)
    await expect(en).toMatchFileSnapshot('./__golden__/service-externalname.txt')
    expect(en).toContain('External Name:     db.example.com\n')
  })
})

describe('kubectl describe endpoints / endpointslice', () => {
  it('prints Subsets with ready and not-ready addresses', async () => {
    await expect(describeObject(webEndpoints, ctx)).toMatchFileSnapshot('./__golden__/endpoints.txt')
  })
  it('prints an EndpointSlice per endpoint, and <unset>/<none> when empty', async () => {
    await expect(describeObject(webSlice, ctx)).toMatchFileSnapshot('./__golden__/endpointslice.txt')
    expect(describeObject(emptySlice, ctx)).toContain('AddressType:  IPv4\nPorts: <unset>\nEndpoints: <none>\n')
  })
})

describe('kubectl describe ingress / ingressclass', () => {
  it('prints Rules with each backend\'s endpoints (and the error for a missing Service)', async () => {
    const out = describeObject(webIngress, ctx)
    await expect(out).toMatchFileSnapshot('./__golden__/ingress.txt')
    expect(out).toContain('web-svc:8000 (10.244.0.5:8000,10.244.0.6:8000,10.244.0.7:8000)')
    expect(out).toContain('api:http (<error: endpoints "api" not found>)')
    expect(out).toContain('Default backend:  <default>\n')
  })
  it('prints the default backend in the * * row when no rule has http paths, and TLS', async () => {
    await expect(describeObject(defaultBackendIngress, ctx)).toMatchFileSnapshot('./__golden__/ingress-default-backend.txt')
  })
  it('prints the controller and parameters of an IngressClass', async () => {
    await expect(describeObject(nginxIngressClass, ctx)).toMatchFileSnapshot('./__golden__/ingressclass.txt')
    await expect(describeObject(paramsIngressClass, ctx)).toMatchFileSnapshot('./__golden__/ingressclass-params.txt')
  })
})

describe('kubectl describe daemonset', () => {
  it('prints the scheduling counters, Pods Status and the template', async () => {
    const out = describeObject(kubeProxyDs, ctx)
    await expect(out).toMatchFileSnapshot('./__golden__/daemonset.txt')
    expect(out).toContain('Number of Nodes Misscheduled: 0\nPods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed\n')
  })
})
