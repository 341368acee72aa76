import { describe, it, expect } from 'vitest'
import { parse } from 'yaml'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs } from '../testing/harness'
import { addPod } from '../testing/fixtures'

const CONFIG = '/home/learner/.kube/config'

describe('kubectl config', () => {
  it('current-context and get-contexts', async () => {
    const api = new FakeApi()
    expect((await kubectl(api, newFs(), 'config current-context')).out).toBe('minikube\n')
    expect((await kubectl(api, newFs(), 'config get-contexts')).out).toBe('CURRENT   NAME       CLUSTER    AUTHINFO   NAMESPACE\n*         minikube   minikube   minikube   \n')
  })

  it('set-context --current --namespace changes where commands go, written to the file', async () => {
    const api = new FakeApi()
    addPod(api, 'dns', 'kube-system')
    const fs = newFs()
    expect(await kubectl(api, fs, 'config set-context --current --namespace=kube-system')).toEqual({ code: 0, out: 'Context "minikube" modified.\n', err: '' })
    expect(parse(fs.readFile(CONFIG)!).contexts[0].context.namespace).toBe('kube-system')
    expect((await kubectl(api, fs, 'get pods -o name')).out).toBe('pod/dns\n')
  })

  it('use-context of a missing context is refused', async () => {
    const fs = newFs()
    expect(await kubectl(new FakeApi(), fs, 'config use-context kind')).toEqual({ code: 1, out: '', err: 'error: no context exists with the name: "kind"\n' })
    expect((await kubectl(new FakeApi(), fs, 'config use-context minikube')).out).toBe('Switched to context "minikube".\n')
  })

  it('view -o jsonpath, the idiom for the current namespace', async () => {
    const fs = newFs()
    await kubectl(new FakeApi(), fs, 'config set-context --current --namespace=dev')
    expect((await kubectl(new FakeApi(), fs, "config view --minify -o jsonpath='{..namespace}'")).out).toBe('dev')
  })

  it('use-context without a name prints the help, then the error', async () => {
    const r = await kubectl(new FakeApi(), newFs(), 'config use-context')
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/^Set the current-context in a kubeconfig file\./)
    expect(r.err).toBe('error: Unexpected args: []\n')
  })

  it('get-clusters, get-users, rename-context, delete-context', async () => {
    const fs = newFs()
    expect((await kubectl(new FakeApi(), fs, 'config get-clusters')).out).toBe('NAME\nminikube\n')
    expect((await kubectl(new FakeApi(), fs, 'config get-users')).out).toBe('NAME\nminikube\n')
    expect((await kubectl(new FakeApi(), fs, 'config rename-context minikube lab')).out).toBe('Context "minikube" renamed to "lab".\n')
    expect((await kubectl(new FakeApi(), fs, 'config current-context')).out).toBe('lab\n')
    expect((await kubectl(new FakeApi(), fs, 'config rename-context nope x')).err).toBe('error: cannot rename the context "nope", it\'s not in /home/learner/.kube/config\n')
    expect(await kubectl(new FakeApi(), fs, 'config delete-context lab')).toEqual({
      code: 0, out: 'deleted context lab from /home/learner/.kube/config\n',
      err: 'warning: this removed your active context, use "kubectl config use-context" to select a different one\n',
    })
    expect((await kubectl(new FakeApi(), fs, 'config delete-context lab')).err).toBe('error: cannot delete context lab, not in /home/learner/.kube/config\n')
    expect((await kubectl(new FakeApi(), fs, 'get pods')).err).toBe('Error in configuration: context was not found for specified context: lab\n')
  })

  it('view prints the file in kubectl\'s key order', async () => {
    const r = await kubectl(new FakeApi(), newFs(), 'config view')
    expect(r.out).toMatch(/^apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority: \/home\/learner\/\.minikube\/ca\.crt\n    server: https:\/\/192\.168\.49\.2:8443\n  name: minikube\ncontexts:/)
  })
})

describe('kubectl version', () => {
  it('prints client, kustomize and server versions; --client only the first two', async () => {
    expect((await kubectl(new FakeApi(), newFs(), 'version')).out).toBe('Client Version: v1.30.0\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\nServer Version: v1.30.0\n')
    expect((await kubectl(new FakeApi(), newFs(), 'version --client')).out).toBe('Client Version: v1.30.0\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\n')
    const y = await kubectl(new FakeApi(), newFs(), 'version -o yaml')
    expect(y.out).toContain('clientVersion:\n  buildDate: "2024-04-17T17:36:05Z"\n  compiler: gc\n')
    expect(y.out).toContain('  gitVersion: v1.30.0\n  goVersion: go1.22.2\n  major: "1"\n  minor: "30"\n')
  })
})

describe('kubectl cluster-info / api-resources', () => {
  it('cluster-info names the control plane', async () => {
    expect((await kubectl(new FakeApi(), newFs(), 'cluster-info')).out).toBe("Kubernetes control plane is running at https://192.168.49.2:8443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n")
  })
  it('api-resources lists the kind table', async () => {
    const r = await kubectl(new FakeApi(), newFs(), 'api-resources')
    // metrics.k8s.io (metrics-server) widens APIVERSION, as on a minikube with the addon;
    // l2advertisements (MetalLB) widens NAME.
    expect(r.out.split('\n')[0]).toBe('NAME               SHORTNAMES   APIVERSION               NAMESPACED   KIND')
    expect(r.out).toContain('\npods               po           v1                       true         Pod\n')
    expect(r.out).toContain('\npods                            metrics.k8s.io/v1beta1   true         PodMetrics\n')
    expect((await kubectl(new FakeApi(), newFs(), 'api-resources --namespaced=false -o name')).out).toBe('namespaces\nnodes\nnodes.metrics.k8s.io\ningressclasses.networking.k8s.io\n')
  })
})
