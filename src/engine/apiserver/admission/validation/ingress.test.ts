import { describe, it, expect } from 'vitest'
import { newServer, errorOf } from '../../testutil'
import type { KubeObject } from '../../../../api/types'
import { admit } from '..'
import { kindByGVK } from '../../../../api/kinds'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any
const msg = (fn: () => unknown) => errorOf(fn).message

function ingress(spec: Loose, annotations?: Record<string, string>): KubeObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', namespace: 'default', ...(annotations ? { annotations } : {}) }, spec } as KubeObject
}
const rule = (path: Loose) => ({ rules: [{ http: { paths: [path] } }] })
const svcBackend = { service: { name: 'web-svc', port: { number: 8000 } } }

describe('Ingress validation (networking v1, pinned to upstream)', () => {
  it('pathType is required', () => {
    const { api } = newServer()
    expect(msg(() => api.create('ingresses', ingress(rule({ path: '/web', backend: svcBackend }))))).toBe(
      'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
    )
  })

  it('paths must be absolute; Prefix/Exact refuse // and trailing /.', () => {
    const { api } = newServer()
    expect(msg(() => api.create('ingresses', ingress(rule({ path: 'web', pathType: 'Prefix', backend: svcBackend }))))).toBe(
      'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].http.paths[0].path: Invalid value: "web": must be an absolute path',
    )
    expect(msg(() => api.create('ingresses', ingress(rule({ path: '/a//b', pathType: 'Exact', backend: svcBackend }))))).toBe(
      'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].http.paths[0].path: Invalid value: "/a//b": must not contain \'//\'',
    )
    expect(msg(() => api.create('ingresses', ingress(rule({ path: '/a/.', pathType: 'Prefix', backend: svcBackend }))))).toBe(
      'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].http.paths[0].path: Invalid value: "/a/.": cannot end with \'/.\'',
    )
    // ImplementationSpecific: a regex is fine as long as it starts with /.
    expect(() => api.create('ingresses', ingress(rule({ path: '/dashboard(/|$)(.*)', pathType: 'ImplementationSpecific', backend: svcBackend })))).not.toThrow()
  })

  it('unsupported pathType', () => {
    const { api } = newServer()
    expect(msg(() => api.create('ingresses', ingress(rule({ path: '/', pathType: 'Regex', backend: svcBackend }))))).toBe(
      'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
    )
  })

  it('a backend needs a service (with a port name or number) or a resource', () => {
    const { api } = newServer()
    // A v1beta1-style backend (serviceName/servicePort) decodes to an empty backend in v1.
    expect(msg(() => api.create('ingresses', ingress(rule({ path: '/', pathType: 'Prefix', backend: {} }))))).toBe(
      'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required',
    )
    expect(msg(() => api.create('ingresses', ingress(rule({ path: '/', pathType: 'Prefix', backend: { service: { name: 'web-svc' } } }))))).toBe(
      'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].http.paths[0].backend: Required value: port name or number is required',
    )
    expect(msg(() => api.create('ingresses', ingress(rule({ path: '/', pathType: 'Prefix', backend: { service: { name: 'web-svc', port: { name: 'http', number: 80 } } } }))))).toBe(
      'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number',
    )
    expect(msg(() => api.create('ingresses', ingress(rule({ path: '/', pathType: 'Prefix', backend: { service: { name: 'web-svc', port: { number: 70000 } } } }))))).toBe(
      'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].http.paths[0].backend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive',
    )
  })

  it('rules or defaultBackend; hosts are DNS names', () => {
    const { api } = newServer()
    expect(msg(() => api.create('ingresses', ingress({})))).toBe(
      'Ingress.networking.k8s.io "web" is invalid: spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified',
    )
    expect(msg(() => api.create('ingresses', ingress({ rules: [{ host: '172.17.255.3', http: { paths: [{ path: '/', pathType: 'Prefix', backend: svcBackend }] } }] })))).toBe(
      'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].host: Invalid value: "172.17.255.3": must be a DNS name, not an IP address',
    )
    expect(() => api.create('ingresses', ingress({ rules: [{ host: '*.foo.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: svcBackend }] } }] }))).not.toThrow()
  })

  it('the class annotation must match ingressClassName when both are set', () => {
    const { api } = newServer()
    expect(msg(() => api.create('ingresses', ingress({ ingressClassName: 'nginx', defaultBackend: svcBackend }, { 'kubernetes.io/ingress.class': 'traefik' })))).toBe(
      'Ingress.networking.k8s.io "web" is invalid: annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified',
    )
  })
})

describe('IngressClass validation', () => {
  const ic = (controller: string): KubeObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller } } as KubeObject)
  it('controller is a required domain-prefixed path, immutable', () => {
    const { api } = newServer()
    expect(msg(() => api.create('ingressclasses', ic('')))).toBe('IngressClass.networking.k8s.io "nginx" is invalid: spec.controller: Required value')
    expect(msg(() => api.create('ingressclasses', ic('nginx')))).toBe(
      'IngressClass.networking.k8s.io "nginx" is invalid: spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")',
    )
    const created = api.create<Loose>('ingressclasses', ic('k8s.io/ingress-nginx'))
    expect(msg(() => api.update('ingressclasses', { ...created, spec: { controller: 'example.com/other' } }))).toBe(
      'IngressClass.networking.k8s.io "nginx" is invalid: spec.controller: Invalid value: "example.com/other": field is immutable',
    )
  })
})

describe('DefaultIngressClass admission', () => {
  const info = kindByGVK('networking.k8s.io/v1', 'Ingress')!
  const nginx = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }, spec: { controller: 'k8s.io/ingress-nginx' } } as KubeObject
  const base = () => ingress({ defaultBackend: svcBackend }) as Loose
  it('fills ingressClassName from the default class on create', () => {
    const obj = base()
    admit(info, obj, { op: 'create', now: '', list: () => [nginx] })
    expect(obj.spec.ingressClassName).toBe('nginx')
  })
  it('leaves Ingresses that name a class (field or annotation) alone, and does nothing without a default', () => {
    const annotated = ingress({ defaultBackend: svcBackend }, { 'kubernetes.io/ingress.class': 'nginx' }) as Loose
    admit(info, annotated, { op: 'create', now: '', list: () => [nginx] })
    expect(annotated.spec.ingressClassName).toBeUndefined()
    const plain = base()
    admit(info, plain, { op: 'create', now: '', list: () => [] })
    expect(plain.spec.ingressClassName).toBeUndefined()
  })
  it('refuses to choose among two defaults', () => {
    const other = { ...nginx, metadata: { ...nginx.metadata, name: 'other' } }
    expect(msg(() => admit(info, base(), { op: 'create', now: '', list: () => [nginx, other] }))).toBe(
      'ingresses.networking.k8s.io "web" is forbidden: Internal error occurred: 2 default IngressClasses were found, only 1 allowed',
    )
  })
})
