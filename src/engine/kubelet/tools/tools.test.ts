import { describe, it, expect } from 'vitest'
import { collectWriter, createCancel, createRegistry, MemoryFileSystem, Shell } from '../../../shell'
import { fakeClock, TEST_START_MS } from '../../../shell/testkit'
import type { MountInfo } from '../volumes/types'
import { containerTools, toolsFor, type ContainerView } from './index'
import { busyboxHuman, gnuHuman } from './df'

const SA = '/var/run/secrets/kubernetes.io/serviceaccount'
const MOUNTS: MountInfo[] = [
  { path: '/', volume: 'overlay', type: 'overlay', readOnly: false, tmpfs: false },
  { path: '/usr/share/nginx/html', volume: 'html', type: 'emptyDir', readOnly: false, tmpfs: false },
  { path: SA, volume: 'kube-api-access-x7k2p', type: 'projected', readOnly: true, tmpfs: true },
  { path: '/etc/hosts', volume: 'etc-hosts', type: 'bind', readOnly: false, tmpfs: false },
  { path: '/dev/termination-log', volume: 'termination-log', type: 'bind', readOnly: false, tmpfs: false },
  { path: '/etc/hostname', volume: 'etc-hostname', type: 'bind', readOnly: false, tmpfs: false },
  { path: '/etc/resolv.conf', volume: 'etc-resolv-conf', type: 'bind', readOnly: false, tmpfs: false },
]

function view(flavour: 'busybox' | 'procps', extra: Partial<ContainerView> = {}): ContainerView {
  const fs = new MemoryFileSystem([{ path: `${SA}/token`, content: 'x'.repeat(1000) }, { path: `${SA}/ca.crt`, content: 'c' }, { path: `${SA}/namespace`, content: 'default' }])
  return {
    mounts: () => MOUNTS,
    processes: () => [{ pid: 1, user: 'root', command: 'sleep 3600', startedAtMs: TEST_START_MS }],
    user: 'root', flavour, fs, containerId: 'abc123', now: () => TEST_START_MS + 60_000, ...extra,
  }
}

async function run(v: ContainerView, line: string) {
  const registry = createRegistry()
  for (const [name, info] of Object.entries(containerTools(v))) registry.register(name, info)
  const shell = new Shell({ fs: v.fs ?? new MemoryFileSystem(), registry, clock: fakeClock(), cwd: '/' })
  const out = collectWriter()
  const err = collectWriter()
  const status = await shell.run(line, { stdout: out, stderr: err, signal: createCancel().signal })
  return { status, stdout: out.text(), stderr: err.text() }
}

describe('mount', () => {
  it('lists the overlay root, pseudo filesystems, volumes by depth, and masks', async () => {
    const lines = (await run(view('busybox'), 'mount')).stdout.split('\n')
    expect(lines[0]).toMatch(/^overlay on \/ type overlay \(rw,relatime,lowerdir=\/var\/lib\/docker\/overlay2\/l\/[0-9A-F]+:.*,upperdir=.*\/diff,workdir=.*\/work\)$/)
    expect(lines.slice(1, 8)).toEqual([
      'proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)',
      'tmpfs on /dev type tmpfs (rw,nosuid,size=65536k,mode=755)',
      'devpts on /dev/pts type devpts (rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666)',
      'sysfs on /sys type sysfs (ro,nosuid,nodev,noexec,relatime)',
      'cgroup on /sys/fs/cgroup type cgroup2 (ro,nosuid,nodev,noexec,relatime)',
      'mqueue on /dev/mqueue type mqueue (rw,nosuid,nodev,noexec,relatime)',
      'shm on /dev/shm type tmpfs (rw,nosuid,nodev,noexec,relatime,size=65536k)',
    ])
    expect(lines.slice(8, 14)).toEqual([
      '/dev/sda1 on /etc/hosts type ext4 (rw,relatime)',
      '/dev/sda1 on /dev/termination-log type ext4 (rw,relatime)',
      '/dev/sda1 on /etc/hostname type ext4 (rw,relatime)',
      '/dev/sda1 on /etc/resolv.conf type ext4 (rw,relatime)',
      '/dev/sda1 on /usr/share/nginx/html type ext4 (rw,relatime)',
      `tmpfs on ${SA} type tmpfs (ro,relatime,size=4005888k)`,
    ])
  })

  it('-t filters by type; mounting is refused', async () => {
    expect((await run(view('busybox'), 'mount -t ext4')).stdout.split('\n').filter(Boolean)).toHaveLength(5)
    expect(await run(view('busybox'), 'mount /dev/sda1 /mnt')).toEqual({ status: 255, stdout: '', stderr: 'mount: permission denied (are you root?)\n' })
    expect(await run(view('procps'), 'mount /dev/sda1 /mnt')).toEqual({ status: 32, stdout: '', stderr: 'mount: /mnt: permission denied.\n' })
  })
})

describe('df', () => {
  it('human sizes as busybox and GNU round them', () => {
    expect(busyboxHuman(61202244)).toBe('58.4G')
    expect(busyboxHuman(65536)).toBe('64.0M')
    expect(busyboxHuman(0)).toBe('0')
    expect(gnuHuman(61202244)).toBe('59G')
    expect(gnuHuman(10403720)).toBe('10G')
    expect(gnuHuman(4005888)).toBe('3.9G')
    expect(gnuHuman(65536)).toBe('64M')
    expect(gnuHuman(12)).toBe('12K')
    expect(gnuHuman(0)).toBe('0')
  })

  it('GNU df: one row per device, fitted columns', async () => {
    expect((await run(view('procps'), 'df')).stdout).toBe(
      'Filesystem     1K-blocks     Used Available Use% Mounted on\n' +
      'overlay         61202244 10403720  47656984  18% /\n' +
      'tmpfs              65536        0     65536   0% /dev\n' +
      'shm                65536        0     65536   0% /dev/shm\n' +
      '/dev/sda1       61202244 10403720  47656984  18% /etc/hosts\n' +
      `tmpfs            4005888       12   4005876   1% ${SA}\n` +
      'tmpfs            2002944        0   2002944   0% /proc/acpi\n' +
      'tmpfs            2002944        0   2002944   0% /proc/scsi\n' +
      'tmpfs            2002944        0   2002944   0% /sys/firmware\n')
    expect((await run(view('procps'), 'df -h')).stdout.split('\n').slice(0, 2)).toEqual([
      'Filesystem      Size  Used Avail Use% Mounted on',
      'overlay          59G   10G   46G  18% /',
    ])
    expect((await run(view('procps'), `df -h ${SA}`)).stdout).toBe(
      'Filesystem      Size  Used Avail Use% Mounted on\n' +
      `tmpfs           3.9G   12K  3.9G   1% ${SA}\n`)
  })

  it('busybox df: fixed columns, every mount with blocks', async () => {
    const out = (await run(view('busybox'), 'df')).stdout.split('\n')
    expect(out[0]).toBe('Filesystem           1K-blocks      Used Available Use% Mounted on')
    expect(out[1]).toBe('overlay               61202244  10403720  47656984  18% /')
    expect(out.filter((l) => l.startsWith('/dev/sda1'))).toHaveLength(5)
    const h = (await run(view('busybox'), 'df -h')).stdout.split('\n')
    expect(h[0]).toBe('Filesystem                Size      Used Available Use% Mounted on')
    expect(h[1]).toBe('overlay                  58.4G      9.9G     45.4G  18% /')
  })
})

describe('id', () => {
  it('root, a bare uid, a named user', async () => {
    expect((await run(view('busybox'), 'id')).stdout).toBe('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n')
    expect((await run(view('procps'), 'id')).stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n')
    expect((await run(view('procps', { user: '1001' }), 'id')).stdout).toBe('uid=1001 gid=0(root) groups=0(root)\n')
    expect((await run(view('procps', { user: 'nginx' }), 'id')).stdout).toBe('uid=101(nginx) gid=101(nginx) groups=101(nginx)\n')
    expect((await run(view('procps', { user: '1001' }), 'id -u')).stdout).toBe('1001\n')
  })
})

describe('ps', () => {
  it('busybox format, with ps itself listed', async () => {
    expect((await run(view('busybox'), 'ps')).stdout).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    7 root      0:00 ps\n')
    expect((await run(view('busybox'), 'ps aux')).stdout.split('\n')[0]).toBe('PID   USER     TIME  COMMAND')
  })

  it('procps formats', async () => {
    expect((await run(view('procps'), 'ps')).stdout).toBe('    PID TTY          TIME CMD\n      1 ?        00:00:00 sleep\n      7 ?        00:00:00 ps\n')
    expect((await run(view('procps'), 'ps aux')).stdout).toBe(
      'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' +
      'root           1  0.0  0.0   2484   512 ?        Ss   00:00   0:00 sleep 3600\n' +
      'root           7  0.0  0.0   2484   512 ?        Rs   00:01   0:00 ps aux\n')
    expect((await run(view('procps'), 'ps -ef')).stdout.split('\n')[1]).toBe('root           1       0  0 00:00 ?        00:00:00 sleep 3600')
  })
})

describe('toolsFor', () => {
  it('picks what the image ships', () => {
    const { flavour: _f, ...v } = view('busybox')
    expect(Object.keys(toolsFor({ shell: 'sh', tools: ['ps', 'wget'] }, v)).sort()).toEqual(['df', 'id', 'mount', 'ps'])
    expect(Object.keys(toolsFor({ shell: 'bash', tools: ['curl'] }, v)).sort()).toEqual(['df', 'id', 'mount'])
    expect(toolsFor({ shell: 'none' }, v)).toEqual({})
  })
})
