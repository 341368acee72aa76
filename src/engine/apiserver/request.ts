// Request plumbing shared by the verbs: resolving the resource, the namespace a request means,
// selector parsing into one filter, and the request size guard.
import type { KubeObject } from '../../api/types'
import type { ListOptions } from '../../api/client'
import { KINDS, type KindInfo } from '../../api/kinds'
import { StatusError, badRequest, tooLarge } from '../../api/errors'
import { parseSelector, matchSelector, SelectorParseError } from '../../api/labels'
import { parseFieldSelector, validateFieldSelector, matchFields, FieldSelectorError } from '../../api/fieldselector'

/** 3 MiB: the API server's request body limit (apiserver MaxRequestBodyBytes = 3 * 1024 * 1024). */
export const MAX_REQUEST_BYTES = 3 * 1024 * 1024

/** Namespaced requests without a namespace mean `default`, as kubectl's context does. */
export const DEFAULT_NAMESPACE = 'default'

export function resolveKind(resource: string, kinds: readonly KindInfo[] = KINDS): KindInfo {
  const k = kinds.find((x) => x.plural === resource) ?? kinds.find((x) => x.kind === resource)
  if (!k) {
    throw new StatusError({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' })
  }
  return k
}

export function nsFor(info: KindInfo, namespace: string | undefined): string | undefined {
  return info.namespaced ? namespace || DEFAULT_NAMESPACE : undefined
}

/** RequestEntityTooLarge when the JSON of a request body exceeds 3 MiB. */
export function guardSize(body: unknown): void {
  const len = JSON.stringify(body ?? null).length
  if (len > MAX_REQUEST_BYTES) throw tooLarge(`Request entity too large: limit is ${MAX_REQUEST_BYTES}`)
}

/** One predicate for namespace + label + field selectors; selector errors are 400 BadRequest. */
export function filterFor(info: KindInfo, opts: ListOptions | undefined): (o: KubeObject) => boolean {
  try {
    const labels = opts?.labelSelector ? parseSelector(opts.labelSelector) : []
    const fields = opts?.fieldSelector ? parseFieldSelector(opts.fieldSelector) : []
    validateFieldSelector(info.plural, fields, info.namespaced)
    const ns = info.namespaced ? opts?.namespace : undefined
    return (o) =>
      (ns === undefined || ns === '' || o.metadata.namespace === ns) &&
      matchSelector(labels, o.metadata.labels) &&
      matchFields(info.plural, fields, o, info.namespaced)
  } catch (e) {
    if (e instanceof SelectorParseError || e instanceof FieldSelectorError) throw badRequest(e.message)
    throw e
  }
}
