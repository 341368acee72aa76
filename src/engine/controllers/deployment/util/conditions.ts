// Deployment conditions (deployment_util.go): the types, upstream's reasons and messages, and the
// helpers that set them the way upstream does.
import type { DeploymentCondition, DeploymentStatus } from './types'

export const DEPLOYMENT_AVAILABLE = 'Available'
export const DEPLOYMENT_PROGRESSING = 'Progressing'
export const DEPLOYMENT_REPLICA_FAILURE = 'ReplicaFailure'

/** Progressing: a new ReplicaSet was created for the current template. */
export const NewReplicaSetReason = 'NewReplicaSetCreated'
/** Progressing False: creating the new ReplicaSet failed. */
export const FailedRSCreateReason = 'ReplicaSetCreateError'
/** Progressing: the new ReplicaSet already existed (first look with a progress deadline). */
export const FoundNewRSReason = 'FoundNewReplicaSet'
/** Progressing True: the rollout finished; every replica is new and available. */
export const NewRSAvailableReason = 'NewReplicaSetAvailable'
/** Progressing False: no progress within progressDeadlineSeconds. */
export const TimedOutReason = 'ProgressDeadlineExceeded'
/** Progressing Unknown: spec.paused became true. */
export const PausedDeployReason = 'DeploymentPaused'
/** Progressing Unknown: spec.paused became false. */
export const ResumedDeployReason = 'DeploymentResumed'
/** Progressing True: some ReplicaSet moved (new pods up, old pods down, more ready). */
export const ReplicaSetUpdatedReason = 'ReplicaSetUpdated'
/** Available True: at least replicas - maxUnavailable pods are available. */
export const MinimumReplicasAvailable = 'MinimumReplicasAvailable'
/** Available False. */
export const MinimumReplicasUnavailable = 'MinimumReplicasUnavailable'

export const MIN_AVAILABILITY_MESSAGE = 'Deployment has minimum availability.'
export const NO_MIN_AVAILABILITY_MESSAGE = 'Deployment does not have minimum availability.'
export const PAUSED_MESSAGE = 'Deployment is paused'
export const RESUMED_MESSAGE = 'Deployment is resumed'
export const createdNewRSMessage = (rs: string) => `Created new replica set "${rs}"`
export const foundNewRSMessage = (rs: string) => `Found new replica set "${rs}"`
export const progressedMessage = (rs: string) => `ReplicaSet "${rs}" has successfully progressed.`
export const progressingMessage = (rs: string) => `ReplicaSet "${rs}" is progressing.`
export const timedOutMessage = (rs: string) => `ReplicaSet "${rs}" has timed out progressing.`
export const failedRSCreateMessage = (rs: string, err: string) => `Failed to create new replica set "${rs}": ${err}`

/** NewDeploymentCondition: lastUpdateTime and lastTransitionTime both `now`. */
export function newDeploymentCondition(type: string, status: string, reason: string, message: string, now: string): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message }
}

export function getDeploymentCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type)
}

/**
 * SetDeploymentCondition: same status and reason → nothing changes (not even the message);
 * same status → keep lastTransitionTime; the condition moves to the end of the list.
 */
export function setDeploymentCondition(status: DeploymentStatus, cond: DeploymentCondition): void {
  const current = getDeploymentCondition(status, cond.type)
  if (current && current.status === cond.status && current.reason === cond.reason) return
  const c = { ...cond }
  if (current && current.status === cond.status) c.lastTransitionTime = current.lastTransitionTime
  status.conditions = [...(status.conditions ?? []).filter((x) => x.type !== cond.type), c]
}

export function removeDeploymentCondition(status: DeploymentStatus, type: string): void {
  const left = (status.conditions ?? []).filter((c) => c.type !== type)
  if (left.length) status.conditions = left
  else delete status.conditions
}
