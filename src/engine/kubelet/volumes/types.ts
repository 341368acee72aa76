// The container's view of files and environment, built by the kubelet's volume manager:
// the image's files, the kubelet's own (/etc/hosts, /etc/hostname, /etc/resolv.conf, the service
// account token), and the pod's volumes mounted where volumeMounts say.
import type { Container, KubeObject, Pod } from '../../../api/types'
import type { FileSystem } from '../../../shell'
import type { ImageSpec } from '../../images/types'

/** One line of `mount` / `df`: what is mounted where. */
export interface MountInfo {
  /** Mount point in the container (`/usr/share/nginx/html`). */
  path: string
  /** The pod volume's name (`app`), or a kubelet mount (`etc-hosts`). */
  volume: string
  /** emptyDir, configMap, secret, downwardAPI, projected, hostPath, or overlay for the root. */
  type: string
  readOnly: boolean
  /** tmpfs for secrets, projected tokens and emptyDir.medium=Memory; the node's disk otherwise. */
  tmpfs: boolean
}

/** A container's filesystem: a FileSystem with its mount table. */
export interface ContainerFileSystem extends FileSystem {
  mounts(): MountInfo[]
}

/** Why a pod's volumes cannot be set up yet (the kubelet retries; `FailedMount` event). */
export interface VolumeProblem {
  volume: string
  /** `MountVolume.SetUp failed for volume "cfg" : configmap "app-config" not found` */
  message: string
}

/** Why a container cannot be created (`CreateContainerConfigError`, the waiting message). */
export interface ContainerConfigProblem {
  /** `configmap "app-config" not found`, `couldn't find key k in ConfigMap default/c` */
  message: string
}
