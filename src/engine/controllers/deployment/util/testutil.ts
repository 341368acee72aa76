// Builders for the util tests, in the spirit of upstream's newDeployment / rs / generateRS helpers.
import type { Deployment, ReplicaSet } from './types'
import type { IntOrString } from './intstr'

export function newDeployment(replicas: number, maxSurge?: IntOrString, maxUnavailable?: IntOrString, type: 'RollingUpdate' | 'Recreate' = 'RollingUpdate'): Deployment {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'foo', namespace: 'default', generation: 1, annotations: {} },
    spec: {
      replicas,
      selector: { matchLabels: { foo: 'bar' } },
      strategy: type === 'Recreate' ? { type } : { type, rollingUpdate: { maxSurge: maxSurge ?? 0, maxUnavailable: maxUnavailable ?? 0 } },
      template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
    },
  }
}

export function newRS(name: string, replicas: number, opts: { available?: number; created?: string; annotations?: Record<string, string>; image?: string; uid?: string } = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: opts.uid ?? name, creationTimestamp: opts.created ?? '2026-01-01T00:00:00Z', annotations: opts.annotations ?? {} },
    spec: {
      replicas,
      selector: { matchLabels: { foo: 'bar' } },
      template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'nginx', image: opts.image ?? 'nginx:1.25' }] } },
    },
    status: { replicas, availableReplicas: opts.available ?? 0 },
  }
}
