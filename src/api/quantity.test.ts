import { describe, it, expect } from 'vitest'
import { canonicalQuantity, parseQuantity, formatQuantity, milliValue, wholeValue, compareQuantities } from './quantity'

// Rows from apimachinery's quantity_test.go (TestQuantityParseEmit, TestQuantityString via parse).
describe('canonical form (TestQuantityParseEmit)', () => {
  it.each([
    ['1Ki', '1Ki'], ['1Mi', '1Mi'], ['1Gi', '1Gi'], ['1024Mi', '1Gi'], ['1000M', '1G'],
    ['.001Ki', '1024m'], ['.000001Ki', '1024u'], ['.000000001Ki', '1024n'], ['.000000000001Ki', '2n'],
  ])('%s → %s', (input, want) => {
    expect(canonicalQuantity(input)).toBe(want)
    if (want !== '0') expect(canonicalQuantity(`-${input}`)).toBe(`-${want}`)
  })
})

describe('canonical form of alternates (TestQuantityString)', () => {
  it.each([
    ['1024Mi', '1Gi'], ['307200Ki', '300Mi'], ['1025024Mi', '1001Gi'], ['1024Gi', '1Ti'],
    ['1000M', '1G'], ['0.001T', '1G'], ['1000u', '1m'], ['1.08', '1080m'], ['1080000000n', '1080m'],
    ['1000E', '1e21'], ['5000E', '5e21'], ['.001e12', '1e9'], ['0.001e0', '1e-3'], ['1000e-12', '1e-9'],
    ['00', '0'], ['1234567M', '1234567M'], ['3k', '3k'], ['1025', '1025'], ['80e-3', '80e-3'], ['300e6', '300e6'],
  ])('%s → %s', (input, want) => {
    expect(canonicalQuantity(input)).toBe(want)
  })
})

describe('parsing rounds and keeps formats (TestQuantityParse)', () => {
  it.each([
    ['3.001n', '4n'], ['1.1E-9', '2e-9'], ['0.0000000001', '1n'], ['0.9n', '1n'], ['0.00000012345', '124n'],
    ['100.035k', '100035'], ['0.5', '500m'], ['0.5Mi', '512Ki'], ['1.5Gi', '1536Mi'], ['100.035Ki', '102435840m'],
    ['1.', '1'], ['1.G', '1G'], ['.0001k', '100m'], ['8.1k', '8100'], ['2.5P', '2500T'], ['12E', '12E'], ['1.3E+6', '1300e3'],
  ])('%s → %s', (input, want) => {
    expect(canonicalQuantity(input)).toBe(want)
  })

  it('refuses what upstream refuses', () => {
    for (const bad of ['1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', ' 1', '1 ', '', '.'])
      expect(parseQuantity(bad), bad).toBeUndefined()
  })

  it('accepts JSON numbers as the API server does (`cpu: 0.5` in YAML)', () => {
    expect(canonicalQuantity(0.5)).toBe('500m')
    expect(canonicalQuantity(2)).toBe('2')
    expect(canonicalQuantity(128974848)).toBe('128974848')
  })
})

describe('values', () => {
  it('milli and whole values round up', () => {
    expect(milliValue(parseQuantity('0.0001')!)).toBe(1)
    expect(milliValue(parseQuantity('250m')!)).toBe(250)
    expect(wholeValue(parseQuantity('64Mi')!)).toBe(67108864)
    expect(compareQuantities(parseQuantity('1Gi')!, parseQuantity('1G')!)).toBe(1)
    expect(formatQuantity({ nano: 0n, format: 'BinarySI' })).toBe('0')
  })
})
