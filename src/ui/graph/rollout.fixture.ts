// Test data for the graph: the Kubernetes documentation's nginx rollout (3 replicas, default
// RollingUpdate: maxSurge 25% → 1, maxUnavailable 25% → 0), as the cluster mirror holds it after
// each ReplicaSet event: new→1, old→2, new→2, old→1, new→3, old→0. Step 0 is before the update.
// Used by toElements and placement tests only.
import type { KubeObject } from '../../api/types'

export const NODE_UID = 'n1'
export const DEPLOYMENT_UID = 'd1'
export const OLD_RS = { uid: 'rs-old', name: 'web-6d4c9f8b7', revision: '1', image: 'nginx:1.25' }
export const NEW_RS = { uid: 'rs-new', name: 'web-7f5d8c9b4', revision: '2', image: 'nginx:1.26' }
/** Old pods in the order the rollout removes them; new pods in the order it creates them. */
export const OLD_PODS = ['web-6d4c9f8b7-r2t9w', 'web-6d4c9f8b7-b7mqz', 'web-6d4c9f8b7-x5k2p']
export const NEW_PODS = ['web-7f5d8c9b4-h4jkl', 'web-7f5d8c9b4-n8vcd', 'web-7f5d8c9b4-q2wxs']

/** Per step: [old RS replicas, new RS replicas (undefined: not created yet), new pods ready]. */
const STEPS: [number, number | undefined, number][] = [
  [3, undefined, 0], // 0: before `kubectl set image`
  [3, 1, 0], // 1: Scaled up replica set web-7f5d8c9b4 from 0 to 1
  [2, 1, 1], // 2: Scaled down replica set web-6d4c9f8b7 from 3 to 2 (once the new pod was ready)
  [2, 2, 1], // 3: Scaled up replica set web-7f5d8c9b4 from 1 to 2 — old 2 pods, new 2 pods
  [1, 2, 2], // 4: Scaled down replica set web-6d4c9f8b7 from 2 to 1
  [1, 3, 2], // 5: Scaled up replica set web-7f5d8c9b4 from 2 to 3
  [0, 3, 3], // 6: Scaled down replica set web-6d4c9f8b7 from 1 to 0 — old RS kept at 0/0
]
export const LAST_STEP = STEPS.length - 1

export const node: KubeObject = {
  apiVersion: 'v1', kind: 'Node', metadata: { name: 'minikube', uid: NODE_UID, resourceVersion: '1' },
  status: { conditions: [{ type: 'Ready', status: 'True' }] },
}

export function deployment(replicas: number | undefined, ready: number): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: DEPLOYMENT_UID, annotations: { 'deployment.kubernetes.io/revision': '2' } },
    spec: { replicas, selector: { matchLabels: { app: 'web' } } },
    status: { replicas, readyReplicas: ready || undefined }, // the API omits a zero readyReplicas
  }
}

export function replicaSet(rs: typeof OLD_RS, replicas: number, ready: number): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: rs.name, namespace: 'default', uid: rs.uid,
      annotations: { 'deployment.kubernetes.io/revision': rs.revision },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: DEPLOYMENT_UID, controller: true }],
    },
    spec: { replicas },
    status: { replicas, readyReplicas: ready || undefined },
  }
}

export function rsPod(rs: typeof OLD_RS, name: string, ready: boolean, scheduled = true): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, namespace: 'default', uid: `p-${name}`, labels: { app: 'web' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.name, uid: rs.uid, controller: true }],
    },
    spec: { nodeName: scheduled ? 'minikube' : undefined, containers: [{ name: 'nginx', image: rs.image }] },
    status: {
      phase: ready ? 'Running' : 'Pending',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [{
        name: 'nginx', image: rs.image, imageID: '', restartCount: 0, ready,
        state: ready ? { running: {} } : { waiting: { reason: 'ContainerCreating' } },
      }],
    },
  }
}

/** The mirror's objects at `step` (0..LAST_STEP), in a shuffled order as a watch delivers them. */
export function rolloutState(step: number): KubeObject[] {
  const [oldReplicas, newReplicas, newReady] = STEPS[step]
  const objs: KubeObject[] = []
  OLD_PODS.slice(3 - oldReplicas).forEach((n) => objs.push(rsPod(OLD_RS, n, true)))
  if (newReplicas !== undefined) {
    NEW_PODS.slice(0, newReplicas).forEach((n, i) => objs.push(rsPod(NEW_RS, n, i < newReady)))
    objs.push(replicaSet(NEW_RS, newReplicas, newReady))
  }
  objs.push(replicaSet(OLD_RS, oldReplicas, oldReplicas), deployment(3, oldReplicas + newReady), node)
  return objs
}
