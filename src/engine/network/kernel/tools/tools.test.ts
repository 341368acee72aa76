import { describe, it, expect } from 'vitest'
import { MemoryFileSystem, createCancel, type CommandContext } from '../../../../shell'
import { SeededRandom } from '../../../runtime/random'
import { DEFAULT_START_MS } from '../../../runtime/clock'
import { createNodeKernel } from '../kernel'
import { createKernelTools } from '.'

const kernel = () => createNodeKernel({ nodeName: 'minikube', nodeIP: '192.168.49.2', podCIDR: '10.244.0.0/24', random: new SeededRandom(3), clock: { now: () => DEFAULT_START_MS } })

async function run(tools: ReturnType<typeof createKernelTools>, argv: string[], opts: { user?: string; stdin?: string; fs?: MemoryFileSystem } = {}) {
  let out = ''
  let err = ''
  const input = opts.stdin ?? ''
  const ctx: CommandContext = {
    argv,
    stdin: { read: async () => null, readAll: async () => input },
    stdout: { write: (s) => { out += s } },
    stderr: { write: (s) => { err += s } },
    env: opts.user ? { USER: opts.user } : {},
    cwd: '/root',
    fs: opts.fs ?? new MemoryFileSystem(),
    clock: { now: () => DEFAULT_START_MS, sleep: async () => {} },
    signal: createCancel().signal,
    isTTY: false,
  }
  const code = await tools[argv[0]].run(ctx)
  return { code, out, err }
}

describe('node tools', () => {
  it('refuse non-root users with the real messages', async () => {
    const tools = createKernelTools(kernel())
    expect(await run(tools, ['iptables', '--list', '-nv', '-t', 'nat'], { user: 'docker' })).toEqual({
      code: 3, out: '', err: "iptables v1.8.7 (legacy): can't initialize iptables table `nat': Permission denied (you must be root)\nPerhaps iptables or your kernel needs to be upgraded.\n",
    })
    expect((await run(tools, ['ipvsadm', '-Ln'], { user: 'docker' })).err).toBe("Can't initialize ipvs: Permission denied (you must be root)\nAre you sure that IP Virtual Server is built in the kernel or as module?\n")
    expect((await run(tools, ['ipset', 'list'], { user: 'docker' })).err).toBe('ipset v7.15: Kernel error received: Operation not permitted\n')
    expect((await run(tools, ['iptables', '-L'], { user: 'root' })).code).toBe(0)
    // `ip addr` needs no privilege.
    expect((await run(tools, ['ip', 'addr', 'show', 'eth0'], { user: 'docker' })).out).toContain('inet 192.168.49.2/24 brd 192.168.49.255 scope global eth0\n')
  })

  it('iptables-restore reads a file (the notes\' cleanup) or stdin; iptables-save prints', async () => {
    const k = kernel()
    const tools = createKernelTools(k)
    const fs = new MemoryFileSystem()
    fs.writeFile('/tmp/iptables.cleanup', '*nat\n-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE\nCOMMIT\n*filter\nCOMMIT\n*mangle\nCOMMIT\n')
    expect(await run(tools, ['iptables-restore', '/tmp/iptables.cleanup'], { fs })).toEqual({ code: 0, out: '', err: '' })
    expect(await run(tools, ['iptables-restore', '/tmp/nope'], { fs })).toEqual({ code: 1, out: '', err: "Can't open /tmp/nope: No such file or directory\n" })
    expect((await run(tools, ['iptables-restore', '--noflush'], { stdin: '*nat\n:LAB - [0:0]\nCOMMIT\n' })).code).toBe(0)
    const saved = await run(tools, ['iptables-save', '-t', 'nat'])
    expect(saved.out).toContain(':LAB - [0:0]\n-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE\nCOMMIT\n')
  })

  it('ipvsadm, ipset and ip route print the kernel state', async () => {
    const k = kernel()
    const tools = createKernelTools(k)
    k.ipvs.upsertVirtualServer({ address: '10.96.0.1', port: 443, protocol: 'TCP', scheduler: 'rr' })
    k.ipvs.upsertRealServer({ address: '10.96.0.1', port: 443, protocol: 'TCP' }, { address: '192.168.49.2', port: 8443, weight: 1 })
    expect((await run(tools, ['ipvsadm', '--list', '-n'])).out).toBe('IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\nTCP  10.96.0.1:443 rr\n  -> 192.168.49.2:8443            Masq    1      0          0         \n')
    expect((await run(tools, ['ipvsadm', '-L'])).out).toContain('TCP  10.96.0.1:https rr\n  -> 192.168.49.2:pcsync-https    Masq')
    k.ipsets.ensure({ name: 'KUBE-CLUSTER-IP', type: 'hash:ip,port', header: 'family inet hashsize 1024 maxelem 65536' })
    k.ipsets.setMembers('KUBE-CLUSTER-IP', ['10.96.0.1,tcp:443'])
    expect((await run(tools, ['ipset', 'list'])).out).toBe('Name: KUBE-CLUSTER-IP\nType: hash:ip,port\nRevision: 5\nHeader: family inet hashsize 1024 maxelem 65536\nSize in memory: 280\nReferences: 0\nNumber of entries: 1\nMembers:\n10.96.0.1,tcp:443\n')
    expect(await run(tools, ['ipset', 'list', 'NOPE'])).toEqual({ code: 1, out: '', err: 'ipset v7.15: The set with the given name does not exist\n' })
    expect((await run(tools, ['ip', 'route'])).out).toBe('default via 192.168.49.1 dev eth0 \n10.244.0.0/16 dev bridge proto kernel scope link src 10.244.0.1 \n172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown \n192.168.49.0/24 dev eth0 proto kernel scope link src 192.168.49.2 \n')
    expect(await run(tools, ['ip', 'bogus'])).toEqual({ code: 255, out: '', err: 'Object "bogus" is unknown, try "ip help".\n' })
  })
})
