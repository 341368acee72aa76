import { describe, it, expect } from 'vitest'
import { SeededRandom } from '../../runtime/random'
import { DEFAULT_START_MS } from '../../runtime/clock'
import { createNodeKernel } from './kernel'
import { KUBE_PROXY_FILTER, KUBE_PROXY_NAT } from './testdata'
import type { Netns } from '../types'

const kernel = () => {
  const k = createNodeKernel({ nodeName: 'minikube', nodeIP: '192.168.49.2', podCIDR: '10.244.0.0/24', random: new SeededRandom(7), clock: { now: () => DEFAULT_START_MS } })
  k.iptablesRestore(KUBE_PROXY_FILTER + KUBE_PROXY_NAT, { noflush: true })
  return k
}
const pod: Netns = { kind: 'pod', ip: '10.244.0.9', namespace: 'default', podName: 'client', node: 'minikube' }

describe('iptables --list -nv -t nat: the notes\' column layout', () => {
  it('prints chain headers, column header and rules exactly (trailing padding as the real tool)', () => {
    const k = kernel()
    // One connection to another pod (no DNAT: the chain's policy counts it), one to the ClusterIP.
    k.translate({ ip: '10.244.0.4', port: 8000, proto: 'tcp', from: pod, node: 'minikube', hook: 'PREROUTING' })
    k.translate({ ip: '10.97.60.103', port: 80, proto: 'tcp', from: pod, node: 'minikube', hook: 'PREROUTING' })
    const out = k.iptables(['--list', '-nv', '-t', 'nat']).stdout
    const lines = out.split('\n')
    expect(lines[0]).toBe('Chain PREROUTING (policy ACCEPT 1 packets, 60 bytes)')
    expect(lines[1]).toBe(' pkts bytes target     prot opt in     out     source               destination         ')
    const trimmed = lines.map((l) => l.trimEnd())
    expect(trimmed).toContain('    2   120 KUBE-SERVICES  all  --  *      *       0.0.0.0/0            0.0.0.0/0            /* kubernetes service portals */')
    expect(trimmed).toContain('    0     0 DOCKER     all  --  *      *       0.0.0.0/0           !127.0.0.0/8          ADDRTYPE match dst-type LOCAL')
    expect(trimmed).toContain('    0     0 MASQUERADE  all  --  *      !docker0  172.17.0.0/16        0.0.0.0/0')
    expect(trimmed).toContain('    0     0 KUBE-MARK-MASQ  tcp  --  *      *      !10.244.0.0/16        10.97.60.103         /* default/web-svc-cip cluster IP */ tcp dpt:80')
    expect(trimmed).toContain('    0     0 MARK       all  --  *      *       0.0.0.0/0            0.0.0.0/0            MARK or 0x4000')
    expect(trimmed).toContain('    0     0 MASQUERADE  all  --  *      *       0.0.0.0/0            0.0.0.0/0            /* kubernetes service traffic requiring SNAT */ random-fully')
    expect(trimmed).toContain('    2   120 RETURN     all  --  *      *       0.0.0.0/0            0.0.0.0/0            mark match ! 0x4000/0x4000')
    expect(trimmed.some((l) => /KUBE-SEP-\w+  all  --  \*      \*       0\.0\.0\.0\/0            0\.0\.0\.0\/0            \/\* default\/web-svc-cip -> 10\.244\.0\.4:8000 \*\/ statistic mode random probability 0\.33333333349$/.test(l))).toBe(true)
    expect(trimmed).toContain('Chain KUBE-MARK-MASQ (5 references)')
    expect(trimmed).toContain('Chain KUBE-KUBELET-CANARY (0 references)')
    // Chains are separated by one empty line; the listing ends with the last rule's newline.
    expect(out.endsWith('\n\n')).toBe(false)
    expect(out).toContain('\n\nChain INPUT (policy ACCEPT 0 packets, 0 bytes)\n')
  })

  it('without -n/-v prints names, `anywhere` and no counters; --line-numbers adds num', () => {
    const k = kernel()
    const out = k.iptables(['-t', 'nat', '-L', 'KUBE-SERVICES', '--line-numbers']).stdout.split('\n').map((l) => l.trimEnd())
    expect(out[0]).toBe('Chain KUBE-SERVICES (2 references)')
    expect(out[1]).toBe('num  target     prot opt source               destination')
    expect(out[2]).toBe('1    KUBE-SVC-WKCOG6KH24K26XRJ  tcp  --  anywhere             10.97.60.103         /* default/web-svc-cip cluster IP */ tcp dpt:http')
  })

  it('K-form counters above 99999 and exact ones with -x', () => {
    const k = kernel()
    k.iptablesRestore('*nat\n[154321:9259260] -A OUTPUT -j ACCEPT\nCOMMIT\n', { noflush: true, counters: true })
    expect(k.iptables(['-t', 'nat', '-nvL', 'OUTPUT']).stdout).toContain('\n 154K 9259K ACCEPT ')
    expect(k.iptables(['-t', 'nat', '-nvxL', 'OUTPUT']).stdout).toContain('\n  154321    9259260 ACCEPT ')
  })
})

describe('iptables commands', () => {
  it('-S prints policies, chains and rules in save form', () => {
    const out = kernel().iptables(['-S', 'KUBE-FIREWALL']).stdout
    expect(out).toBe('-N KUBE-FIREWALL\n-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP\n')
  })

  it('-N/-A/-I/-C/-D/-X/-F/-P with the kernel\'s refusals', () => {
    const k = kernel()
    expect(k.iptables(['-N', 'LAB'])).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(k.iptables(['-N', 'LAB'])).toEqual({ code: 1, stdout: '', stderr: 'iptables: Chain already exists.\n' })
    expect(k.iptables(['-A', 'LAB', '-p', 'tcp', '--dport', '22', '-j', 'DROP']).code).toBe(0)
    expect(k.iptables(['-I', 'LAB', '-s', '10.0.0.0/8', '-j', 'ACCEPT']).code).toBe(0)
    expect(k.iptables(['-S', 'LAB']).stdout).toBe('-N LAB\n-A LAB -s 10.0.0.0/8 -j ACCEPT\n-A LAB -p tcp -m tcp --dport 22 -j DROP\n')
    expect(k.iptables(['-C', 'LAB', '-p', 'tcp', '-m', 'tcp', '--dport', '22', '-j', 'DROP']).code).toBe(0)
    expect(k.iptables(['-C', 'LAB', '-j', 'ACCEPT'])).toEqual({ code: 1, stdout: '', stderr: 'iptables: Bad rule (does a matching rule exist in that chain?).\n' })
    expect(k.iptables(['-A', 'INPUT', '-j', 'LAB']).code).toBe(0)
    expect(k.iptables(['-X', 'LAB'])).toEqual({ code: 1, stdout: '', stderr: 'iptables: Too many links.\n' })
    expect(k.iptables(['-D', 'INPUT', '-j', 'LAB']).code).toBe(0)
    expect(k.iptables(['-X', 'LAB'])).toEqual({ code: 1, stdout: '', stderr: 'iptables: Directory not empty.\n' })
    expect(k.iptables(['-F', 'LAB']).code).toBe(0)
    expect(k.iptables(['-X', 'LAB']).code).toBe(0)
    expect(k.iptables(['-L', 'LAB'])).toEqual({ code: 1, stdout: '', stderr: 'iptables: No chain/target/match by that name.\n' })
    expect(k.iptables(['-P', 'FORWARD', 'ACCEPT']).code).toBe(0)
    expect(k.iptables(['-t', 'bogus', '-L']).code).toBe(3)
    expect(k.iptables(['-A', 'INPUT', '--bogus']).stderr).toBe('iptables v1.8.7 (legacy): unknown option "--bogus"\nTry `iptables -h\' or \'iptables --help\' for more information.\n')
  })
})
