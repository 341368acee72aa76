import { describe, it, expect } from 'vitest'
import type { Pod } from '../../../api/types'
import { hostsFile, resolvConf } from './kubeletfiles'
import { createNodeFileSystem } from './hostfs'

const pod = (spec: Record<string, unknown> = {}, ns = 'default'): Pod => ({ metadata: { name: 'web', namespace: ns }, spec: { containers: [], ...spec } } as unknown as Pod)

describe('kubelet-managed files', () => {
  it('/etc/hosts with a subdomain and host aliases', () => {
    const text = hostsFile(pod({ hostname: 'web-0', subdomain: 'web', hostAliases: [{ ip: '10.1.2.3', hostnames: ['foo.local', 'bar.local'] }] }), ['10.244.0.9'], 'web-0')
    expect(text.split('\n').slice(7)).toEqual([
      '10.244.0.9\tweb-0.web.default.svc.cluster.local\tweb-0',
      '',
      '# Entries added by HostAliases.',
      '10.1.2.3\tfoo.local\tbar.local',
      '',
    ])
  })

  it('resolv.conf by dnsPolicy', () => {
    expect(resolvConf(pod({}, 'dev'))).toBe('search dev.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n')
    expect(resolvConf(pod({ dnsPolicy: 'Default' }))).toBe('nameserver 192.168.49.1\n')
    expect(resolvConf(pod({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'], searches: ['example.com'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } }))).toBe('search example.com\nnameserver 1.1.1.1\noptions ndots:2 edns0\n')
    expect(resolvConf(pod({ dnsConfig: { options: [{ name: 'ndots', value: '1' }] } }))).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:1\n')
  })

  it('the node filesystem has the usual directories', () => {
    const fs = createNodeFileSystem('minikube')
    expect(fs.isDir('/var/log')).toBe(true)
    expect(fs.readFile('/etc/hostname')).toBe('minikube\n')
  })
})
