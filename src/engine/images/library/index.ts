// The image library: every image Kubelab's registry knows, one file per image or small family.
// Order matters where one repository has several entries (nginx, nginx legacy, nginx alpine): a
// reference resolves to the first entry whose tags match.
import type { ImageSpec } from '../types'
import { BOUTIQUE } from './boutique'
import { busybox, busyboxplus, k8sBusybox } from './busybox'
import { alpine, centos, debian, debianBullseye, ubuntu, ubuntuJammy } from './distros'
import { agnhostImage, echoserver, pause } from './echo'
import { helloApp1, helloApp2, httpEchoImage, whoami } from './hello'
import { httpd } from './httpd'
import { minio, minio2019 } from './minio'
import { mongo } from './mongo'
import { mysql } from './mysql'
import { nginx, nginxAlpine, nginxLegacy } from './nginx'
import { nodeExporter } from './nodeexporter'
import { postgres } from './postgres'
import { redis, redisAlpine } from './redis'
import { golang, nodeImage, pythonImage } from './runtimes'
import { curlImage, hazelcast, helloWorld, memcached, rabbitmq } from './services'
import { simpleservice } from './simpleservice'
import { simpleWeb } from './simpleweb'
import { polinuxStress, vishStress } from './stress'
import { SYSTEM_IMAGES } from './system'
import { coredns } from './coredns'
import { kubeProxyImage } from './kubeproxy'
import { jessieDnsutils } from './dnsutils'
import { METALLB_IMAGES } from './metallb'
import { ingressNginxController, kubeWebhookCertgen } from './ingressnginx'

const ENTRIES: ImageSpec[] = [
  // Web servers
  nginx, nginxLegacy, nginxAlpine, httpd,
  // Base distributions
  busybox, k8sBusybox, busyboxplus, alpine, ubuntuJammy, ubuntu, debianBullseye, debian, centos,
  // Databases, caches, queues
  redis, redisAlpine, postgres, mysql, mongo, memcached, rabbitmq, hazelcast, minio, minio2019,
  // Monitoring
  nodeExporter,
  // Course and tutorial applications
  simpleservice, simpleWeb, ...BOUTIQUE,
  // Demo servers and test images
  helloApp1, helloApp2, whoami, httpEchoImage, echoserver, agnhostImage, polinuxStress, vishStress,
  // Language runtimes and tools
  nodeImage, pythonImage, golang, helloWorld, curlImage,
  // Kubernetes system images
  pause, ...SYSTEM_IMAGES, kubeProxyImage, coredns, jessieDnsutils, ...METALLB_IMAGES,
  // minikube addons
  ingressNginxController, kubeWebhookCertgen,
]

/**
 * Every program is reachable by its basename as well as its path (`/docker-entrypoint.sh` and
 * `docker-entrypoint.sh`): the runtime looks executables up by name, as $PATH does.
 */
function withBasenames(spec: ImageSpec): ImageSpec {
  if (!spec.programs) return spec
  const programs = { ...spec.programs }
  for (const [path, program] of Object.entries(spec.programs)) {
    const base = path.slice(path.lastIndexOf('/') + 1)
    if (!(base in programs)) programs[base] = program
  }
  return { ...spec, programs }
}

export const IMAGE_LIBRARY: readonly ImageSpec[] = ENTRIES.map(withBasenames)
