import { describe, it, expect } from 'vitest'
import type { ApiClient } from '../../api/client'
import type { KindInfo } from '../../api/kinds'
import type { Container, KubeObject, Pod } from '../../api/types'
import { newServer, configMap } from '../apiserver/testutil'
import type { ImageSpec } from '../images/types'
import { containerEnv, expandVars, serviceEnv } from './env'
import { encodeBase64 } from './volumes/base64'

const NGINX: ImageSpec = {
  repository: 'docker.io/library/nginx', tags: ['1.25'], sizeBytes: 1, description: '', entrypoint: [], cmd: ['nginx'], shell: 'bash', memoryBytes: 1,
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', NGINX_VERSION: '1.25.5' },
}
const FACTS = { podIP: '10.244.0.7', hostIP: '192.168.49.2', nodeName: 'minikube' }

function podWith(container: Partial<Container>, spec: Record<string, unknown> = {}): Pod & KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'pod-env', namespace: 'default', uid: 'u-1', labels: { app: 'web' }, annotations: { team: 'blue' } },
    spec: { nodeName: 'minikube', serviceAccountName: 'default', containers: [{ name: 'app', image: 'nginx', ...container }], ...spec },
  } as unknown as Pod & KubeObject
}

function envOf(api: ApiClient, pod: Pod & KubeObject) {
  return containerEnv(api, pod, pod.spec!.containers[0], NGINX, FACTS)
}

describe('expandVars (expansion.Expand)', () => {
  const lookup = (n: string) => ({ A: 'x', B: 'y' } as Record<string, string>)[n]
  it.each([
    ['$(A)-$(B)', 'x-y'],
    ['$(C)', '$(C)'],
    ['$$(A)', '$(A)'],
    ['$$', '$'],
    ['$(A', '$(A'],
    ['a$b', 'a$b'],
    ['end$', 'end$'],
    ['$()', '$()'],
  ])('%s → %s', (input, want) => {
    expect(expandVars(input, lookup)).toBe(want)
  })
})

describe('containerEnv', () => {
  it('orders PATH, HOSTNAME, the pod env, the service variables, the image env, HOME', () => {
    const { api } = newServer()
    const r = envOf(api, podWith({ env: [{ name: 'GREETING', value: 'hello' }, { name: 'MSG', value: '$(GREETING) from $(KUBERNETES_SERVICE_HOST)' }] }))
    if (!('env' in r)) throw new Error(r.problem.message)
    expect(Object.entries(r.env).map(([k, v]) => `${k}=${v}`)).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HOSTNAME=pod-env',
      'GREETING=hello',
      'MSG=hello from 10.96.0.1',
      'KUBERNETES_SERVICE_HOST=10.96.0.1',
      'KUBERNETES_SERVICE_PORT=443',
      'KUBERNETES_SERVICE_PORT_HTTPS=443',
      'KUBERNETES_PORT=tcp://10.96.0.1:443',
      'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
      'KUBERNETES_PORT_443_TCP_PROTO=tcp',
      'KUBERNETES_PORT_443_TCP_PORT=443',
      'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
      'NGINX_VERSION=1.25.5',
      'HOME=/root',
    ])
  })

  it('fieldRef and resourceFieldRef', () => {
    const { api } = newServer()
    const pod = podWith({
      resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m' } },
      env: [
        { name: 'NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
        { name: 'UID', valueFrom: { fieldRef: { fieldPath: 'metadata.uid' } } },
        { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
        { name: 'TEAM', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['team']" } } },
        { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        { name: 'SA', valueFrom: { fieldRef: { fieldPath: 'spec.serviceAccountName' } } },
        { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'POD_IPS', valueFrom: { fieldRef: { fieldPath: 'status.podIPs' } } },
        { name: 'HOST_IP', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
        { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
        { name: 'CPU_REQ_M', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } } },
        { name: 'MEM_MI', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
      ],
    })
    const r = envOf(api, pod)
    if (!('env' in r)) throw new Error(r.problem.message)
    expect(r.env).toMatchObject({
      NAME: 'pod-env', NS: 'default', UID: 'u-1', APP: 'web', TEAM: 'blue', NODE: 'minikube', SA: 'default',
      POD_IP: '10.244.0.7', POD_IPS: '10.244.0.7', HOST_IP: '192.168.49.2', CPU_LIMIT: '1', CPU_REQ_M: '250', MEM_MI: '128',
    })
  })

  it('a limit the container does not set comes from the node allocatable', () => {
    const { api } = newServer()
    api.create('nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'minikube' }, status: { allocatable: { cpu: '2', memory: '4000Mi' } } })
    const r = envOf(api, podWith({ env: [{ name: 'C', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } }] }))
    expect('env' in r && r.env.C).toBe('2000')
  })

  it('configMapKeyRef, secretKeyRef and envFrom with prefix', () => {
    const { api } = newServer()
    api.create('configmaps', configMap('app', { color: 'blue', '1st': 'x', MODE: 'dev' }))
    api.create('secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, data: { password: encodeBase64('s3cr3t') } })
    const r = envOf(api, podWith({
      envFrom: [{ configMapRef: { name: 'app' } }, { configMapRef: { name: 'app' }, prefix: 'CFG_' }, { secretRef: { name: 'db' } }],
      env: [
        { name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'app', key: 'color' } } },
        { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
        { name: 'OPT', valueFrom: { configMapKeyRef: { name: 'nope', key: 'x', optional: true } } },
      ],
    }))
    if (!('env' in r)) throw new Error(r.problem.message)
    expect(r.env).toMatchObject({ color: 'blue', MODE: 'dev', CFG_1st: 'x', CFG_MODE: 'dev', password: 's3cr3t', COLOR: 'blue', DB_PASSWORD: 's3cr3t' })
    expect('OPT' in r.env).toBe(false)
    expect(r.warnings).toEqual([{ reason: 'InvalidEnvironmentVariableNames', message: 'Keys [1st] from the EnvFrom configMap default/app were skipped since they are considered invalid environment variable names.' }])
  })

  it('missing sources are CreateContainerConfigError with the kubelet words', () => {
    const { api } = newServer()
    api.create('configmaps', configMap('c', { a: '1' }))
    expect(envOf(api, podWith({ env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'k' } } }] }))).toEqual({ problem: { message: 'configmap "app-config" not found' } })
    expect(envOf(api, podWith({ env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } }] }))).toEqual({ problem: { message: "couldn't find key k in ConfigMap default/c" } })
    expect(envOf(api, podWith({ env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] }))).toEqual({ problem: { message: 'secret "s" not found' } })
    expect(envOf(api, podWith({ envFrom: [{ secretRef: { name: 's' } }] }))).toEqual({ problem: { message: 'secret "s" not found' } })
    api.create('secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, data: {} })
    expect(envOf(api, podWith({ env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] }))).toEqual({ problem: { message: "couldn't find key k in Secret default/s" } })
  })

  it('pod env overrides the image env and HOSTNAME; spec.hostname names the host', () => {
    const { api } = newServer()
    const r = envOf(api, podWith({ env: [{ name: 'NGINX_VERSION', value: 'mine' }] }, { hostname: 'box' }))
    expect('env' in r && r.env.NGINX_VERSION).toBe('mine')
    expect('env' in r && r.env.HOSTNAME).toBe('box')
  })

  it('with `services` served: every Service of the namespace when service links are on', () => {
    const { api } = newServer()
    const services: KubeObject[] = [
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default' }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'redis-leader', namespace: 'default' }, spec: { clusterIP: '10.96.12.4', ports: [{ port: 6379 }] } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'other', namespace: 'dev' }, spec: { clusterIP: '10.96.9.9', ports: [{ port: 80 }] } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'headless', namespace: 'default' }, spec: { clusterIP: 'None', ports: [{ port: 80 }] } },
    ]
    const withServices = new Proxy(api, {
      get(target, prop) {
        if (prop === 'discovery') return () => [...target.discovery(), { group: '', version: 'v1', kind: 'Service', plural: 'services' } as KindInfo]
        if (prop === 'list') return (res: string, opts: { namespace?: string }) => (res === 'services' ? { items: services.filter((s) => !opts?.namespace || s.metadata.namespace === opts.namespace) } : target.list(res, opts as never))
        const v = (target as unknown as Record<string | symbol, unknown>)[prop]
        return typeof v === 'function' ? v.bind(target) : v
      },
    }) as ApiClient
    const r = envOf(withServices, podWith({}))
    if (!('env' in r)) throw new Error(r.problem.message)
    expect(r.env.REDIS_LEADER_SERVICE_HOST).toBe('10.96.12.4')
    expect(r.env.REDIS_LEADER_PORT_6379_TCP).toBe('tcp://10.96.12.4:6379')
    expect(r.env.OTHER_SERVICE_HOST).toBeUndefined()
    expect(r.env.HEADLESS_SERVICE_HOST).toBeUndefined()
    const off = envOf(withServices, podWith({}, { enableServiceLinks: false }))
    expect('env' in off && off.env.REDIS_LEADER_SERVICE_HOST).toBeUndefined()
    expect('env' in off && off.env.KUBERNETES_SERVICE_HOST).toBe('10.96.0.1')
  })

  it('serviceEnv names named ports', () => {
    expect(serviceEnv({ metadata: { name: 'web-svc' }, spec: { clusterIP: '10.96.0.20', ports: [{ name: 'http', port: 80 }, { name: 'metrics', port: 9090, protocol: 'TCP' }] } })).toEqual([
      ['WEB_SVC_SERVICE_HOST', '10.96.0.20'], ['WEB_SVC_SERVICE_PORT', '80'], ['WEB_SVC_SERVICE_PORT_HTTP', '80'], ['WEB_SVC_SERVICE_PORT_METRICS', '9090'],
      ['WEB_SVC_PORT', 'tcp://10.96.0.20:80'],
      ['WEB_SVC_PORT_80_TCP', 'tcp://10.96.0.20:80'], ['WEB_SVC_PORT_80_TCP_PROTO', 'tcp'], ['WEB_SVC_PORT_80_TCP_PORT', '80'], ['WEB_SVC_PORT_80_TCP_ADDR', '10.96.0.20'],
      ['WEB_SVC_PORT_9090_TCP', 'tcp://10.96.0.20:9090'], ['WEB_SVC_PORT_9090_TCP_PROTO', 'tcp'], ['WEB_SVC_PORT_9090_TCP_PORT', '9090'], ['WEB_SVC_PORT_9090_TCP_ADDR', '10.96.0.20'],
    ])
  })
})
