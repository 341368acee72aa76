// String-format checks from k8s.io/apimachinery/pkg/util/validation (v1.30), returning upstream's
// exact error strings. The label-key family lives in api/labels.ts (selectors need it too).
import { regexError, maxLenError, inclusiveRangeError, hasChDirPrefix } from '../../../api/labels'

export {
  regexError, maxLenError, inclusiveRangeError, EMPTY_ERROR, isDNS1123Label, isDNS1123Subdomain,
  isQualifiedName, isValidLabelValue, DNS1123_LABEL_MAX, DNS1123_SUBDOMAIN_MAX, isConfigMapKey,
} from '../../../api/labels'

const ENV_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*'
const ENV_NAME_MSG = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit"
const envNameRe = new RegExp(`^${ENV_NAME_FMT}$`)

export function isEnvVarName(v: string): string[] {
  const errs: string[] = []
  if (!envNameRe.test(v)) errs.push(regexError(ENV_NAME_MSG, ENV_NAME_FMT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'))
  errs.push(...hasChDirPrefix(v))
  return errs
}

export function isValidPortNum(p: number): string[] {
  return Number.isInteger(p) && p >= 1 && p <= 65535 ? [] : [inclusiveRangeError(1, 65535)]
}

/** IANA_SVC_NAME: at most 15 characters, [-a-z0-9], at least one letter, no `--`, no edge hyphen. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = []
  if (port.length > 15) errs.push(maxLenError(15))
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)')
  if (port.includes('--')) errs.push('must not contain consecutive hyphens')
  if (port.length > 0 && (port[0] === '-' || port[port.length - 1] === '-')) errs.push('must not begin or end with a hyphen')
  return errs
}
