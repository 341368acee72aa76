// Turning failures into kubectl's words. kubectl prints API errors through
// cmdutil.StandardErrorMessage (`Error from server (NotFound): pods "web" not found`) and every
// other error as `error: <message>`; both exit 1.
import { isStatusError, type StatusError } from '../api/errors'

/** A failure the command reports and exits with; `text` is printed to stderr as is (plus newline). */
export class CmdError extends Error {
  constructor(public readonly text: string, public readonly code = 1) {
    super(text)
  }
}

/** `error: <msg>` (kubectl's CheckErr for non-API errors). */
export const fail = (msg: string): CmdError => new CmdError(`error: ${msg}`)

/**
 * kubectl's text for an API error. Invalid errors print without the "Error from server" prefix
 * (`The Pod "Web" is invalid: ...`), as cmdutil.checkErr does for StatusReasonInvalid.
 */
export function formatStatusError(e: StatusError): string {
  const s = e.status
  if (s.reason === 'Invalid') return formatInvalid(e)
  return `Error from server (${s.reason}): ${s.message}`
}

/**
 * cmdutil.checkErr for Invalid: `The Pod "web" is invalid: <cause>` for one cause; several causes
 * go one per line after the prefix (MultilineError), each as `* <field>: <detail>`.
 */
function formatInvalid(e: StatusError): string {
  const d = e.status.details
  const causes = d?.causes ?? []
  if (!d || (!d.kind && !d.name) || causes.length === 0) return `The ${e.status.message}`
  const prefix = `The ${d.kind} "${d.name}" is invalid: `
  if (causes.length === 1) return prefix + causes[0].message
  return [prefix, ...causes.map((c) => `* ${c.message}`)].join('\n')
}

/**
 * The same error from `apply/create -f`: upstream wraps it as
 * `error when creating "web.yaml": pods "web" already exists` inside the server-error prefix.
 */
export function formatFileError(e: StatusError, verb: string, source: string): string {
  const s = e.status
  if (s.reason === 'Invalid') return formatInvalid(e)
  return `Error from server (${s.reason}): error when ${verb} "${source}": ${s.message}`
}

/** Any thrown value as the text kubectl would print. */
export function errorText(e: unknown): string {
  if (e instanceof CmdError) return e.text
  if (isStatusError(e)) return formatStatusError(e)
  return `error: ${e instanceof Error ? e.message : String(e)}`
}
