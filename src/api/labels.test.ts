import { describe, it, expect } from 'vitest'
import { parseSelector, matchSelector, selectorToString, selectorFromSet, fromLabelSelector, SelectorParseError } from './labels'

const parseErr = (s: string) => {
  try { parseSelector(s) } catch (e) { expect(e).toBeInstanceOf(SelectorParseError); return (e as Error).message }
  throw new Error(`"${s}" parsed`)
}

describe('label selector parsing', () => {
  // Rows in the spirit of apimachinery's TestToString / TestSelectorParse.
  const ok: [string, string][] = [
    ['', ''],
    ['x=a,y=b,z=c', 'x=a,y=b,z=c'],
    ['x = a , y == b', 'x=a,y==b'],
    ['x!=a,y=b', 'x!=a,y=b'],
    ['env in (prod,dev)', 'env in (dev,prod)'],
    ['env notin (a)', 'env notin (a)'],
    ['!legacy', '!legacy'],
    ['track', 'track'],
    ['x=', 'x='],
    ['x in (in)', 'x in (in)'],
    ['x in (a,,b)', 'x in (,a,b)'],
    ['x in ()', 'x in ()'],
    ['example.com/app=web', 'example.com/app=web'],
    ['b=1,a=2', 'a=2,b=1'],
    ['x>1,y<5', 'x>1,y<5'],
  ]
  it.each(ok)('%j parses to %j', (input, want) => {
    expect(selectorToString(parseSelector(input))).toBe(want)
  })

  const bad: [string, string][] = [
    ['x=a,', "found '', expected: identifier after ','"],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['x y', "unable to parse requirement: found 'y', expected: in, notin, =, ==, !=, gt, lt"],
    ['=a', "found '=', expected: !, identifier, or 'end of string'"],
    ['x=a b', "found 'b', expected: ',' or 'end of string'"],
    ['x=(a)', "unable to parse requirement: found '(', expected: identifier"],
    ['x=a b=c', "found 'b', expected: ',' or 'end of string'"],
    ['x>a', `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`],
  ]
  it.each(bad)('%j fails with upstream words', (input, want) => {
    expect(parseErr(input)).toBe(want)
  })

  it('bad key and value are reported with the label rules', () => {
    expect(parseErr('a b c')).toMatch(/^unable to parse requirement: found 'b', expected: in, notin/)
    expect(parseErr('k=-x')).toContain('a valid label must be an empty string or consist of alphanumeric characters')
    expect(parseErr('-k=x')).toContain('name part must consist of alphanumeric characters')
  })
})

describe('label selector matching', () => {
  const labels = { app: 'web', tier: 'fe', n: '3' }
  const rows: [string, boolean][] = [
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app=db', false],
    ['app!=db', true],
    ['missing!=x', true],
    ['app in (web,db)', true],
    ['app notin (web)', false],
    ['missing notin (x)', true],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['n>2,n<4', true],
    ['n>3', false],
    ['app=web,tier=be', false],
  ]
  it.each(rows)('%j → %s', (sel, want) => {
    expect(matchSelector(parseSelector(sel), labels)).toBe(want)
  })

  it('undefined labels only match negative requirements', () => {
    expect(matchSelector(parseSelector('!a,b notin (x),c!=d'), undefined)).toBe(true)
    expect(matchSelector(parseSelector('a'), undefined)).toBe(false)
  })

  it('selectorFromSet and fromLabelSelector', () => {
    expect(selectorFromSet({ tier: 'fe', app: 'web' })).toBe('app=web,tier=fe')
    const sel = fromLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['a', 'b'] }, { key: 'old', operator: 'DoesNotExist' }] })
    expect(selectorToString(sel)).toBe('app=web,env in (a,b),!old')
    expect(matchSelector(sel, { app: 'web', env: 'b' })).toBe(true)
    expect(matchSelector(fromLabelSelector({}), { any: 'thing' })).toBe(true)
  })
})
