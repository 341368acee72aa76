// The Kubernetes documentation's Deployment walkthrough (concepts/workloads/controllers/deployment)
// as a golden trace: nginx-deployment, 3 replicas, the default strategy (25% / 25%), then
// `kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1`. The page's describe output
// lists the ScalingReplicaSet events new→1, old→2, new→2, old→1, new→3, old→0.
import { describe, it, expect } from 'vitest'
import { TestCluster } from './TestCluster'

const NGINX_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
`
const RS_NAME = /^nginx-deployment-[bcdfghjklmnpqrstvwxz2456789]{1,10}$/

/** The ReplicaSet whose template runs `image`. */
async function rsFor(c: TestCluster, image: string): Promise<string> {
  const out = (await c.run("kubectl get rs -l app=nginx -o jsonpath='{range .items[*]}{.metadata.name} {.spec.template.spec.containers[0].image}{\"\\n\"}{end}'")).stdout
  const name = out.split('\n').find((l) => l.endsWith(` ${image}`))?.split(' ')[0] ?? ''
  expect(name).toMatch(RS_NAME)
  return name
}

/** A table's rows with the AGE / LAST SEEN column (a number of seconds) replaced by `<age>`. */
const maskAges = (rows: string[]) => rows.map((l) => l.replace(/(^| )\d+s(?= )/, '$1<age>'))

describe('the docs\' nginx-deployment: a rolling update as a golden trace', () => {
  it('set image → ScalingReplicaSet events new→1, old→2, new→2, old→1, new→3, old→0 (v1.30 words)', async () => {
    const c = new TestCluster({ seed: 61, files: [{ path: '/home/learner/nginx-deployment.yaml', content: NGINX_DEPLOYMENT }] })
    expect((await c.run('kubectl apply -f nginx-deployment.yaml')).stdout).toBe('deployment.apps/nginx-deployment created\n')
    expect((await c.run('kubectl rollout status deployment/nginx-deployment')).stdout.split('\n').filter(Boolean).at(-1))
      .toBe('deployment "nginx-deployment" successfully rolled out')
    const old = await rsFor(c, 'nginx:1.14.2')

    expect((await c.run('kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1')).stdout).toBe('deployment.apps/nginx-deployment image updated\n')
    const status = await c.run('kubectl rollout status deployment/nginx-deployment')
    // The page's own transcript: "Waiting for rollout to finish: 2 out of 3 new replicas have been updated..."
    expect(status.stdout).toContain('Waiting for deployment "nginx-deployment" rollout to finish: 2 out of 3 new replicas have been updated...\n')
    expect(status.stdout.split('\n').filter(Boolean).at(-1)).toBe('deployment "nginx-deployment" successfully rolled out')
    const neu = await rsFor(c, 'nginx:1.16.1')
    expect(neu).not.toBe(old)

    // `kubectl get rs`: the new ReplicaSet at 3, the old one kept at 0 for rollback.
    const rs = (await c.run('kubectl get rs')).stdout.split('\n').filter(Boolean)
    // NAME is padded to the longest name + 3 spaces, as kubectl's tab writer does.
    expect(rs[0]).toBe(`${'NAME'.padEnd(Math.max(old.length, neu.length) + 3)}DESIRED   CURRENT   READY   AGE`)
    const row = (name: string) => rs.find((l) => l.startsWith(`${name} `))
    expect(row(neu)).toMatch(/ +3 +3 +3 +\d+s$/)
    expect(row(old)).toMatch(/ +0 +0 +0 +\d+s$/)

    // Default strategy on 3 replicas: maxSurge ceil(25% × 3) = 1, maxUnavailable floor(25% × 3) = 0,
    // so at most 4 pods and at least 3 available:
    //   new RS created at 1 (3 + 1 = 4 pods)                    "Scaled up replica set NEW to 1"
    //   a new pod is available: 4 − 3 − 0 = 1 may go → old 3→2   "Scaled down … to 2 from 3"
    //   3 pods again, room for 1 → new 1→2                       "Scaled up … to 2 from 1"
    //   the second new pod available → old 2→1, new 2→3; the third → old 1→0.
    const events = [
      `Normal  ScalingReplicaSet  <age>  deployment-controller  Scaled up replica set ${old} to 3`,
      `Normal  ScalingReplicaSet  <age>  deployment-controller  Scaled up replica set ${neu} to 1`,
      `Normal  ScalingReplicaSet  <age>  deployment-controller  Scaled down replica set ${old} to 2 from 3`,
      `Normal  ScalingReplicaSet  <age>  deployment-controller  Scaled up replica set ${neu} to 2 from 1`,
      `Normal  ScalingReplicaSet  <age>  deployment-controller  Scaled down replica set ${old} to 1 from 2`,
      `Normal  ScalingReplicaSet  <age>  deployment-controller  Scaled up replica set ${neu} to 3 from 2`,
      `Normal  ScalingReplicaSet  <age>  deployment-controller  Scaled down replica set ${old} to 0 from 1`,
    ]
    const describeOut = (await c.run('kubectl describe deployment nginx-deployment')).stdout
    const tail = describeOut.slice(describeOut.indexOf('Events:\n')).split('\n').filter(Boolean)
    expect(tail.slice(0, 3)).toEqual(['Events:', '  Type    Reason             Age   From                   Message', '  ----    ------             ----  ----                   -------'])
    // Columns are padded to the widest cell; squeeze runs of spaces to compare the words and order.
    expect(maskAges(tail.slice(3)).map((l) => l.trim().replace(/ {2,}/g, '  '))).toEqual(events)
    expect(describeOut).toContain(`OldReplicaSets:  <none>\nNewReplicaSet:   ${neu} (3/3 replicas created)\n`)
    expect(describeOut).toContain('RollingUpdateStrategy:  25% max unavailable, 25% max surge\n')

    // The same sequence from `kubectl get events`, the object being the Deployment.
    const ev = (await c.run('kubectl get events --field-selector reason=ScalingReplicaSet')).stdout.split('\n').filter(Boolean)
    expect(ev[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/)
    expect(maskAges(ev.slice(1)).map((l) => l.replace(/ {2,}/g, '  '))).toEqual(
      events.map((e) => `<age>  ${e.replace('  <age>  deployment-controller', '  deployment/nginx-deployment')}`))
    await c.advance('40s') // the last old pod's graceful termination
    c.expectPods('app=nginx', { total: 3, ready: 3, phase: 'Running' })
    expect((await c.run("kubectl get pods -l app=nginx -o jsonpath='{.items[*].spec.containers[0].image}'")).stdout).toBe('nginx:1.16.1 nginx:1.16.1 nginx:1.16.1')
  })
})
