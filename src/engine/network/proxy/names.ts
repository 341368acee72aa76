// Names and numbers kube-proxy v1.30 writes, ported from pkg/proxy/iptables/proxier.go and
// pkg/proxy/types.go: ServicePortName.String(), the hashed per-service chains (KUBE-SVC-, KUBE-SVL-,
// KUBE-EXT-, KUBE-FW-, KUBE-SEP-), the probability ladder and the masquerade mark.
import { base32, sha256 } from './sha256'

/**
 * ServicePortName.String(): `namespace/name` plus `:portName` when the port is named.
 * Worked example: the kubernetes service's port `https` → `default/kubernetes:https`; the notes'
 * unnamed port of web-svc-cip → `default/web-svc-cip`.
 */
export function servicePortNameString(namespace: string, name: string, portName: string): string {
  return `${namespace}/${name}${portName ? `:${portName}` : ''}`
}

/**
 * Hashes already computed (upstream stores them on its servicePortInfo/endpointInfo): a sync of a
 * service with 1000 endpoints would otherwise hash 2000 strings every second. Bounded: cleared
 * when it holds more than HASH_CACHE_MAX names.
 */
const hashCache = new Map<string, string>()
const HASH_CACHE_MAX = 50_000

function hash16(input: string): string {
  let h = hashCache.get(input)
  if (h === undefined) {
    if (hashCache.size >= HASH_CACHE_MAX) hashCache.clear()
    h = base32(sha256(input)).slice(0, 16)
    hashCache.set(input, h)
  }
  return h
}

/** portProtoHash: the first 16 characters of base32(sha256(servicePortName + protocol)). */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return hash16(servicePortName + protocol)
}

/** KUBE-SVC-XXXX: dispatch to endpoints under `Cluster` traffic policy (`default/kubernetes:https` tcp → KUBE-SVC-NPX46M4PTMTKRN6Y). */
export const servicePortPolicyClusterChain = (spn: string, protocol: string) => `KUBE-SVC-${portProtoHash(spn, protocol)}`
/** KUBE-SVL-XXXX: dispatch to this node's endpoints under `Local` traffic policy. */
export const servicePortPolicyLocalChainName = (spn: string, protocol: string) => `KUBE-SVL-${portProtoHash(spn, protocol)}`
/** KUBE-FW-XXXX: loadBalancerSourceRanges filtering. */
export const serviceFirewallChainName = (spn: string, protocol: string) => `KUBE-FW-${portProtoHash(spn, protocol)}`
/** KUBE-EXT-XXXX: NodePort / LoadBalancer / external IP traffic (masquerade, then the policy chain). */
export const serviceExternalChainName = (spn: string, protocol: string) => `KUBE-EXT-${portProtoHash(spn, protocol)}`

/** KUBE-SEP-XXXX: one endpoint; `endpoint` is `ip:port` (net.JoinHostPort). */
export function servicePortEndpointChainName(spn: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(spn + protocol + endpoint)}`
}

const SERVICE_CHAIN_PREFIXES = ['KUBE-SVC-', 'KUBE-SVL-', 'KUBE-SEP-', 'KUBE-FW-', 'KUBE-EXT-']

/** isServiceChainName: the chains a sync may delete when no service uses them any more. */
export function isServiceChainName(chain: string): boolean {
  return SERVICE_CHAIN_PREFIXES.some((p) => chain.startsWith(p))
}

/**
 * computeProbability: `fmt.Sprintf("%0.10f", 1.0/float64(n))`. For 3 endpoints the ladder is
 * 1/3 → "0.3333333333", 1/2 → "0.5000000000", then an unconditional jump.
 */
export function computeProbability(n: number): string {
  return (1 / n).toFixed(10)
}

/**
 * How iptables-save prints a `--probability` it was given (libxt_statistic): the kernel keeps
 * lround(p × 2^31) and prints it back with %.11f. "0.3333333333" → 715827883 / 2^31 →
 * "0.33333333349" (the notes' number); "0.5000000000" → "0.50000000000". For the kernel's save.
 */
export function savedProbability(p: string): string {
  const stored = Math.round(0x80000000 * Number(p))
  return (stored / 0x80000000).toFixed(11)
}

/** masqueradeBit 14 (the default): `fmt.Sprintf("%#08x", 1<<14)` = "0x004000"; iptables-save prints 0x4000. */
export function masqueradeMark(bit = 14): string {
  return `0x${(1 << bit).toString(16).padStart(6, '0')}`
}
