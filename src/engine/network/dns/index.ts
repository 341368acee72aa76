// Cluster DNS: the kubernetes plugin's records, the Corefile chain, CoreDNS's listener and the
// stub resolver pods use. See CONTEXT.md beside this file.
export { createDnsCache, clusterIPs, type ClusterDnsView, type DnsCache, type EndpointAddress } from './cache'
export { kubernetesPlugin, soaRecord, endpointHostname, DEFAULT_KUBERNETES_CONFIG, type KubernetesPluginConfig, type PodsMode } from './kubernetes'
export { minikubeCorefile, parseCorefile, serveQuery, type CorefileConfig } from './corefile'
export { dnsListener, flags, responseSize } from './server'
export { installClusterDns, resolveInPod, clusterSearch, addressesOf, CLUSTER_NDOTS, type ClusterDnsOptions } from './resolver'
export * from './constants'
