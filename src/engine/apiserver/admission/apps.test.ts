import { describe, it, expect } from 'vitest'
import { newServer, errorOf } from '../testutil'
import type { KubeObject } from '../../../api/types'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any
const msg = (fn: () => unknown) => errorOf(fn).message

function deploy(spec: Loose = {}, name = 'web'): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
      ...spec,
    },
  }
}
const rs = (spec: Loose = {}, name = 'web'): KubeObject => ({ ...deploy(spec, name), kind: 'ReplicaSet' })
const ru = (maxSurge: unknown, maxUnavailable: unknown) => ({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } })

describe('apps/v1 defaulting', () => {
  it('Deployment: replicas 1, RollingUpdate 25%/25%, history 10, deadline 600, template pod defaults, generation 1', () => {
    const { api } = newServer()
    const d = api.create('deployments', deploy()) as Loose
    expect(d.spec.replicas).toBe(1)
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } })
    expect(d.spec.revisionHistoryLimit).toBe(10)
    expect(d.spec.progressDeadlineSeconds).toBe(600)
    expect(d.metadata.generation).toBe(1)
    const ps = d.spec.template.spec
    expect(ps).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30, securityContext: {} })
    expect(ps.enableServiceLinks).toBeUndefined()
    expect(d.spec.template.metadata).toEqual({ creationTimestamp: null, labels: { app: 'web' } })
    expect(ps.containers[0]).toMatchObject({ imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} })
  })

  it('Recreate gets no rollingUpdate; ReplicaSet replicas 1; spec change bumps generation, status does not', () => {
    const { api } = newServer()
    const d = api.create('deployments', deploy({ strategy: { type: 'Recreate' } })) as Loose
    expect(d.spec.strategy).toEqual({ type: 'Recreate' })
    const r = api.create('replicasets', rs()) as Loose
    expect(r.spec.replicas).toBe(1)
    r.spec.replicas = 3
    expect((api.update('replicasets', r) as Loose).metadata.generation).toBe(2)
    const cur = api.get('replicasets', 'default', 'web') as Loose
    cur.status = { replicas: 3 }
    expect((api.updateStatus('replicasets', cur) as Loose).metadata.generation).toBe(2)
  })
})

describe('apps/v1 validation messages (pinned to upstream)', () => {
  it('a missing selector is Required and fails the label match', () => {
    const { api } = newServer()
    expect(msg(() => api.create('deployments', deploy({ selector: undefined })))).toBe(
      'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]')
  })

  it('selector must match the template labels', () => {
    const { api } = newServer()
    expect(msg(() => api.create('replicasets', rs({ selector: { matchLabels: { app: 'x' } } })))).toBe(
      'ReplicaSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`')
  })

  it('replicas must not be negative', () => {
    const { api } = newServer()
    expect(msg(() => api.create('replicasets', rs({ replicas: -1 })))).toBe(
      'ReplicaSet.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0')
  })

  it('template restartPolicy must be Always', () => {
    const { api } = newServer()
    const d = deploy()
    ;(d.spec as Loose).template.spec.restartPolicy = 'Never'
    expect(msg(() => api.create('deployments', d))).toBe(
      'Deployment.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"')
  })

  it('the pod template is validated with paths under spec.template.spec', () => {
    const { api } = newServer()
    const d = deploy()
    ;(d.spec as Loose).template.spec.containers[0].image = undefined
    expect(msg(() => api.create('deployments', d))).toMatch(/^Deployment\.apps "web" is invalid: spec\.template\.spec\.containers\[0\]\.image: Required value/)
  })

  it('maxSurge / maxUnavailable: int or percent, 0 and 0 refused, over 100% refused', () => {
    const { api } = newServer()
    expect(msg(() => api.create('deployments', deploy(ru(0, 0))))).toBe(
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0')
    expect(msg(() => api.create('deployments', deploy(ru('0%', '0%'))))).toBe(
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0')
    expect(msg(() => api.create('deployments', deploy(ru(1, '110%'))))).toBe(
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}: must not be greater than 100%')
    expect(msg(() => api.create('deployments', deploy(ru('1', 0))))).toBe(
      `Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"1"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`)
    expect(msg(() => api.create('deployments', deploy(ru(-1, 1))))).toBe(
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0')
    // Valid: an int over 100 is allowed for maxSurge; 100%/0 is fine.
    expect(() => api.create('deployments', deploy(ru(5, '100%'), 'ok'))).not.toThrow()
  })

  it('Recreate with rollingUpdate is Forbidden; deadline must exceed minReadySeconds; history non-negative', () => {
    const { api } = newServer()
    expect(msg(() => api.create('deployments', deploy({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } })))).toBe(
      "Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'")
    expect(msg(() => api.create('deployments', deploy({ minReadySeconds: 10, progressDeadlineSeconds: 10 })))).toBe(
      'Deployment.apps "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds')
    expect(msg(() => api.create('deployments', deploy({ revisionHistoryLimit: -1 })))).toBe(
      'Deployment.apps "web" is invalid: spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0')
  })

  it('the selector is immutable on update (apps/v1), rendered as Go prints a LabelSelector', () => {
    const { api } = newServer()
    api.create('deployments', deploy())
    const d = api.get('deployments', 'default', 'web') as Loose
    d.spec.selector = { matchLabels: { app: 'web', tier: 'fe' } }
    d.spec.template.metadata.labels.tier = 'fe'
    expect(msg(() => api.update('deployments', d))).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"fe"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable')
    const details = errorOf(() => api.update('deployments', d)) as Loose
    expect(details.details).toMatchObject({ kind: 'Deployment', group: 'apps', name: 'web' })
  })

  it('an empty selector is invalid', () => {
    const { api } = newServer()
    expect(msg(() => api.create('replicasets', rs({ selector: {} })))).toBe(
      'ReplicaSet.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment')
  })
})

describe('apps/v1 typed decode (400 before admission)', () => {
  it('a quoted containerPort or replicas in a Deployment is refused as Go decoding refuses it', () => {
    const { api } = newServer()
    const d = deploy() as Loose
    d.spec.template.spec.containers[0].ports = [{ containerPort: '80' }]
    expect(msg(() => api.create('deployments', d))).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32')
    expect(msg(() => api.create('replicasets', rs({ replicas: '3' })))).toBe(
      'ReplicaSet in version "v1" cannot be handled as a ReplicaSet: json: cannot unmarshal string into Go struct field ReplicaSetSpec.spec.replicas of type int32')
    const r = rs() as Loose
    r.spec.template.metadata.labels.version = 1
    expect(msg(() => api.create('replicasets', r))).toBe(
      'ReplicaSet in version "v1" cannot be handled as a ReplicaSet: json: cannot unmarshal number into Go struct field ObjectMeta.spec.template.metadata.labels of type string')
  })
})
