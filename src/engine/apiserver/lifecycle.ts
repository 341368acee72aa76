// The NamespaceLifecycle admission plugin: content may only be created in a namespace that exists
// and is not terminating, and the system namespaces may not be deleted.
import type { KubeObject } from '../../api/types'
import { forbiddenFor, notFound } from '../../api/errors'

/** Namespaces the API server refuses to delete (upstream's immortal namespaces). */
export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public']

/** `ns` is the stored namespace (or undefined); `qualified` the resource being created (`pods`). */
export function checkNamespaceOpen(ns: KubeObject | undefined, qualified: string, namespace: string, name: string): void {
  if (!ns) throw notFound('namespaces', namespace)
  if ((ns.status as { phase?: string } | undefined)?.phase === 'Terminating' || ns.metadata.deletionTimestamp) {
    throw forbiddenFor(qualified, name, `unable to create new content in namespace ${namespace} because it is being terminated`)
  }
}
