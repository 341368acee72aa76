// The node's own filesystem, for hostPath volumes: one per node, created by the kubelet and shared
// by every pod on it (what one pod writes under /data another reads). It starts with the
// directories a minikube node (Ubuntu 22.04 in the docker driver) has, so `hostPath: {path:
// /var/log, type: Directory}` mounts as it would there.
import { MemoryFileSystem } from '../../../shell'

/** Directories present on a fresh minikube node. */
export const NODE_DIRS = [
  '/data', '/dev', '/etc', '/home/docker', '/mnt', '/opt', '/proc', '/root', '/run', '/srv', '/sys', '/tmp',
  '/usr/bin', '/usr/lib', '/usr/local', '/var/lib/kubelet/pods', '/var/lib/docker', '/var/lib/minikube', '/var/log/containers', '/var/log/pods', '/var/run',
]

export function createNodeFileSystem(nodeName: string): MemoryFileSystem {
  const fs = new MemoryFileSystem([
    { path: '/etc/hostname', content: `${nodeName}\n` },
    // Docker's embedded DNS, which the kicbase entrypoint points at the network's gateway: the
    // node resolves the outside world there, never cluster names (those need @10.96.0.10).
    { path: '/etc/resolv.conf', content: 'nameserver 192.168.49.1\noptions edns0 trust-ad ndots:0\n' },
    { path: '/etc/os-release', content: 'PRETTY_NAME="Ubuntu 22.04.4 LTS"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nVERSION="22.04.4 LTS (Jammy Jellyfish)"\nVERSION_CODENAME=jammy\nID=ubuntu\nID_LIKE=debian\n' },
  ])
  for (const d of NODE_DIRS) fs.mkdir(d, { recursive: true })
  return fs
}
