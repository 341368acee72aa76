// Base distributions: alpine, ubuntu, debian, centos. Their default command is a shell, which with
// no TTY exits 0 at once (`kubectl run -it … -- bash` gives a prompt; a bare Deployment crash-loops).
// Tools are what the minimal images really contain: no curl in ubuntu/debian, ping and curl in
// centos:7, busybox applets in alpine.
import type { ImageSpec } from '../types'
import { ALPINE_3_20, CENTOS_7, DEBIAN_11, DEBIAN_12, DEFAULT_PATH, UBUNTU_22_04, UBUNTU_24_04 } from './osrelease'

const shellImage = { entrypoint: [] as string[], env: { PATH: DEFAULT_PATH }, oneShot: true, stopMs: 0 }

export const alpine: ImageSpec = {
  ...shellImage,
  repository: 'docker.io/library/alpine',
  family: 'alpine',
  tags: ['latest', '3', 'edge', '3.21', '3.21.0', '3.20', '3.20.3', '3.20.2', '3.20.1', '3.20.0', '3.19', '3.19.4', '3.19.1', '3.18', '3.18.9', '3.18.4', '3.17', '3.16', '3.15', '3.14', '3.13', '3.12', '3.11', '3.10', '3.9', '3.8', '3.7'],
  sizeBytes: 7_797_760,
  description: 'Alpine Linux: a 7.8 MB base with busybox sh and apk; `/bin/sh` exits 0 without a TTY.',
  cmd: ['/bin/sh'],
  files: { '/etc/os-release': ALPINE_3_20, '/etc/alpine-release': '3.20.3\n' },
  shell: 'sh',
  tools: ['wget', 'nc', 'nslookup', 'ping', 'ps', 'top', 'free', 'df', 'mount', 'id', 'hostname', 'ip', 'ifconfig', 'netstat', 'apk', 'vi'],
  memoryBytes: 256 * 1024,
}

export const ubuntu: ImageSpec = {
  ...shellImage,
  repository: 'docker.io/library/ubuntu',
  family: 'ubuntu',
  tags: ['latest', 'noble', '24.04', 'rolling', 'oracular', '24.10', 'jammy', '22.04', 'focal', '20.04', 'bionic', '18.04', 'xenial', '16.04', 'trusty', '14.04', 'devel'],
  sizeBytes: 78_117_854,
  tagSizes: [{ tag: /^(jammy|22\.04)$/, sizeBytes: 77_863_000 }, { tag: /^(focal|20\.04)$/, sizeBytes: 72_800_000 }, { tag: /^(bionic|18\.04)$/, sizeBytes: 63_100_000 }, { tag: /^(xenial|16\.04)$/, sizeBytes: 135_000_000 }],
  description: 'Ubuntu (24.04 LTS by default): bash and apt, no curl, wget, ping or nslookup until installed.',
  cmd: ['/bin/bash'],
  files: { '/etc/os-release': UBUNTU_24_04, '/etc/lsb-release': 'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=24.04\nDISTRIB_CODENAME=noble\nDISTRIB_DESCRIPTION="Ubuntu 24.04.1 LTS"\n', '/etc/debian_version': 'trixie/sid\n' },
  shell: 'bash',
  tools: ['ps', 'top', 'free', 'df', 'mount', 'id', 'hostname', 'apt', 'apt-get'],
  memoryBytes: 512 * 1024,
}

/** ubuntu:22.04 and jammy, whose /etc/os-release differs. */
export const ubuntuJammy: ImageSpec = {
  ...ubuntu,
  tags: ['jammy', '22.04'],
  sizeBytes: 77_863_000,
  tagSizes: undefined,
  description: 'Ubuntu 22.04 LTS (jammy): bash and apt, no curl.',
  files: { '/etc/os-release': UBUNTU_22_04, '/etc/debian_version': 'bookworm/sid\n' },
}

export const debian: ImageSpec = {
  ...shellImage,
  repository: 'docker.io/library/debian',
  family: 'debian',
  tags: ['latest', 'stable', 'bookworm', '12', '12.8', '12.7', 'bookworm-slim', 'stable-slim', '12-slim', 'bullseye', '11', '11.11', 'bullseye-slim', '11-slim', 'buster', '10', 'buster-slim', 'stretch', '9', 'trixie', 'testing', 'sid', 'unstable'],
  sizeBytes: 116_600_000,
  tagSizes: [{ tag: /slim/, sizeBytes: 74_800_000 }, { tag: /^(bullseye|11(\.\d+)?)$/, sizeBytes: 124_000_000 }, { tag: /^(buster|10)$/, sizeBytes: 114_000_000 }, { tag: /^(stretch|9)$/, sizeBytes: 101_000_000 }],
  description: 'Debian 12 (bookworm): bash and apt; no curl, ping or ps in the minimal image.',
  cmd: ['bash'],
  files: { '/etc/os-release': DEBIAN_12, '/etc/debian_version': '12.8\n' },
  shell: 'bash',
  tools: ['df', 'mount', 'id', 'hostname', 'apt', 'apt-get'],
  memoryBytes: 512 * 1024,
}

/** debian:bullseye and debian:11: the previous release's os-release. */
export const debianBullseye: ImageSpec = {
  ...debian,
  tags: ['bullseye', '11', '11.11', 'bullseye-slim', '11-slim'],
  sizeBytes: 124_000_000,
  tagSizes: [{ tag: /slim/, sizeBytes: 80_600_000 }],
  description: 'Debian 11 (bullseye).',
  files: { '/etc/os-release': DEBIAN_11, '/etc/debian_version': '11.11\n' },
}

export const centos: ImageSpec = {
  ...shellImage,
  repository: 'docker.io/library/centos',
  family: 'centos',
  tags: ['7', 'centos7', '7.9.2009', 'centos7.9.2009', '7.8.2003', '7.7.1908', '7.6.1810', '7.5.1804', 'latest', '8', 'centos8', '8.4.2105', '8.3.2011', '6', 'centos6'],
  sizeBytes: 203_978_342,
  tagSizes: [{ tag: /^(latest|8|centos8|8\.\d\.\d+)$/, sizeBytes: 231_268_856 }, { tag: /^(6|centos6)$/, sizeBytes: 194_000_000 }],
  description: 'CentOS Linux 7 (end of life, still pulled by old tutorials): bash, yum, curl, ping and ps.',
  cmd: ['/bin/bash'],
  files: { '/etc/os-release': CENTOS_7, '/etc/centos-release': 'CentOS Linux release 7.9.2009 (Core)\n', '/etc/redhat-release': 'CentOS Linux release 7.9.2009 (Core)\n' },
  shell: 'bash',
  tools: ['curl', 'ping', 'ps', 'top', 'free', 'df', 'mount', 'id', 'hostname', 'yum', 'vi'],
  memoryBytes: 512 * 1024,
}
