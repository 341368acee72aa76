// Name validators as apimachinery's ValidateNameFunc: (name, prefix) → messages. `prefix` is true
// for generateName, where a trailing '-' is allowed (the random suffix follows it).
import { isDNS1123Label, isDNS1123Subdomain } from './strings'

export type NameValidator = (name: string, prefix: boolean) => string[]

/** upstream maskTrailingDash: `web-` is a valid generateName because a suffix will follow. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name
}

export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name)
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name)

/** Upstream path-segment rule, applied to every name: `.`/`..` and `/`/`%` would break REST paths. */
export function isValidPathSegmentName(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`]
  const errs: string[] = []
  for (const bad of ['/', '%']) if (name.includes(bad)) errs.push(`may not contain '${bad}'`)
  return errs
}
