import { describe, it, expect } from 'vitest'
import { createHash } from 'node:crypto'
import { base32, sha256 } from './sha256'
import {
  computeProbability, isServiceChainName, masqueradeMark, savedProbability, servicePortEndpointChainName,
  servicePortNameString, servicePortPolicyClusterChain,
} from './names'

describe('sha256 + base32', () => {
  it('matches node crypto for short, block-sized and multi-block inputs', () => {
    for (const s of ['', 'abc', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'default/kubernetes:httpstcp', 'é€𝄞'.repeat(40)]) {
      expect(Buffer.from(sha256(s)).toString('hex')).toBe(createHash('sha256').update(s).digest('hex'))
    }
  })
  it('encodes base32 as Go StdEncoding does (RFC 4648 test vectors)', () => {
    const enc = (s: string) => base32(new TextEncoder().encode(s))
    expect(enc('f')).toBe('MY======')
    expect(enc('fo')).toBe('MZXQ====')
    expect(enc('foob')).toBe('MZXW6YQ=')
    expect(enc('foobar')).toBe('MZXW6YTBOI======')
  })
})

describe('chain names (the hashes every real cluster shows)', () => {
  it('names the well-known services exactly as upstream', () => {
    // These four appear in every kubeadm cluster's iptables-save (and in the course notes).
    expect(servicePortPolicyClusterChain('default/kubernetes:https', 'tcp')).toBe('KUBE-SVC-NPX46M4PTMTKRN6Y')
    expect(servicePortPolicyClusterChain('kube-system/kube-dns:dns', 'udp')).toBe('KUBE-SVC-TCOU7JCQXEZGVUNU')
    expect(servicePortPolicyClusterChain('kube-system/kube-dns:dns-tcp', 'tcp')).toBe('KUBE-SVC-ERIFXISQEP7F7OF4')
    expect(servicePortPolicyClusterChain('kube-system/kube-dns:metrics', 'tcp')).toBe('KUBE-SVC-JD5MR3NA4I4DYORP')
  })
  it('hashes the endpoint into KUBE-SEP- names', () => {
    const a = servicePortEndpointChainName('default/web-svc-cip', 'tcp', '10.244.0.3:8000')
    const b = servicePortEndpointChainName('default/web-svc-cip', 'tcp', '10.244.0.4:8000')
    expect(a).toMatch(/^KUBE-SEP-[A-Z2-7]{16}$/)
    expect(a).not.toBe(b)
  })
  it('formats ServicePortName with and without a port name', () => {
    expect(servicePortNameString('default', 'web-svc-cip', '')).toBe('default/web-svc-cip')
    expect(servicePortNameString('kube-system', 'kube-dns', 'dns')).toBe('kube-system/kube-dns:dns')
  })
  it('recognises service chains only', () => {
    expect(isServiceChainName('KUBE-SEP-ABC')).toBe(true)
    expect(isServiceChainName('KUBE-SERVICES')).toBe(false)
    expect(isServiceChainName('KUBE-MARK-MASQ')).toBe(false)
  })
})

describe('numbers', () => {
  it('computes the probability ladder with %0.10f', () => {
    expect([3, 2].map(computeProbability)).toEqual(['0.3333333333', '0.5000000000'])
    expect(computeProbability(7)).toBe('0.1428571429')
  })
  it('prints probabilities as iptables-save does', () => {
    expect(savedProbability('0.3333333333')).toBe('0.33333333349')
    expect(savedProbability('0.5000000000')).toBe('0.50000000000')
    expect(savedProbability('0.2500000000')).toBe('0.25000000000')
  })
  it('formats the masquerade mark like Go %#08x', () => {
    expect(masqueradeMark()).toBe('0x004000')
  })
})
