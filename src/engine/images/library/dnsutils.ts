// registry.k8s.io/e2e-test-images/jessie-dnsutils: the image the Kubernetes docs' "Debugging DNS
// Resolution" page runs (`kubectl apply -f https://k8s.io/examples/admin/dns/dnsutils.yaml`, then
// `kubectl exec -i -t dnsutils -- nslookup kubernetes.default`). Debian 8 with bind9's dnsutils:
// dig and nslookup print BIND's way (`Address:\t10.96.0.10#53`), and nslookup honours the search list.
import type { ImageSpec } from '../types'
import { DEBIAN_8, DEFAULT_PATH, MiB } from './osrelease'

export const jessieDnsutils: ImageSpec = {
  repository: 'registry.k8s.io/e2e-test-images/jessie-dnsutils',
  aliases: ['k8s.gcr.io/e2e-test-images/jessie-dnsutils', 'gcr.io/kubernetes-e2e-test-images/dnsutils'],
  family: 'Kubernetes test images',
  tags: ['1.3', '1.4', '1.5', '1.7'],
  sizeBytes: 112_000_000,
  description: 'Debian 8 with dnsutils (dig, nslookup): the Kubernetes docs\' DNS debugging pod (run it with `sleep infinity`).',
  entrypoint: [],
  cmd: ['bash'],
  env: { PATH: DEFAULT_PATH },
  files: { '/etc/os-release': DEBIAN_8, '/etc/debian_version': '8.11\n' },
  shell: 'bash',
  tools: ['dig', 'nslookup', 'df', 'mount', 'id', 'hostname'],
  memoryBytes: 1 * MiB,
  oneShot: true,
  stopMs: 0,
}
