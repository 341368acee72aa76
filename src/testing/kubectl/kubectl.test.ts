// kubectl against the real engine (ApiServer + controllers + kubelet) through the learner's shell.
import { describe, it, expect } from 'vitest'
import { TestCluster } from '../TestCluster'

const POD = (image: string, labels = '    app: web\n') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n${labels}spec:\n  containers:\n  - name: web\n    image: ${image}\n`
const files = (content: string) => [{ path: '/home/learner/web.yaml', content }]

describe('kubectl on the engine', () => {
  it('apply creates, is unchanged, configures; get shows the pod running', async () => {
    const c = new TestCluster({ seed: 1, files: files(POD('nginx:1.25')) })
    expect((await c.run('kubectl apply -f web.yaml')).stdout).toBe('pod/web created\n')
    expect((await c.run('kubectl apply -f web.yaml')).stdout).toBe('pod/web unchanged\n')
    c.advance('30s')
    const get = await c.run('kubectl get pods')
    expect(get.stdout).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\nweb +1\/1 +Running +0 +30s\n$/)
    c.fs.writeFile('/home/learner/web.yaml', POD('nginx:1.26'))
    expect((await c.run('kubectl apply -f web.yaml')).stdout).toBe('pod/web configured\n')
    expect((await c.run("kubectl get pod web -o jsonpath='{.spec.containers[0].image}'")).stdout).toBe('nginx:1.26')
  })

  it('apply removes a label dropped from the manifest and keeps defaulted fields', async () => {
    const c = new TestCluster({ seed: 2, files: files(POD('nginx', '    app: web\n    tier: fe\n')) })
    await c.run('kubectl apply -f web.yaml')
    c.fs.writeFile('/home/learner/web.yaml', POD('nginx'))
    expect((await c.run('kubectl apply -f web.yaml')).stdout).toBe('pod/web configured\n')
    expect((await c.run('kubectl get pod web --show-labels --no-headers')).stdout).toMatch(/ app=web\n$/)
    expect((await c.run("kubectl get pod web -o jsonpath='{.spec.containers[0].terminationMessagePath}'")).stdout).toBe('/dev/termination-log')
  })

  it('invalid objects come back in the API\'s words and nothing is stored', async () => {
    const c = new TestCluster({ seed: 3 })
    const r = await c.run('kubectl run Bad --image=nginx')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^The Pod "Bad" is invalid: \n\* metadata\.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain/)
    expect((await c.run('kubectl get pods')).stderr).toBe('No resources found in default namespace.\n')
  })

  it('run and create honour -n, and a missing namespace is NotFound with nothing created', async () => {
    const c = new TestCluster({ seed: 6 })
    const missing = await c.run('kubectl run x --image=nginx -n nope')
    expect(missing).toMatchObject({ code: 1, stderr: 'Error from server (NotFound): namespaces "nope" not found\n' })
    await c.run('kubectl create namespace shop')
    expect((await c.run('kubectl run web --image=nginx -n shop')).stdout).toBe('pod/web created\n')
    expect((await c.run('kubectl create configmap cfg --from-literal=a=b -n shop')).stdout).toBe('configmap/cfg created\n')
    expect((await c.run('kubectl get pods,cm -n shop -o name')).stdout).toBe('pod/web\nconfigmap/cfg\nconfigmap/kube-root-ca.crt\n')
    expect((await c.run('kubectl get pods')).stderr).toBe('No resources found in default namespace.\n')
  })

  it('explain answers from the shipped schemas without moving virtual time, and the line goes on', async () => {
    const c = new TestCluster({ seed: 7 })
    const before = c.cluster.clock.now()
    const r = await c.run('kubectl explain pod.spec.containers.image; echo rc=$?')
    expect(r.stdout).toMatch(/^KIND: {7}Pod\nVERSION: {4}v1\n\nFIELD: image <string>\n/)
    expect(r.stdout).toMatch(/rc=0\n$/)
    expect(c.cluster.clock.now()).toBe(before)
    const bad = await c.run('kubectl explain pod.spec.foo')
    expect(bad).toMatchObject({ code: 1, stderr: 'error: field "foo" does not exist\n' })
  })

  it('delete prints, then waits for the kubelet to finish terminating', async () => {
    const c = new TestCluster({ seed: 4 })
    await c.run('kubectl run web --image=nginx')
    c.advance('30s')
    const del = await c.run('kubectl delete pod web')
    expect(del).toMatchObject({ code: 0, stdout: 'pod "web" deleted\n' })
    expect((await c.run('kubectl get pods web')).stderr).toBe('Error from server (NotFound): pods "web" not found\n')
  })

  it('describe, cluster-info, version and nodes', async () => {
    const c = new TestCluster({ seed: 5 })
    await c.run('kubectl run web --image=nginx')
    c.advance('30s')
    expect((await c.run('kubectl describe pod web')).stdout).toMatch(/^Name: +web\nNamespace: +default\n/)
    expect((await c.run('kubectl describe pod nope')).stderr).toBe('Error from server (NotFound): pods "nope" not found\n')
    expect((await c.run('kubectl cluster-info')).stdout).toContain('Kubernetes control plane is running at https://192.168.49.2:8443\n')
    expect((await c.run('kubectl version')).stdout).toContain('Server Version: v1.30.0\n')
    expect((await c.run('kubectl get nodes')).stdout).toMatch(/\nminikube +Ready +control-plane /)
  })
})

describe('kubectl waiting on the engine', () => {
  it('wait --for=condition=Ready returns when the kubelet makes the pod ready', async () => {
    const c = new TestCluster({ seed: 6 })
    await c.run('kubectl run web --image=nginx')
    const r = await c.run('kubectl wait --for=condition=Ready pod/web --timeout=120s')
    expect(r).toMatchObject({ code: 0, stdout: 'pod/web condition met\n' })
    expect((await c.run('kubectl get pod web --no-headers')).stdout).toMatch(/^web +1\/1 +Running /)
  })

  it('wait times out on the virtual clock', async () => {
    const c = new TestCluster({ seed: 7 })
    await c.run('kubectl run web --image=nginx')
    const r = await c.run('kubectl wait --for=condition=Frozen pod/web --timeout=5s')
    expect(r).toMatchObject({ code: 1, stderr: 'error: timed out waiting for the condition on pods/web\n' })
  })
})
