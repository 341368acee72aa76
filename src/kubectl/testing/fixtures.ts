// Manifests and helpers shared by kubectl's command tests.
import type { KubeObject, Pod } from '../../api/types'
import type { FakeApi } from './fakeApi'

export const podYaml = (name: string, opts: { image?: string; labels?: Record<string, string>; namespace?: string } = {}) => [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  `  name: ${name}`,
  ...(opts.namespace ? [`  namespace: ${opts.namespace}`] : []),
  ...(opts.labels ? ['  labels:', ...Object.entries(opts.labels).map(([k, v]) => `    ${k}: ${v}`)] : []),
  'spec:',
  '  containers:',
  `  - name: ${name}`,
  `    image: ${opts.image ?? 'nginx:1.25'}`,
  '',
].join('\n')

export function addPod(api: FakeApi, name: string, namespace = 'default', labels: Record<string, string> = {}): KubeObject {
  return api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { containers: [{ name, image: 'nginx' }] } })
}

/** A stored pod, typed (kubernetes-types' Pod has optional metadata; stored objects always have it). */
export function getPod(api: FakeApi, name: string, namespace = 'default'): Pod & { metadata: NonNullable<Pod['metadata']> } {
  return api.get('pods', namespace, name) as unknown as Pod & { metadata: NonNullable<Pod['metadata']> }
}
