import { describe, it, expect } from 'vitest'
import { newServer, pod, configMap, errorOf } from '../testutil'
import type { KubeObject } from '../../../api/types'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any
const msg = (fn: () => unknown) => errorOf(fn).message

describe('validation messages (pinned to upstream)', () => {
  it('metadata.name must be an RFC 1123 subdomain', () => {
    const { api } = newServer()
    expect(msg(() => api.create('pods', pod('Web')))).toBe(
      `Pod "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    )
  })

  it('name or generateName is required', () => {
    const { api } = newServer()
    expect(msg(() => api.create('configmaps', configMap('')))).toBe('ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required')
  })

  it('namespace names are RFC 1123 labels', () => {
    const { api } = newServer()
    expect(msg(() => api.create<KubeObject>('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } }))).toBe(
      'Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": must not contain dots',
    )
    expect(msg(() => api.create<KubeObject>('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'A' } }))).toBe(
      `Namespace "A" is invalid: metadata.name: Invalid value: "A": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    )
  })

  it('label keys and values', () => {
    const { api } = newServer()
    expect(msg(() => api.create('pods', pod('p', { metadata: { labels: { 'bad key': 'v' } } })))).toBe(
      `Pod "p" is invalid: metadata.labels: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    )
    expect(msg(() => api.create('pods', pod('p', { metadata: { labels: { app: 'a b' } } })))).toBe(
      `Pod "p" is invalid: metadata.labels: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    )
  })

  it('annotations may not exceed 256 KiB in total', () => {
    const { api } = newServer()
    expect(msg(() => api.create('pods', pod('p', { metadata: { annotations: { a: 'x'.repeat(262144) } } })))).toBe(
      'Pod "p" is invalid: metadata.annotations: Too long: must have at most 262144 bytes',
    )
  })

  it('pod: containers required', () => {
    const { api } = newServer()
    expect(msg(() => api.create('pods', pod('p', { spec: { containers: [] } })))).toBe('Pod "p" is invalid: spec.containers: Required value')
  })

  it('pod: image required, bad container name, duplicate names (all causes listed)', () => {
    const { api } = newServer()
    expect(msg(() => api.create('pods', pod('p', { spec: { containers: [{ name: 'app' }] } })))).toBe('Pod "p" is invalid: spec.containers[0].image: Required value')
    expect(msg(() => api.create('pods', pod('p', { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'a', image: 'y' }] } })))).toBe(
      'Pod "p" is invalid: spec.containers[1].name: Duplicate value: "a"',
    )
    expect(msg(() => api.create('pods', pod('p', { spec: { containers: [{ name: 'App', image: 'x' }], restartPolicy: 'Sometimes' } })))).toBe(
      `Pod "p" is invalid: [spec.containers[0].name: Invalid value: "App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?'), spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"]`,
    )
  })

  it('pod: port range and env names', () => {
    const { api } = newServer()
    expect(msg(() => api.create('pods', pod('p', { spec: { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 70000 }] }] } })))).toBe(
      'Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    )
    expect(msg(() => api.create('pods', pod('p', { spec: { containers: [{ name: 'a', image: 'x', env: [{ name: '1A', value: 'v' }] }] } })))).toBe(
      `Pod "p" is invalid: spec.containers[0].env[0].name: Invalid value: "1A": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
    )
  })

  it('pod: requests above limits', () => {
    const { api } = newServer()
    expect(msg(() => api.create('pods', pod('p', { spec: { containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }] } })))).toBe(
      'Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    )
  })

  it('pod: volumeMount must name a volume; a volume needs a type', () => {
    const { api } = newServer()
    expect(msg(() => api.create('pods', pod('p', { spec: { containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } })))).toBe(
      'Pod "p" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"',
    )
    expect(msg(() => api.create('pods', pod('p', { spec: { volumes: [{ name: 'data' }] } })))).toBe(
      'Pod "p" is invalid: spec.volumes[0]: Required value: must specify a volume type',
    )
  })

  it('pod: unknown resource names and whitespace in images', () => {
    const { api } = newServer()
    expect(msg(() => api.create('pods', pod('p', { spec: { containers: [{ name: 'a', image: 'x', resources: { limits: { cpuu: '1' } } }] } })))).toBe(
      // Defaulting copied the limit into requests (SetDefaults_Pod), so both are reported, as upstream does.
      'Pod "p" is invalid: [spec.containers[0].resources.limits[cpuu]: Invalid value: "cpuu": must be a standard resource type or fully qualified, ' +
      'spec.containers[0].resources.requests[cpuu]: Invalid value: "cpuu": must be a standard resource type or fully qualified]',
    )
    expect(msg(() => api.create('pods', pod('p', { spec: { containers: [{ name: 'a', image: 'nginx ' }] } })))).toBe(
      'Pod "p" is invalid: spec.containers[0].image: Invalid value: "nginx ": must not have leading or trailing whitespace',
    )
  })

  it('configmap keys and binaryData overlap', () => {
    const { api } = newServer()
    expect(msg(() => api.create('configmaps', configMap('c', { 'a b': '1' })))).toBe(
      `ConfigMap "c" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    )
    expect(msg(() => api.create('configmaps', { ...configMap('c', { k: '1' }), binaryData: { k: 'AA==' } }))).toBe(
      'ConfigMap "c" is invalid: data[k]: Invalid value: "k": duplicate of key present in binaryData',
    )
  })

  it('configmap data over 1 MiB', () => {
    const { api } = newServer()
    expect(msg(() => api.create('configmaps', configMap('big', { a: 'x'.repeat(1024 * 1024 + 1) })))).toBe('ConfigMap "big" is invalid: []: Too long: must have at most 1048576 bytes')
  })

  it('nothing is stored when validation fails', () => {
    const { api } = newServer()
    const before = api.currentResourceVersion()
    errorOf(() => api.create('pods', pod('Web')))
    expect(api.currentResourceVersion()).toBe(before)
  })
})

describe('pod defaulting', () => {
  it('fills what upstream fills on create', () => {
    const { api } = newServer()
    const p = api.create<Loose>('pods', pod('web', { spec: { containers: [{ name: 'a', image: 'nginx', ports: [{ containerPort: 80 }] }, { name: 'b', image: 'nginx:1.25' }] } }))
    expect(p.spec).toMatchObject({
      restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30,
      securityContext: {}, enableServiceLinks: true, priority: 0, serviceAccountName: 'default',
    })
    expect(p.spec.containers[0]).toMatchObject({ terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'Always', ports: [{ containerPort: 80, protocol: 'TCP' }] })
    expect(p.spec.containers[1].imagePullPolicy).toBe('IfNotPresent')
    expect(p.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ])
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' })
  })

  it('QoS: Guaranteed when limits equal requests (requests default to limits), else Burstable', () => {
    const { api } = newServer()
    const g = api.create<Loose>('pods', pod('g', { spec: { containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: '1', memory: '1Gi' } } }] } }))
    expect(g.status.qosClass).toBe('Guaranteed')
    expect(g.spec.containers[0].resources.requests).toEqual({ cpu: '1', memory: '1Gi' })
    const b = api.create<Loose>('pods', pod('b', { spec: { containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '100m' } } }] } }))
    expect(b.status.qosClass).toBe('Burstable')
  })

  it('stores quantities in canonical form, in pods and in templates, on create and update', () => {
    const { api } = newServer()
    const p = api.create<Loose>('pods', pod('q', { spec: { containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: 0.5, memory: '1.5Gi' }, requests: { cpu: '0.25', memory: '1000M' } } }] } }))
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '1536Mi' }, requests: { cpu: '250m', memory: '1G' } })
    const tpl = { metadata: { labels: { app: 'w' } }, spec: { containers: [{ name: 'w', image: 'nginx', resources: { requests: { cpu: 1.5 } } }] } }
    const d = api.create<Loose>('deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'w', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'w' } }, template: tpl } })
    expect(d.spec.template.spec.containers[0].resources.requests.cpu).toBe('1500m')
    d.spec.template.spec.containers[0].resources.limits = { memory: '2048Mi' }
    const u = api.update<Loose>('deployments', d)
    expect(u.spec.template.spec.containers[0].resources.limits.memory).toBe('2Gi')
  })

  it('namespaces get the kubernetes finalizer, phase Active and the name label', () => {
    const { api } = newServer()
    const ns = api.get<Loose>('namespaces', undefined, 'default')
    expect(ns.spec.finalizers).toEqual(['kubernetes'])
    expect(ns.status.phase).toBe('Active')
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'default' })
  })
})
