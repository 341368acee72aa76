import { describe, it, expect } from 'vitest'
import { alreadyExists, fieldInvalid, fieldRequired, invalid, notFound } from '../api/errors'
import { formatFileError, formatStatusError } from './errors'

describe('formatStatusError', () => {
  it('prints API errors with the server prefix', () => {
    expect(formatStatusError(notFound('pods', 'web'))).toBe('Error from server (NotFound): pods "web" not found')
  })
  it('prints Invalid without the prefix, one cause inline', () => {
    const e = invalid('Pod', 'Web', [fieldInvalid('metadata.name', 'Web', 'a lowercase RFC 1123 subdomain')])
    expect(formatStatusError(e)).toBe('The Pod "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain')
  })
  it('prints several Invalid causes one per line', () => {
    const e = invalid('Pod', 'web', [fieldRequired('spec.containers[0].image'), fieldRequired('spec.containers[1].image')])
    expect(formatStatusError(e)).toBe('The Pod "web" is invalid: \n* spec.containers[0].image: Required value\n* spec.containers[1].image: Required value')
  })
  it('names the file for -f errors', () => {
    expect(formatFileError(alreadyExists('pods', 'web'), 'creating', 'web.yaml'))
      .toBe('Error from server (AlreadyExists): error when creating "web.yaml": pods "web" already exists')
  })
})
