// The Deployment controller's public face: cluster.ts starts it; kubectl-side code may want the
// annotation names and condition reasons (import them from api/-safe copies, not from here:
// kubectl/ may not import engine/).
export { startDeploymentController, syncDeployment, SELECTING_ALL_REASON, SELECTING_ALL_MESSAGE } from './controller'
export { CONTROLLER_NAME as DEPLOYMENT_CONTROLLER, SCALING_REPLICA_SET } from './context'
export * from './util/annotations'
export * from './util/conditions'
export { computeHash } from './util/hash'
