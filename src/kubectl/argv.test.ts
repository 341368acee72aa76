import { describe, it, expect } from 'vitest'
import { parseArgs, flagArr, flagBool, flagStr, flagInt, type FlagSpec } from './argv'

const SPECS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'env', type: 'stringArray' },
  { name: 'grace-period', type: 'int' },
  { name: 'filename', short: 'f', type: 'stringArray' },
]

describe('parseArgs (pflag grammar)', () => {
  it('reads --flag=value, --flag value, -n value, -nvalue and -n=value', () => {
    expect(flagStr(parseArgs(['--namespace=a'], SPECS), 'namespace')).toBe('a')
    expect(flagStr(parseArgs(['--namespace', 'b'], SPECS), 'namespace')).toBe('b')
    expect(flagStr(parseArgs(['-n', 'c'], SPECS), 'namespace')).toBe('c')
    expect(flagStr(parseArgs(['-nd'], SPECS), 'namespace')).toBe('d')
    expect(flagStr(parseArgs(['-n=e'], SPECS), 'namespace')).toBe('e')
  })

  it('combines bool shorthands and keeps positionals interspersed', () => {
    const p = parseArgs(['pods', '-it', 'web'], SPECS)
    expect(flagBool(p, 'stdin')).toBe(true)
    expect(flagBool(p, 'tty')).toBe(true)
    expect(p.positional).toEqual(['pods', 'web'])
  })

  it('takes bool values only after =', () => {
    expect(flagBool(parseArgs(['--all'], SPECS), 'all')).toBe(true)
    expect(flagBool(parseArgs(['--all=false'], SPECS), 'all')).toBe(false)
    expect(parseArgs(['--all', 'false'], SPECS).positional).toEqual(['false'])
  })

  it('collects repeatable flags and stops at --', () => {
    const p = parseArgs(['--env', 'A=1', '--env=B=2', 'web', '--', 'sh', '-c', 'echo hi'], SPECS)
    expect(flagArr(p, 'env')).toEqual(['A=1', 'B=2'])
    expect(p.positional).toEqual(['web', 'sh', '-c', 'echo hi'])
    expect(p.dashAt).toBe(1)
  })

  it('treats a lone - as a value or positional', () => {
    expect(flagArr(parseArgs(['-f', '-'], SPECS), 'filename')).toEqual(['-'])
  })

  it('fails with pflag words', () => {
    expect(() => parseArgs(['--foo'], SPECS)).toThrow('unknown flag: --foo')
    expect(() => parseArgs(['-z'], SPECS)).toThrow("unknown shorthand flag: 'z' in -z")
    expect(() => parseArgs(['-iz'], SPECS)).toThrow("unknown shorthand flag: 'z' in -z")
    expect(() => parseArgs(['-n'], SPECS)).toThrow("flag needs an argument: 'n' in -n")
    expect(() => parseArgs(['--namespace'], SPECS)).toThrow('flag needs an argument: --namespace')
    expect(() => parseArgs(['--all=maybe'], SPECS)).toThrow('invalid argument "maybe" for "--all" flag: strconv.ParseBool: parsing "maybe": invalid syntax')
    expect(() => parseArgs(['--grace-period=soon'], SPECS)).toThrow('invalid argument "soon" for "--grace-period" flag: strconv.ParseInt: parsing "soon": invalid syntax')
    expect(flagInt(parseArgs(['--grace-period', '0'], SPECS), 'grace-period')).toBe(0)
  })
})
