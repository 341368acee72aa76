// Port parsing and validation shared by `create service` and `expose`, with Go's error words:
// strconv.ParseUint / strconv.Atoi errors and validation.IsValidPortName's messages.
import { fail } from '../errors'

/** Largest TCP/UDP port (ParseUint(s, 10, 16) rejects above it as "value out of range"). */
const MAX_PORT = 65535
/** IANA_SVC_NAME: at most 15 characters. */
const MAX_PORT_NAME = 15

/** k8s.io/utils/net ParsePort(s, allowZero=true): strconv.ParseUint(s, 10, 16). */
export function parseGoPort(s: string): number {
  if (!/^\d+$/.test(s)) throw fail(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`)
  const n = Number(s)
  if (n > MAX_PORT) throw fail(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`)
  return n
}

/** strconv.Atoi: a signed decimal int, else `strconv.Atoi: parsing "x": invalid syntax`. */
export function goAtoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw fail(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`)
  return Number(s)
}

/** validation.IsValidPortName: every message that applies, in upstream's order. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = []
  if (port.length > MAX_PORT_NAME) errs.push(`must be no more than ${MAX_PORT_NAME} characters`)
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)')
  if (port.includes('--')) errs.push('must not contain consecutive hyphens')
  if (port.length > 0 && (port[0] === '-' || port[port.length - 1] === '-')) errs.push('must not begin or end with a hyphen')
  return errs
}

/** intstr.Parse: a number when the whole text is an int32, else the text (a port name). */
export function parseIntOrString(s: string): number | string {
  return /^[+-]?\d+$/.test(s) && Math.abs(Number(s)) < 2 ** 31 ? Number(s) : s
}
