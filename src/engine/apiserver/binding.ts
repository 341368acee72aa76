// pods/binding, as the scheduler uses it: `create('bindings', {metadata: {name, namespace},
// target: {kind: 'Node', name}})` sets spec.nodeName (which a pod update may not change) and the
// PodScheduled condition, in one write. Upstream: pkg/registry/core/pod/storage BindingREST.
import type { KubeObject } from '../../api/types'
import { conflict, badRequest } from '../../api/errors'
import type { ApiServer } from './server'

export const BINDINGS_RESOURCE = 'bindings'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

export function bind(api: ApiServer, binding: KubeObject): KubeObject {
  const b = binding as Loose
  const ns = b.metadata?.namespace || 'default'
  const name = b.metadata?.name
  const node = b.target?.name
  if (!name || !node) throw badRequest('Binding must name a pod and a target node')
  const pod = api.get(`pods`, ns, name) as Loose
  if (pod.metadata.deletionTimestamp) {
    throw conflict('pods/binding', name, `pod ${name} is being deleted, cannot be assigned to a host`)
  }
  if (pod.spec.nodeName) {
    throw conflict('pods/binding', name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`)
  }
  api.assignNode(ns, name, node)
  return { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace: ns }, target: { kind: 'Node', name: node } } as KubeObject
}
