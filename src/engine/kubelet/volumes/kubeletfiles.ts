// The files the kubelet writes for every container and the runtime bind-mounts: /etc/hosts
// (pkg/kubelet/kubelet_pods.go managedHostsFileContent), /etc/hostname, /etc/resolv.conf (the
// DNS configurer's ClusterFirst answer, written in the CRI runtime's order: search, nameserver,
// options) and /dev/termination-log.
import type { Pod } from '../../../api/types'

/** The cluster's DNS service (kube-dns in kube-system): the 10th address of 10.96.0.0/12. */
export const CLUSTER_DNS_IP = '10.96.0.10'
/** --cluster-domain. */
export const CLUSTER_DOMAIN = 'cluster.local'
/** The kubelet's default --resolv-conf on minikube points at the docker network's gateway. */
export const NODE_NAMESERVER = '192.168.49.1'
/** ndots:5: a name with fewer than 5 dots is tried with each search domain first. */
export const NDOTS_OPTION = 'ndots:5'
/** managedHostsHeader. */
export const MANAGED_HOSTS_HEADER = '# Kubernetes-managed hosts file.\n'
/** managedHostsHeaderWithHostNetwork. */
export const MANAGED_HOSTS_HEADER_HOST_NETWORK = '# Kubernetes-managed hosts file (host network).\n'
/** Where a container's termination message goes unless terminationMessagePath says otherwise. */
export const TERMINATION_LOG_PATH = '/dev/termination-log'

/** `<subdomain>.<ns>.svc.cluster.local` when the pod has spec.subdomain (GeneratePodHostNameAndDomain). */
export function hostDomain(pod: Pod): string | undefined {
  const sub = pod.spec?.subdomain
  return sub ? `${sub}.${pod.metadata?.namespace ?? 'default'}.svc.${CLUSTER_DOMAIN}` : undefined
}

/**
 * managedHostsFileContent: for pod 10.244.0.7 named web,
 *   # Kubernetes-managed hosts file.
 *   127.0.0.1	localhost
 *   ::1	localhost ip6-localhost ip6-loopback
 *   fe00::0	ip6-localnet … fe00::2	ip6-allrouters
 *   10.244.0.7	web
 * then `# Entries added by HostAliases.` and one line per alias IP.
 */
export function hostsFile(pod: Pod, podIPs: string[], hostname: string): string {
  let b = pod.spec?.hostNetwork ? MANAGED_HOSTS_HEADER_HOST_NETWORK : MANAGED_HOSTS_HEADER
  b += '127.0.0.1\tlocalhost\n'
  b += '::1\tlocalhost ip6-localhost ip6-loopback\n'
  b += 'fe00::0\tip6-localnet\n'
  b += 'fe00::0\tip6-mcastprefix\n'
  b += 'fe00::1\tip6-allnodes\n'
  b += 'fe00::2\tip6-allrouters\n'
  const domain = hostDomain(pod)
  for (const ip of podIPs) b += domain ? `${ip}\t${hostname}.${domain}\t${hostname}\n` : `${ip}\t${hostname}\n`
  const aliases = pod.spec?.hostAliases ?? []
  if (aliases.length > 0) {
    b += '\n# Entries added by HostAliases.\n'
    for (const a of aliases) b += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`
  }
  return b
}

/**
 * /etc/resolv.conf by dnsPolicy: ClusterFirst (the default) searches the pod's namespace first —
 *   search default.svc.cluster.local svc.cluster.local cluster.local
 *   nameserver 10.96.0.10
 *   options ndots:5
 * Default (or hostNetwork without ClusterFirstWithHostNet) gets the node's; None only dnsConfig.
 */
export function resolvConf(pod: Pod): string {
  const ns = pod.metadata?.namespace ?? 'default'
  let policy = pod.spec?.dnsPolicy ?? 'ClusterFirst'
  if (policy === 'ClusterFirst' && pod.spec?.hostNetwork) policy = 'Default'
  let servers: string[] = []
  let searches: string[] = []
  let options: string[] = []
  if (policy === 'ClusterFirst' || policy === 'ClusterFirstWithHostNet') {
    servers = [CLUSTER_DNS_IP]
    searches = [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN]
    options = [NDOTS_OPTION]
  } else if (policy === 'Default') {
    servers = [NODE_NAMESERVER]
  }
  const cfg = pod.spec?.dnsConfig
  if (cfg) {
    servers = [...new Set([...servers, ...(cfg.nameservers ?? [])])]
    searches = [...new Set([...searches, ...(cfg.searches ?? [])])]
    for (const o of cfg.options ?? []) {
      const text = o.value !== undefined ? `${o.name}:${o.value}` : (o.name ?? '')
      const name = text.split(':')[0]
      options = [...options.filter((x) => x.split(':')[0] !== name), text]
    }
  }
  let out = ''
  if (searches.length > 0) out += `search ${searches.join(' ')}\n`
  if (servers.length > 0) out += `nameserver ${servers.join('\nnameserver ')}\n`
  if (options.length > 0) out += `options ${options.join(' ')}\n`
  return out
}

/** /etc/hostname: the pod's hostname and a newline. */
export function hostnameFile(hostname: string): string {
  return `${hostname}\n`
}
