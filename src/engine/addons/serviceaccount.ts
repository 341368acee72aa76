// The ServiceAccount an add-on's pods run as (`serviceAccountName` in their templates), as the
// add-on's own manifest declares it.
import type { KubeObject } from '../../api/types'

export function serviceAccount(name: string, namespace: string, labels?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace, ...(labels ? { labels } : {}) } }
}
