// The namespaces every cluster starts with (minikube has these four on first boot).
import type { ApiServer } from './server'
import { isStatusError } from '../../api/errors'

export const BOOTSTRAP_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system']

export function bootstrapNamespaces(api: ApiServer): void {
  for (const name of BOOTSTRAP_NAMESPACES) {
    try {
      api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
    } catch (e) {
      if (!(isStatusError(e) && e.status.reason === 'AlreadyExists')) throw e
    }
  }
}
