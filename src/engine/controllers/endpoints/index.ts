export { startEndpointsController, EndpointsController, ENDPOINT_CONTROLLER, computeSubsets } from './endpoints'
export { repackSubsets } from './repack'
