// API errors as values, shaped like metav1.Status, with the exact messages the API server sends.
// kubectl turns them into text with `formatStatusError` (kubectl/) — e.g.
//   Error from server (NotFound): pods "web" not found

export type StatusReason =
  | 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'Forbidden'
  | 'MethodNotAllowed' | 'Gone' | 'InternalError' | 'RequestEntityTooLarge' | 'Expired'

/** One field error, as field.Error renders it: `spec.replicas: Invalid value: -1: must be ...`. */
export interface FieldError {
  /** FieldValueInvalid → "Invalid value", FieldValueRequired → "Required value", ... */
  type: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueNotSupported' | 'FieldValueDuplicate' | 'FieldValueForbidden' | 'FieldValueTooLong' | 'FieldValueTooMany' | 'FieldValueTypeInvalid' | 'FieldValueNotFound'
  /** Dotted path with indices: `spec.containers[0].image`. */
  field: string
  /** The complete rendered text, e.g. `spec.containers[0].image: Required value`. */
  message: string
}

export interface Status {
  kind: 'Status'
  apiVersion: 'v1'
  status: 'Failure'
  message: string
  reason: StatusReason
  code: number
  details?: { name?: string; group?: string; kind?: string; causes?: FieldError[] }
}

/** Thrown by ApiClient methods; carries a Status value. */
export class StatusError extends Error {
  constructor(public readonly status: Status) {
    super(status.message)
    this.name = 'StatusError'
  }
}

export function isStatusError(e: unknown): e is StatusError {
  return e instanceof StatusError
}

function failure(reason: StatusReason, code: number, message: string, details?: Status['details']): StatusError {
  return new StatusError({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code, details })
}

/** qualified = `pods`, `deployments.apps` (upstream: schema.GroupResource.String()). */
export const notFound = (qualified: string, name: string) =>
  failure('NotFound', 404, `${qualified} "${name}" not found`, { name, kind: qualified.split('.')[0] })

export const alreadyExists = (qualified: string, name: string) =>
  failure('AlreadyExists', 409, `${qualified} "${name}" already exists`, { name, kind: qualified.split('.')[0] })

export const conflict = (qualified: string, name: string, why = 'the object has been modified; please apply your changes to the latest version and try again') =>
  failure('Conflict', 409, `Operation cannot be fulfilled on ${qualified} "${name}": ${why}`, { name, kind: qualified.split('.')[0] })

export const badRequest = (message: string) => failure('BadRequest', 400, message)

export const forbidden = (message: string) => failure('Forbidden', 403, message)

export const methodNotAllowed = (message: string) => failure('MethodNotAllowed', 405, message)

export const tooLarge = (message: string) => failure('RequestEntityTooLarge', 413, message)

export const internalError = (message: string) => failure('InternalError', 500, `Internal error occurred: ${message}`)

/**
 * `The Pod "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 ...`
 * Several causes are joined as upstream's errors.NewInvalid does: `[a, b]` when more than one.
 */
export function invalid(kind: string, name: string, causes: FieldError[]): StatusError {
  const list = causes.map((c) => c.message)
  const joined = list.length === 1 ? list[0] : `[${list.join(', ')}]`
  return failure('Invalid', 422, `${kind} "${name}" is invalid: ${joined}`, { name, kind, causes })
}

// --- field error constructors (k8s.io/apimachinery/pkg/util/validation/field/errors.go) ---

/** Go's %v-ish rendering of a bad value as field.Invalid prints it: strings quoted, numbers bare. */
export function renderValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v)
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

export const fieldInvalid = (field: string, value: unknown, detail: string): FieldError =>
  ({ type: 'FieldValueInvalid', field, message: `${field}: Invalid value: ${renderValue(value)}${detail ? `: ${detail}` : ''}` })

export const fieldRequired = (field: string, detail = ''): FieldError =>
  ({ type: 'FieldValueRequired', field, message: `${field}: Required value${detail ? `: ${detail}` : ''}` })

export const fieldNotSupported = (field: string, value: unknown, valid: string[]): FieldError =>
  ({ type: 'FieldValueNotSupported', field, message: `${field}: Unsupported value: ${renderValue(value)}: supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}` })

export const fieldDuplicate = (field: string, value: unknown): FieldError =>
  ({ type: 'FieldValueDuplicate', field, message: `${field}: Duplicate value: ${renderValue(value)}` })

export const fieldForbidden = (field: string, detail: string): FieldError =>
  ({ type: 'FieldValueForbidden', field, message: `${field}: Forbidden: ${detail}` })

// --- added by the API server (compatible additions) ---

/** 410 for a watch from a resourceVersion older than the history window (upstream NewResourceExpired). */
export const expired = (message: string) => failure('Expired', 410, message)

/** `pods "web" is forbidden: <why>` (upstream errors.NewForbidden). */
export const forbiddenFor = (qualified: string, name: string, why: string) =>
  failure('Forbidden', 403, `${qualified} "${name}" is forbidden: ${why}`, { name, kind: qualified.split('.')[0] })

/** field.TooLong: `metadata.annotations: Too long: must have at most 262144 bytes`. */
export const fieldTooLong = (field: string, max: number): FieldError =>
  ({ type: 'FieldValueTooLong', field, message: `${field}: Too long: must have at most ${max} bytes` })

/** field.NotFound: `spec.containers[0].volumeMounts[0].name: Not found: "data"`. */
export const fieldNotFound = (field: string, value: unknown): FieldError =>
  ({ type: 'FieldValueNotFound', field, message: `${field}: Not found: ${renderValue(value)}` })
