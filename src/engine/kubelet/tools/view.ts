// What a container's tools see of it: its mounts, its processes, its user, and which family of
// userland it ships (busybox's applets or debian's procps/coreutils: the formats differ).
import type { FileSystem } from '../../../shell'
import type { MountInfo } from '../volumes/types'

export type Flavour = 'busybox' | 'procps'

/** One process as `ps` lists it (the runtime's process list; the extras are optional). */
export interface ProcessInfo {
  pid: number
  /** `root`, or a uid without a name (`1001`). */
  user: string
  /** The full command line (`nginx: master process nginx -g daemon off;`, `sleep 3600`). */
  command: string
  /** Virtual epoch ms when it started. */
  startedAtMs: number
  /** Resident memory in bytes (ps aux RSS). */
  rssBytes?: number
  /** CPU time used, ms (TIME). */
  cpuMs?: number
}

export interface ContainerView {
  mounts(): MountInfo[]
  processes(): ProcessInfo[]
  /** USER: `root`, a uid (`1001`), or a name the image knows (`nginx`). */
  user: string
  /** runAsGroup, when the pod sets one. */
  group?: number
  flavour: Flavour
  /** The container's files (to measure tmpfs usage for df). */
  fs?: FileSystem
  /** Bytes a memory-backed volume may hold (pod memory limit, else node memory). */
  tmpfsBytes?: number
  containerId?: string
  /** Virtual time now (ps START/TIME). */
  now?: () => number
}
