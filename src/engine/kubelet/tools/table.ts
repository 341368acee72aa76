// The container's /proc/mounts as docker on a minikube node sets it up: the overlay root, the
// runtime's pseudo filesystems, the pod's volumes and the kubelet's files (bind mounts from the
// node's disk, /dev/sda1), tmpfs for secrets and projections, and the masked /proc and /sys paths.
// `mount` prints it; `df` sizes it.
import type { FileSystem } from '../../../shell'
import type { MountInfo } from '../volumes/types'

/** The node's disk (the docker volume holding /var on minikube), in KiB: ~58 GiB. */
export const DISK_TOTAL_K = 61202244
/** In use on it: images, logs, etcd (17 % of the disk). */
export const DISK_USED_K = 10403720
/** Free to a non-root user: total − used − the 5 % ext4 reserve. */
export const DISK_AVAIL_K = 47656984
/** docker's /dev and /dev/shm: 64 MiB tmpfs each. */
export const DEV_TMPFS_K = 65536
/** minikube's node memory (3912 MiB): the size of a memory-backed volume without a limit. */
export const NODE_MEMORY_K = 4005888

export interface KernelMount {
  device: string
  path: string
  fstype: string
  options: string
  /** Identifies the filesystem (GNU df shows one row per device). */
  dev: string
  /** Size and usage in KiB; absent for pseudo filesystems (df leaves them out). */
  sizeK?: number
  usedK?: number
  availK?: number
}

export interface TableOptions {
  mounts: MountInfo[]
  /** The container's files, to measure what a tmpfs holds. */
  fs?: FileSystem
  /** Bytes a memory-backed volume may hold (the pod's memory limit, else the node's memory). */
  tmpfsBytes?: number
  /** The container id (overlay directories are named after it). */
  containerId?: string
}

/** KiB used by the files under `dir`: each file rounded up to 4 KiB blocks, as tmpfs counts. */
function usedUnder(fs: FileSystem | undefined, dir: string): number {
  if (!fs) return 0
  let k = 0
  const walk = (p: string) => {
    for (const n of fs.readdir(p) ?? []) {
      const child = p === '/' ? `/${n}` : `${p}/${n}`
      if (fs.isDir(child)) walk(child)
      else k += Math.ceil((fs.readFile(child)?.length ?? 0) / 4096) * 4
    }
  }
  if (fs.isDir(dir)) walk(dir)
  return k
}

const disk = { sizeK: DISK_TOTAL_K, usedK: DISK_USED_K, availK: DISK_AVAIL_K }

/** Deeper paths mount later: docker sorts a container's mounts by the number of path parts (stable). */
const depth = (p: string) => p.split('/').filter(Boolean).length

export function kernelMounts(o: TableOptions): KernelMount[] {
  const id = (o.containerId ?? 'c0ffee').replace(/[^0-9a-f]/g, '').padEnd(64, '0').slice(0, 64)
  const tmpfsK = Math.floor((o.tmpfsBytes ?? NODE_MEMORY_K * 1024) / 1024)
  const root = o.mounts.find((m) => m.path === '/')
  const rootRo = root?.readOnly ? 'ro' : 'rw'
  const out: KernelMount[] = [
    { device: 'overlay', path: '/', fstype: 'overlay', dev: 'overlay', ...disk,
      options: `${rootRo},relatime,lowerdir=/var/lib/docker/overlay2/l/${id.slice(0, 26).toUpperCase()}:/var/lib/docker/overlay2/l/${id.slice(26, 52).toUpperCase()},upperdir=/var/lib/docker/overlay2/${id}/diff,workdir=/var/lib/docker/overlay2/${id}/work` },
    { device: 'proc', path: '/proc', fstype: 'proc', options: 'rw,nosuid,nodev,noexec,relatime', dev: 'proc' },
    { device: 'tmpfs', path: '/dev', fstype: 'tmpfs', options: `rw,nosuid,size=${DEV_TMPFS_K}k,mode=755`, dev: 'tmpfs-dev', sizeK: DEV_TMPFS_K, usedK: 0, availK: DEV_TMPFS_K },
    { device: 'devpts', path: '/dev/pts', fstype: 'devpts', options: 'rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666', dev: 'devpts' },
    { device: 'sysfs', path: '/sys', fstype: 'sysfs', options: 'ro,nosuid,nodev,noexec,relatime', dev: 'sysfs' },
    { device: 'cgroup', path: '/sys/fs/cgroup', fstype: 'cgroup2', options: 'ro,nosuid,nodev,noexec,relatime', dev: 'cgroup' },
    { device: 'mqueue', path: '/dev/mqueue', fstype: 'mqueue', options: 'rw,nosuid,nodev,noexec,relatime', dev: 'mqueue' },
    { device: 'shm', path: '/dev/shm', fstype: 'tmpfs', options: `rw,nosuid,nodev,noexec,relatime,size=${DEV_TMPFS_K}k`, dev: 'shm', sizeK: DEV_TMPFS_K, usedK: 0, availK: DEV_TMPFS_K },
  ]
  const binds = o.mounts.filter((m) => m.path !== '/')
  const sorted = binds.map((m, i) => ({ m, i })).sort((a, b) => depth(a.m.path) - depth(b.m.path) || a.i - b.i).map((x) => x.m)
  for (const m of sorted) {
    const ro = m.readOnly ? 'ro' : 'rw'
    if (m.tmpfs) {
      const used = usedUnder(o.fs, m.path)
      out.push({ device: 'tmpfs', path: m.path, fstype: 'tmpfs', options: `${ro},relatime,size=${tmpfsK}k`, dev: `tmpfs:${m.volume}`, sizeK: tmpfsK, usedK: used, availK: tmpfsK - used })
    } else {
      out.push({ device: '/dev/sda1', path: m.path, fstype: 'ext4', options: `${ro},relatime`, dev: 'sda1', ...disk })
    }
  }
  // The runtime masks these kernel paths (an empty read-only tmpfs, or /dev/null bound over a file).
  const half = Math.floor(NODE_MEMORY_K / 2)
  out.push(
    { device: 'proc', path: '/proc/bus', fstype: 'proc', options: 'ro,nosuid,nodev,noexec,relatime', dev: 'proc' },
    { device: 'proc', path: '/proc/fs', fstype: 'proc', options: 'ro,nosuid,nodev,noexec,relatime', dev: 'proc' },
    { device: 'proc', path: '/proc/irq', fstype: 'proc', options: 'ro,nosuid,nodev,noexec,relatime', dev: 'proc' },
    { device: 'proc', path: '/proc/sys', fstype: 'proc', options: 'ro,nosuid,nodev,noexec,relatime', dev: 'proc' },
    { device: 'proc', path: '/proc/sysrq-trigger', fstype: 'proc', options: 'ro,nosuid,nodev,noexec,relatime', dev: 'proc' },
    { device: 'tmpfs', path: '/proc/acpi', fstype: 'tmpfs', options: 'ro,relatime', dev: 'tmpfs-acpi', sizeK: half, usedK: 0, availK: half },
    { device: 'tmpfs', path: '/proc/kcore', fstype: 'tmpfs', options: `rw,nosuid,size=${DEV_TMPFS_K}k,mode=755`, dev: 'tmpfs-dev', sizeK: DEV_TMPFS_K, usedK: 0, availK: DEV_TMPFS_K },
    { device: 'tmpfs', path: '/proc/keys', fstype: 'tmpfs', options: `rw,nosuid,size=${DEV_TMPFS_K}k,mode=755`, dev: 'tmpfs-dev', sizeK: DEV_TMPFS_K, usedK: 0, availK: DEV_TMPFS_K },
    { device: 'tmpfs', path: '/proc/timer_list', fstype: 'tmpfs', options: `rw,nosuid,size=${DEV_TMPFS_K}k,mode=755`, dev: 'tmpfs-dev', sizeK: DEV_TMPFS_K, usedK: 0, availK: DEV_TMPFS_K },
    { device: 'tmpfs', path: '/proc/scsi', fstype: 'tmpfs', options: 'ro,relatime', dev: 'tmpfs-scsi', sizeK: half, usedK: 0, availK: half },
    { device: 'tmpfs', path: '/sys/firmware', fstype: 'tmpfs', options: 'ro,relatime', dev: 'tmpfs-firmware', sizeK: half, usedK: 0, availK: half },
  )
  return out
}
