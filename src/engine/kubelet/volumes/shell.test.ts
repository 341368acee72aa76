import { describe, it, expect } from 'vitest'
import { collectWriter, createCancel, createRegistry, MemoryFileSystem, Shell, type FileSystem } from '../../../shell'
import { fakeClock } from '../../../shell/testkit'
import { MountedFileSystem } from './containerfs'

/** A container fs with a read-only /etc/config and a writable /data, driven through the shell. */
function container() {
  const cfg = new MemoryFileSystem([{ path: '/v/color', content: 'blue' }])
  const data = new MemoryFileSystem()
  data.mkdir('/d')
  const root = new MemoryFileSystem([{ path: '/etc/os-release', content: 'x' }])
  const fs = new MountedFileSystem(root, [
    { info: { path: '/etc/config', volume: 'cfg', type: 'configMap', readOnly: true, tmpfs: false }, store: cfg, base: '/v' },
    { info: { path: '/data', volume: 'data', type: 'emptyDir', readOnly: false, tmpfs: false }, store: data, base: '/d' },
  ], { path: '/', volume: 'overlay', type: 'overlay', readOnly: false, tmpfs: false })
  return { fs, data }
}

async function sh(fs: FileSystem, line: string) {
  const shell = new Shell({ fs, registry: createRegistry(), clock: fakeClock(), cwd: '/' })
  const out = collectWriter()
  const err = collectWriter()
  const status = await shell.run(line, { stdout: out, stderr: err, signal: createCancel().signal })
  return { status, stdout: out.text(), stderr: err.text() }
}

describe('a container filesystem under the shell', () => {
  it('reads and lists mounted volumes', async () => {
    const { fs } = container()
    expect(await sh(fs, 'cat /etc/config/color; echo; ls -1 /etc')).toEqual({ status: 0, stdout: 'blue\nconfig\nos-release\n', stderr: '' })
  })

  it('ls hides the atomic writer\'s dot directories; ls -a shows them', async () => {
    const cfg = new MemoryFileSystem([{ path: '/v/color', content: 'blue' }, { path: '/v/..data/color', content: 'blue' }])
    const fs = new MountedFileSystem(new MemoryFileSystem(), [
      { info: { path: '/etc/config', volume: 'cfg', type: 'configMap', readOnly: true, tmpfs: false }, store: cfg, base: '/v' },
    ], { path: '/', volume: 'overlay', type: 'overlay', readOnly: false, tmpfs: false })
    expect((await sh(fs, 'ls /etc/config')).stdout).toBe('color\n')
    expect((await sh(fs, 'ls -a /etc/config')).stdout).toContain('..data')
  })

  it('writes to a writable volume land in its store', async () => {
    const { fs, data } = container()
    expect((await sh(fs, 'echo hi > /data/index.html')).status).toBe(0)
    expect(data.readFile('/d/index.html')).toBe('hi\n')
  })

  it('writes to a read-only volume fail with the kernel words', async () => {
    const { fs } = container()
    const r = await sh(fs, 'echo red > /etc/config/color')
    expect(r.status).toBe(1)
    expect(r.stderr).toBe('sh: /etc/config/color: Read-only file system\n')
    const t = await sh(fs, 'touch /etc/config/new')
    expect(t).toEqual({ status: 1, stdout: '', stderr: 'sh: touch: /etc/config/new: Read-only file system\n' })
  })
})
