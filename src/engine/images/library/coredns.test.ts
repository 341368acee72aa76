import { describe, it, expect } from 'vitest'
import { startProgram } from '../testkit'
import { coredns } from './coredns'
import { minikubeCorefile } from '../../network/dns/corefile'
import { sha512Hex } from '../../network/dns/sha512'

const ARGS = ['-conf', '/etc/coredns/Corefile']

describe('coredns program', () => {
  it('prints CoreDNS v1.11.1 start lines with the Corefile digest and serves health, ready, DNS', async () => {
    const p = startProgram(coredns, { args: ARGS, files: { '/etc/coredns/Corefile': minikubeCorefile() }, podIP: '10.244.0.2' })
    await p.settle()
    expect(p.stdout()).toBe(`.:53\n[INFO] plugin/reload: Running configuration SHA512 = ${sha512Hex(minikubeCorefile())}\nCoreDNS-1.11.1\nlinux/amd64, go1.20.7, ae2bbc2\n`)
    expect((await p.request(8080, '/health')).body).toBe('OK')
    expect((await p.request(8181, '/ready')).body).toBe('OK')
    expect((await p.request(9153, '/metrics')).body).toContain('coredns_build_info{goversion="go1.20.7",revision="ae2bbc2",version="1.11.1"} 1')
    const dns = p.listeners.get(53)!.dns!
    expect(dns({ name: 'host.minikube.internal', type: 'A', from: '10.244.0.9', proto: 'udp' }).answers[0].data).toBe('192.168.49.1')
    expect(dns({ name: 'example.com', type: 'A', from: '10.244.0.9', proto: 'udp' }).rcode).toBe('SERVFAIL')
    const log = p.stdout().split('\n')
    expect(log[4]).toMatch(/^\[INFO\] 10\.244\.0\.9:\d+ - \d+ "A IN host\.minikube\.internal\. udp 40 false 512" NOERROR qr,aa,rd 56 0\.\d+s$/)
    expect(log[5]).toMatch(/^\[ERROR\] plugin\/errors: 2 example\.com\. A: read udp 10\.244\.0\.2:\d+->192\.168\.49\.1:53: i\/o timeout$/)
    expect(log[6]).toMatch(/^\[INFO\] 10\.244\.0\.9:\d+ - \d+ "A IN example\.com\. udp 29 false 512" SERVFAIL qr,rd 29 2\.\d+s$/)
    p.term()
    expect(await p.exited).toBe(0)
    expect(p.stdout()).toContain('[INFO] SIGTERM: Shutting down servers then terminating\n[INFO] plugin/health: Going into lameduck mode for 5s\n')
  })

  it('reloads an edited Corefile and logs the new digest', async () => {
    const p = startProgram(coredns, { args: ARGS, files: { '/etc/coredns/Corefile': minikubeCorefile() } })
    await p.settle()
    const edited = minikubeCorefile().replace('192.168.49.1 host.minikube.internal', '192.168.49.1 host.minikube.internal\n       10.0.0.1 db.lab')
    p.fs.writeFile('/etc/coredns/Corefile', edited)
    await p.settle()
    expect(p.stdout()).toContain(`[INFO] Reloading\n[INFO] plugin/reload: Running configuration SHA512 = ${sha512Hex(edited)}\n[INFO] Reloading complete\n`)
    expect(p.listeners.get(53)!.dns!({ name: 'db.lab', type: 'A', from: '10.244.0.9', proto: 'udp' }).answers[0].data).toBe('10.0.0.1')
    p.term()
    expect(await p.exited).toBe(0)
  })

  it('exits 1 without its Corefile', async () => {
    const p = startProgram(coredns, { args: ARGS })
    expect(await p.exited).toBe(1)
    expect(p.stdout()).toBe('[FATAL] open /etc/coredns/Corefile: no such file or directory\n')
  })
})
