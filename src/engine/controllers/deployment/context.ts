// What every step of a Deployment sync needs: the API, the clock and the event recorder.
import type { ApiClient } from '../../../api/client'
import type { KubeObject } from '../../../api/types'
import { isStatusError } from '../../../api/errors'
import type { VirtualClock } from '../../runtime/clock'
import type { EventRecorder } from '../../events/recorder'
import { selectorMatches } from '../podutil'
import type { Deployment, DeploymentStatus, ReplicaSet } from './util/types'

/** The component name on events and writes (upstream's controller name). */
export const CONTROLLER_NAME = 'deployment-controller'
/** The event reason for every replica-count change. */
export const SCALING_REPLICA_SET = 'ScalingReplicaSet'

export interface Ctx {
  api: ApiClient
  clock: VirtualClock
  recorder: EventRecorder
  /** Ask to look at this deployment again after `ms` (requeueStuckDeployment). */
  requeueAfter(d: Deployment, ms: number): void
}

export const asObj = (o: Deployment | ReplicaSet): KubeObject => o as unknown as KubeObject
export const nameOf = (o: { metadata?: { name?: string } }): string => o.metadata?.name ?? ''

export const isReason = (e: unknown, reason: string): boolean => isStatusError(e) && e.status.reason === reason

/** Write d.status through the status subresource; returns the stored Deployment. */
export function updateStatus(ctx: Ctx, d: Deployment, status: DeploymentStatus): Deployment {
  const stored = ctx.api.updateStatus('deployments', { ...asObj(d), status } as KubeObject, { fieldManager: CONTROLLER_NAME }) as unknown as Deployment
  d.status = stored.status
  d.metadata = stored.metadata
  return stored
}

/** The Deployment's selector selects these labels (a nil selector selects nothing). */
export function selects(d: Deployment, labels: Record<string, string> | undefined): boolean {
  return selectorMatches(d.spec?.selector as Parameters<typeof selectorMatches>[0], labels)
}
