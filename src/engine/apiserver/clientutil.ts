// Small client-side helpers for actors that talk to the API server (controllers, tests).
import type { KubeObject } from '../../api/types'
import { isStatusError } from '../../api/errors'
import type { ApiServer } from './server'

export interface ObjRef { resource: string; namespace?: string; name: string }

/** get, or undefined when it is gone. */
export function tryGet(api: ApiServer, r: ObjRef): KubeObject | undefined {
  try {
    return api.get(r.resource, r.namespace, r.name)
  } catch (e) {
    if (isStatusError(e) && e.status.reason === 'NotFound') return undefined
    throw e
  }
}

/** Ignore NotFound/Conflict on a write: the next sync sees the new state anyway (level-triggered). */
export function ignoreGoneOrConflict(fn: () => void): void {
  try {
    fn()
  } catch (e) {
    if (isStatusError(e) && (e.status.reason === 'NotFound' || e.status.reason === 'Conflict')) return
    throw e
  }
}
