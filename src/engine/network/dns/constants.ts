// The cluster DNS facts every part of the DNS layer agrees on (kubeadm/minikube defaults).

/** --cluster-domain: the kubernetes plugin's forward zone. */
export const CLUSTER_DOMAIN = 'cluster.local'
/** The kube-dns Service's ClusterIP: the 10th address of 10.96.0.0/12, written into every pod's resolv.conf. */
export const CLUSTER_DNS_IP = '10.96.0.10'
export const DNS_PORT = 53
/** The Corefile's `ttl 30`: every kubernetes-plugin record, and the SOA's TTL and minimum (MinTTL). */
export const RECORD_TTL = 30
/** The hosts plugin's default TTL (3600 s) for its entries (host.minikube.internal). */
export const HOSTS_TTL = 3600
/** plugin.SOA: refresh 2 h, retry 30 min, expire 1 day. */
export const SOA_REFRESH = 7200
export const SOA_RETRY = 1800
export const SOA_EXPIRE = 86400
/** The docker network's gateway: the node's /etc/resolv.conf nameserver and minikube's host.minikube.internal. */
export const NODE_NAMESERVER = '192.168.49.1'
