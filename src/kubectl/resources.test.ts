import { describe, it, expect } from 'vitest'
import { KINDS } from '../api/kinds'
import { isMultiType, kindSlashName, parseResourceArgs } from './resources'

describe('parseResourceArgs', () => {
  it('TYPE, TYPE NAME..., TYPE/NAME, a,b and all', () => {
    expect(parseResourceArgs(KINDS, ['po']).map((r) => [r.kind.plural, r.names])).toEqual([['pods', []]])
    expect(parseResourceArgs(KINDS, ['pods', 'a', 'b'])[0].names).toEqual(['a', 'b'])
    expect(parseResourceArgs(KINDS, ['pod/a', 'cm/b', 'pod/c']).map((r) => [r.kind.plural, r.names])).toEqual([['pods', ['a', 'c']], ['configmaps', ['b']]])
    expect(parseResourceArgs(KINDS, ['pods,cm']).map((r) => r.kind.plural)).toEqual(['pods', 'configmaps'])
    expect(parseResourceArgs(KINDS, ['all']).map((r) => r.kind.plural)).toEqual(['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'jobs'])
  })

  it('errors in kubectl\'s words', () => {
    expect(() => parseResourceArgs(KINDS, ['foo'])).toThrow('error: the server doesn\'t have a resource type "foo"')
    expect(() => parseResourceArgs(KINDS, ['pods', 'pod/web'])).toThrow('there is no need to specify a resource type as a separate argument when passing arguments in resource/name form')
  })

  it('kind prefixes', () => {
    expect(isMultiType(['pods,cm'])).toBe(true)
    expect(isMultiType(['all'])).toBe(true)
    expect(isMultiType(['pods', 'web'])).toBe(false)
    expect(kindSlashName(KINDS[2], 'web')).toBe('pod/web')
  })
})
