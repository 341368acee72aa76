import { describe, it, expect } from 'vitest'
import { newServer, pod, configMap, errorOf } from './testutil'
import type { KubeObject } from '../../api/types'

describe('decode errors (400 before admission)', () => {
  const cases: [string, () => KubeObject, string][] = [
    ['a number label value (YAML `version: 1.0`)', () => pod('p', { metadata: { labels: { version: 1.0 } } }),
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
    ['a string containerPort', () => pod('p', { spec: { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: '80' }] }] } }),
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32'],
    ['a number env value', () => pod('p', { spec: { containers: [{ name: 'a', image: 'x', env: [{ name: 'N', value: 3 }] }] } }),
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string'],
    ['command as a string', () => pod('p', { spec: { containers: [{ name: 'a', image: 'x', command: 'sleep 10' }] } }),
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string'],
    ['a malformed quantity', () => pod('p', { spec: { containers: [{ name: 'a', image: 'x', resources: { limits: { memory: '1 Gi' } } }] } }),
      "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['a boolean in ConfigMap data', () => ({ ...configMap('c'), data: { debug: true } }) as unknown as KubeObject,
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal bool into Go struct field ConfigMap.data of type string'],
  ]
  it.each(cases)('%s', (_name, make, want) => {
    const { api } = newServer()
    const resource = make().kind === 'Pod' ? 'pods' : 'configmaps'
    expect(errorOf(() => api.create(resource, make()))).toMatchObject({ reason: 'BadRequest', code: 400, message: want })
  })

  it('numbers are fine as quantities', () => {
    const { api } = newServer()
    expect(() => api.create('pods', pod('p', { spec: { containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: 1 } } }] } }))).not.toThrow()
  })
})
