import { describe, it, expect } from 'vitest'
import { parse } from 'yaml'
import { defaultKubeconfig, loadKubeconfig, resolveTarget, CONNECTION_REFUSED } from './kubeconfig'
import { MemFs } from './testing/fakeFs'
import { CmdError } from './errors'

const ENV = { HOME: '/home/learner' }

describe('kubeconfig', () => {
  it('default is minikube with no namespace set', () => {
    const cfg = parse(defaultKubeconfig())
    expect(cfg['current-context']).toBe('minikube')
    expect(cfg.clusters[0].cluster.server).toBe('https://192.168.49.2:8443')
    expect(cfg.clusters[0].cluster['certificate-authority']).toBe('/home/learner/.minikube/ca.crt')
    expect(cfg.contexts[0].context.namespace).toBeUndefined()
  })

  it('resolves the default namespace and a -n override', () => {
    const fs = new MemFs({ '/home/learner/.kube/config': defaultKubeconfig() })
    const loaded = loadKubeconfig(fs, ENV, '/home/learner')
    expect(resolveTarget(loaded, undefined, undefined).namespace).toBe('default')
    expect(resolveTarget(loaded, undefined, 'x')).toMatchObject({ namespace: 'x', namespaceExplicit: true })
  })

  it('a missing file means the localhost:8080 refusal', () => {
    const loaded = loadKubeconfig(new MemFs(), ENV, '/home/learner')
    expect(() => resolveTarget(loaded, undefined, undefined)).toThrow(CONNECTION_REFUSED)
  })

  it('an unparsable file is an error loading config file', () => {
    const fs = new MemFs({ '/home/learner/.kube/config': 'clusters: [\n' })
    expect(() => loadKubeconfig(fs, ENV, '/home/learner')).toThrow(/^error: error loading config file "\/home\/learner\/.kube\/config": /)
  })

  it('$KUBECONFIG picks the file; a missing --kubeconfig is an error', () => {
    const fs = new MemFs({ '/tmp/k': defaultKubeconfig() })
    expect(loadKubeconfig(fs, { ...ENV, KUBECONFIG: '/tmp/k' }, '/').config?.['current-context']).toBe('minikube')
    try { loadKubeconfig(fs, ENV, '/', 'nope'); expect.unreachable() } catch (e) {
      expect((e as CmdError).text).toBe('error: stat nope: no such file or directory')
    }
  })

  it('an unknown --context is kubectl\'s error', () => {
    const fs = new MemFs({ '/home/learner/.kube/config': defaultKubeconfig() })
    expect(() => resolveTarget(loadKubeconfig(fs, ENV, '/'), 'kind', undefined)).toThrow('Error in configuration: context was not found for specified context: kind')
    const stale = new MemFs({ '/home/learner/.kube/config': defaultKubeconfig().replace('current-context: minikube', 'current-context: gone') })
    expect(() => resolveTarget(loadKubeconfig(stale, ENV, '/'), undefined, undefined)).toThrow('Error in configuration: context was not found for specified context: gone')
  })
})
