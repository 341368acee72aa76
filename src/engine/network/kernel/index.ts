// The node kernel: see types.ts for the contract, kernel.ts for the composition.
export { createNodeKernel, type NodeKernelOptions } from './kernel'
export { createKernelTools } from './tools'
export type * from './types'
