// Workload verbs (create deployment, scale, set, edit, diff, rollout) against the real engine.
import { describe, it, expect } from 'vitest'
import { TestCluster } from '../TestCluster'
import { createCancel } from '../../shell'
import { settle } from '../../worker/drive'

const RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
spec:
  replicas: 2
  selector:
    matchLabels:
      app: frontend
  template:
    metadata:
      labels:
        app: frontend
    spec:
      containers:
      - name: web
        image: nginx:1.25
`
const files = [{ path: '/home/learner/rs.yaml', content: RS }]

/** Start a line in the learner's shell without the idle-abort of TestCluster.run (edit waits on the editor, not on time). */
function start(c: TestCluster, line: string) {
  const r = { out: '', err: '', code: -1 }
  const cancel = createCancel()
  const done = c.session.shell.run(line, { stdout: { write: (s) => { r.out += s } }, stderr: { write: (s) => { r.err += s } }, signal: cancel.signal, isTTY: false })
    .then((code) => { r.code = code; return r })
  return { r, done, cancel }
}

describe('create deployment on the engine', () => {
  it('server errors are wrapped as upstream does', async () => {
    const c = new TestCluster({ seed: 11 })
    expect((await c.run('kubectl create deployment web --image=nginx:1.25 --replicas=3')).stdout).toBe('deployment.apps/web created\n')
    expect((await c.run('kubectl create deployment web --image=nginx')).stderr).toBe('error: failed to create deployment: deployments.apps "web" already exists\n')
    const bad = await c.run('kubectl create deployment bad --image=nginx --replicas=-1')
    expect(bad).toMatchObject({ code: 1, stdout: '', stderr: 'error: failed to create deployment: Deployment.apps "bad" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n' })
    expect((await c.run('kubectl get deploy -o name')).stdout).toBe('deployment.apps/web\n')
  })
})

describe('scale, set image and diff on a ReplicaSet', () => {
  it('scale adds pods; set image changes the template but never the running pods', async () => {
    const c = new TestCluster({ seed: 12, files })
    await c.sh('kubectl apply -f rs.yaml').advance('30s')
    expect((await c.run('kubectl get rs -o wide')).stdout).toBe('NAME       DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR\nfrontend   2         2         2       30s   web          nginx:1.25   app=frontend\n')
    expect((await c.run('kubectl scale rs/frontend --replicas=3')).stdout).toBe('replicaset.apps/frontend scaled\n')
    expect((await c.run('kubectl scale rs/frontend --replicas=1 --current-replicas=2')).stderr).toBe('error: Expected replicas to be 2, was 3\n')
    expect((await c.run('kubectl set image rs/frontend web=nginx:1.26')).stdout).toBe('replicaset.apps/frontend image updated\n')
    await c.advance('30s')
    c.expectPods('app=frontend', { total: 3, ready: 3 })
    expect((await c.run("kubectl get pods -l app=frontend -o jsonpath='{.items[*].spec.containers[0].image}'")).stdout).toBe('nginx:1.25 nginx:1.25 nginx:1.25')
  })

  it('diff -f shows what apply would change (generation included) and exits 1; 0 when in sync', async () => {
    const c = new TestCluster({ seed: 13, files })
    await c.sh('kubectl apply -f rs.yaml').advance('5s')
    expect(await c.run('kubectl diff -f rs.yaml')).toMatchObject({ code: 0, stdout: '', stderr: '' })
    c.fs.writeFile('/home/learner/rs.yaml', RS.replace('replicas: 2', 'replicas: 4'))
    const r = await c.run('kubectl diff -f rs.yaml')
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/apps\.v1\.ReplicaSet\.default\.frontend \/tmp\/MERGED-\d+\/apps\.v1\.ReplicaSet\.default\.frontend\n--- /)
    expect(r.stdout).toContain('-  generation: 1\n+  generation: 2\n')
    expect(r.stdout).toContain(' spec:\n-  replicas: 2\n+  replicas: 4\n')
    expect((await c.run("kubectl get rs frontend -o jsonpath='{.spec.replicas}'")).stdout).toBe('2')
  })
})

describe('edit on the engine', () => {
  it('an invalid edit is refused in kubectl\'s words and the file reopens with the reasons; a fix applies', async () => {
    const c = new TestCluster({ seed: 14, files })
    await c.sh('kubectl apply -f rs.yaml').advance('5s')
    const run = start(c, 'kubectl edit rs frontend')
    await settle()
    const path = c.fs.readdir('/tmp')!.map((n) => `/tmp/${n}`).find((p) => p.includes('kubectl-edit-'))!
    const text = c.fs.readFile(path)!
    c.fs.writeFile(path, text.replace('replicas: 2', 'replicas: -1'))
    await settle()
    expect(run.r.err).toContain('\nerror: replicasets.apps "frontend" is invalid\n')
    const reopened = c.fs.readFile(path)!
    expect(reopened).toContain('#\n# replicasets.apps "frontend" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps/v1\n')
    c.fs.writeFile(path, reopened.replace('replicas: -1', 'replicas: 3'))
    expect(await run.done).toMatchObject({ code: 0, out: 'replicaset.apps/frontend edited\n' })
    await c.advance('30s')
    c.expectPods('app=frontend', { total: 3 })
  })

  it('saving the same invalid text again gives up as kubectl does', async () => {
    const c = new TestCluster({ seed: 15, files })
    await c.sh('kubectl apply -f rs.yaml').advance('5s')
    const run = start(c, 'kubectl edit rs/frontend')
    await settle()
    const path = c.fs.readdir('/tmp')!.map((n) => `/tmp/${n}`).find((p) => p.includes('kubectl-edit-'))!
    c.fs.writeFile(path, c.fs.readFile(path)!.replace('replicas: 2', 'replicas: -1'))
    await settle()
    c.fs.writeFile(path, c.fs.readFile(path)!)
    const r = await run.done
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/\nerror: Edit cancelled, no valid changes were saved\.\n$/)
    expect((await c.run("kubectl get rs frontend -o jsonpath='{.spec.replicas}'")).stdout).toBe('2')
  })
})
