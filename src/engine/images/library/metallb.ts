// MetalLB (metallb/metallb): the controller assigns status.loadBalancer.ingress to Services of type
// LoadBalancer from its address pools; the speaker (a hostNetwork DaemonSet) answers ARP for those
// addresses on one node (host.cluster.node.announce). Both reach the API with the pod's access
// (host.cluster.api) and log JSON lines as go-kit prints them (keys sorted):
//   {"caller":"service.go:98","event":"ipAllocated","ip":"172.17.255.1","msg":"IP address assigned by controller","service":"default/web-svc-lb","ts":"…"}
// v0.9–v0.12 read the legacy ConfigMap `config` in their namespace (`--config=config`); v0.13+ read
// IPAddressPool objects and log with a "level" key and the IPs as a list (Assigned IP ["…"]).
// The version comes from the pod's image tag (quay.io/metallb/controller:v0.9.6 → 0.9.6).
import type { ImageSpec } from '../types'
import { DISTROLESS_12 } from './osrelease'
import { CONTROLLER_MEMORY, MONITORING_PORT, SPEAKER_MEMORY } from './metallbcommon'
import { metallbControllerProgram } from './metallbcontroller'
import { metallbSpeakerProgram } from './metallbspeaker'

export { MetalLBController, metallbControllerProgram } from './metallbcontroller'
export { MetalLBSpeaker, metallbSpeakerProgram } from './metallbspeaker'
export { flavourOf, jsonLine, type Flavour, type Logger } from './metallbcommon'

/** Releases the registry has (v0.9.x as minikube and the course use; v0.13/v0.14 with IPAddressPool). */
const TAGS = ['v0.14.8', 'v0.14.5', 'v0.14.3', 'v0.13.12', 'v0.13.10', 'v0.13.9', 'v0.12.1', 'v0.10.3', 'v0.9.6', 'v0.9.5', 'v0.9.3', 'v0.8.3', 'v0.8.2']

function image(repository: string, aliases: string[], component: 'controller' | 'speaker'): ImageSpec {
  const program = component === 'controller' ? metallbControllerProgram : metallbSpeakerProgram
  return {
    repository,
    aliases,
    family: 'MetalLB',
    tags: TAGS,
    sizeBytes: component === 'controller' ? 62_300_000 : 72_800_000,
    description: component === 'controller'
      ? 'MetalLB controller: assigns LoadBalancer Services their EXTERNAL-IP from the address pools (ConfigMap `config` up to v0.12, IPAddressPool from v0.13).'
      : 'MetalLB speaker (hostNetwork DaemonSet): announces assigned LoadBalancer IPs from one node (layer2 ARP).',
    entrypoint: [`/${component}`],
    cmd: [],
    exposedPorts: [MONITORING_PORT],
    files: { '/etc/os-release': DISTROLESS_12 },
    shell: 'none',
    programs: { [`/${component}`]: program },
    memoryBytes: component === 'controller' ? CONTROLLER_MEMORY : SPEAKER_MEMORY,
    stopMs: 100,
  }
}

/** quay.io/metallb/* is where MetalLB publishes; metallb/* on Docker Hub holds the older releases. */
export const metallbController = image('quay.io/metallb/controller', ['docker.io/metallb/controller'], 'controller')
export const metallbSpeaker = image('quay.io/metallb/speaker', ['docker.io/metallb/speaker'], 'speaker')
export const METALLB_IMAGES: ImageSpec[] = [metallbController, metallbSpeaker]
