import { describe, it, expect } from 'vitest'
import { parseFieldSelector, matchFields, validateFieldSelector, FieldSelectorError } from './fieldselector'

const pod = { metadata: { name: 'web', namespace: 'default' }, spec: { nodeName: 'minikube', restartPolicy: 'Always' }, status: { phase: 'Running', podIP: '10.244.0.5' } }

describe('field selectors', () => {
  it('parses =, == and !=', () => {
    expect(parseFieldSelector('a.b=c,x!=y,z==w')).toEqual([
      { field: 'a.b', op: '=', value: 'c' }, { field: 'x', op: '!=', value: 'y' }, { field: 'z', op: '=', value: 'w' },
    ])
    expect(parseFieldSelector('')).toEqual([])
  })

  it('a term without an operator is upstream\'s "can\'t understand"', () => {
    expect(() => parseFieldSelector('status.phase')).toThrow("invalid selector: 'status.phase'; can't understand 'status.phase'")
  })

  const rows: [string, boolean][] = [
    ['metadata.name=web', true],
    ['metadata.namespace=default,spec.nodeName=minikube', true],
    ['status.phase!=Running', false],
    ['status.phase=Running,status.podIP=10.244.0.5', true],
    ['spec.nodeName=', false],
    ['spec.restartPolicy=Always', true],
  ]
  it.each(rows)('pods: %j → %s', (sel, want) => {
    expect(matchFields('pods', parseFieldSelector(sel), pod)).toBe(want)
  })

  it('unsupported fields: field label not supported: foo', () => {
    expect(() => validateFieldSelector('pods', parseFieldSelector('foo=bar'))).toThrow(new FieldSelectorError('field label not supported: foo'))
    expect(() => validateFieldSelector('configmaps', parseFieldSelector('data.x=1'))).toThrow('field label not supported: data.x')
    expect(() => validateFieldSelector('configmaps', parseFieldSelector('metadata.name=a'))).not.toThrow()
    expect(() => validateFieldSelector('nodes', parseFieldSelector('metadata.namespace=a'), false)).toThrow('field label not supported: metadata.namespace')
  })

  it('events select on involvedObject.*, reason, type and source', () => {
    const ev = { metadata: { name: 'e', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'web' }, reason: 'Pulled', type: 'Normal', source: { component: 'kubelet' } }
    expect(matchFields('events', parseFieldSelector('involvedObject.kind=Pod,involvedObject.name=web,reason=Pulled,type=Normal,source=kubelet'), ev)).toBe(true)
    expect(matchFields('events', parseFieldSelector('type=Warning'), ev)).toBe(false)
  })
})
