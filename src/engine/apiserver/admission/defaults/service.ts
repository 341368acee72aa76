// Service defaulting (pkg/apis/core/v1/defaults.go SetDefaults_Service, v1.30) and the registry
// strategy's update preparation (pkg/registry/core/service/strategy.go dropTypeDependentFields).
//   {ports:[{port:80}]} → type ClusterIP, sessionAffinity None, internalTrafficPolicy Cluster,
//   ports[0] protocol TCP + targetPort 80; NodePort/LoadBalancer add externalTrafficPolicy Cluster;
//   LoadBalancer adds allocateLoadBalancerNodePorts true. ipFamilies/ipFamilyPolicy/clusterIPs come
//   from allocation (allocators/service.ts), which runs right after this.
import type { KubeObject } from '../../../../api/types'
import type { AdmissionContext, Loose } from '../types'
import { nodePortsOf, type ServiceAllocators, type Transaction } from '../../allocators'

/** v1.DefaultClientIPServiceAffinitySeconds: 3 hours. */
export const DEFAULT_CLIENT_IP_TIMEOUT_SECONDS = 10800
/** The beta annotation that, when present, stops externalTrafficPolicy defaulting. */
const BETA_EXTERNAL_TRAFFIC = 'service.beta.kubernetes.io/external-traffic'

/** service.ExternallyAccessible: NodePort, LoadBalancer, or a ClusterIP Service with externalIPs. */
export function externallyAccessible(spec: Loose): boolean {
  return spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0)
}

export function defaultService(obj: KubeObject, ctx: AdmissionContext): void {
  const svc = obj as Loose
  const spec = (svc.spec ??= {})
  spec.sessionAffinity ||= 'None'
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_TIMEOUT_SECONDS } }
  }
  spec.type ||= 'ClusterIP'
  for (const p of spec.ports ?? []) {
    if (!p || typeof p !== 'object') continue
    p.protocol ||= 'TCP'
    // targetPort 0 or "" (or absent) means "the same as port".
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port
  }
  if (!(svc.metadata?.annotations && BETA_EXTERNAL_TRAFFIC in svc.metadata.annotations)) {
    if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster'
    if ((spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) spec.internalTrafficPolicy = 'Cluster'
    if (spec.type === 'LoadBalancer' && (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null)) spec.allocateLoadBalancerNodePorts = true
  }
  // PrepareForCreate resets status: a new Service shows `status: {loadBalancer: {}}`.
  if (ctx.op === 'create') svc.status = { loadBalancer: {} }
}

const needsClusterIP = (spec: Loose) => spec.type !== 'ExternalName'
const needsNodePort = (spec: Loose) => spec.type === 'NodePort' || spec.type === 'LoadBalancer'
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * dropTypeDependentFields: on a type change, clear what the old type had (and was probably set
 * automatically) unless the user changed it too — NodePort → ClusterIP drops the nodePorts,
 * ClusterIP → ExternalName drops clusterIP(s), ipFamilies and ipFamilyPolicy.
 */
export function dropTypeDependentFields(obj: KubeObject, old: KubeObject): void {
  const spec = (obj as Loose).spec ?? {}
  const o = (old as Loose).spec ?? {}
  if (needsClusterIP(o) && !needsClusterIP(spec)) {
    if (same(o.clusterIPs, spec.clusterIPs) && o.clusterIP === spec.clusterIP) { delete spec.clusterIP; delete spec.clusterIPs }
    if (same(o.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies
    if (same(o.ipFamilyPolicy, spec.ipFamilyPolicy)) delete spec.ipFamilyPolicy
  }
  if (needsNodePort(o) && !needsNodePort(spec)) {
    if (same(nodePortsOf(old), nodePortsOf(obj))) for (const p of spec.ports ?? []) delete p.nodePort
  }
  if (spec.type !== 'LoadBalancer' && same(o.allocateLoadBalancerNodePorts, spec.allocateLoadBalancerNodePorts)) delete spec.allocateLoadBalancerNodePorts
  if (spec.type !== 'LoadBalancer' && same(o.loadBalancerClass, spec.loadBalancerClass)) delete spec.loadBalancerClass
  if (!externallyAccessible(spec) && o.externalTrafficPolicy === spec.externalTrafficPolicy) delete spec.externalTrafficPolicy
}

/** beginCreate / beginUpdate: the strategy's update preparation, then the allocators (allocators/service.ts). */
export function allocateService(obj: KubeObject, ctx: AdmissionContext): Transaction | undefined {
  if (ctx.op === 'update' && ctx.old) dropTypeDependentFields(obj, ctx.old)
  if (!ctx.allocators) return undefined
  const dryRun = !!ctx.dryRun
  return ctx.op === 'update' && ctx.old ? ctx.allocators.allocateUpdate(obj, ctx.old, dryRun) : ctx.allocators.allocateCreate(obj, dryRun)
}

/** afterDelete: the ClusterIP and NodePorts go back to the pools. */
export function releaseService(obj: KubeObject, allocators: ServiceAllocators): void {
  allocators.release(obj)
}

/**
 * The status half of SetDefaults_Service (LoadBalancerIPMode, beta and on in v1.30): every
 * load-balancer ingress with an IP gets `ipMode: VIP`, as `kubectl get svc -o yaml` shows after
 * MetalLB assigns 172.17.255.1.
 */
export function defaultServiceStatus(obj: KubeObject): void {
  const svc = obj as Loose
  if (svc.spec?.type !== 'LoadBalancer') return
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) if (ing && ing.ip && !ing.ipMode) ing.ipMode = 'VIP'
}
