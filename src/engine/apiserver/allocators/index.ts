// Service allocators: ClusterIPs from 10.96.0.0/12 and NodePorts from 30000-32767, owned by the
// API server (one per server), used by Service admission (admission/index.ts `allocate`).
export { ServiceAllocators, nodePortsOf, normalizeClusterIPs, patchAllocatedValues, type Transaction } from './service'
export { ServiceIPAllocator, SERVICE_CIDR, AllocationError, parseIPv4, formatIPv4 } from './ipallocator'
export { NodePortAllocator, NODE_PORT_BASE, NODE_PORT_SIZE } from './portallocator'
export { validateClusterIPsRelatedFields, goStrings, isIP, INVALID_IP } from './servicefields'
