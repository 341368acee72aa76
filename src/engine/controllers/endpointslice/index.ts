export { startEndpointSliceController, EndpointSliceController, ENDPOINTSLICE_CONTROLLER, LABEL_SERVICE_NAME, LABEL_MANAGED_BY, MANAGED_BY } from './controller'
export { MAX_ENDPOINTS_PER_SLICE } from './reconciler'
