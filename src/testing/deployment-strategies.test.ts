// The course notes' strategy exercises (maxSurge / maxUnavailable on a 3-replica Deployment), told
// through the learner's commands: `kubectl apply -f web.yaml`, edit the image, apply again, watch.
// Upstream's arithmetic (pkg/controller/deployment/util/deployment_util.go, ResolveFenceposts):
//   surge       = ceil(maxSurge% × replicas)       (100% of 3 → 3; 25% of 3 → 1)
//   unavailable = floor(maxUnavailable% × replicas) (100% of 3 → 3; 25% of 3 → 0)
//   the new RS may grow to at most replicas + surge pods in all (NewRSNewReplicas);
//   old RSs may shrink by allPods − (replicas − unavailable) − newRS's unavailable pods.
// A pod "goes" the moment it gets a deletionTimestamp (the ReplicaSet stops counting it), so the
// traces below count live pods: not yet being deleted.
import { describe, it, expect } from 'vitest'
import { TestCluster } from './TestCluster'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

const OLD = 'nginx:1.25'
const NEW = 'nginx:1.26'
const REPLICAS = 3
const FILE = '/home/learner/web.yaml'
/** nginx:1.26 is not on the node yet: sandbox ≈ 0.6 s + pull ≈ 2.6 s, so 2 s after the apply no new pod is ready. */
const BEFORE_NEW_READY = '2s'

function webDeploy(image: string, maxSurge: string | number, maxUnavailable: string | number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${REPLICAS}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: ${maxUnavailable}
      maxSurge: ${maxSurge}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${image}
`
}

const isReady = (p: Loose) => p.status?.conditions?.some((x: Loose) => x.type === 'Ready' && x.status === 'True') === true

interface Counts { old: number; oldReady: number; new: number; newReady: number; terminating: number }

function counts(c: TestCluster): Counts {
  const pods = c.pods('app=web')
  const live = pods.filter((p) => !p.metadata.deletionTimestamp)
  const of = (img: string) => live.filter((p) => p.spec.containers[0].image === img)
  return {
    old: of(OLD).length, oldReady: of(OLD).filter(isReady).length,
    new: of(NEW).length, newReady: of(NEW).filter(isReady).length,
    terminating: pods.length - live.length,
  }
}

/**
 * Watch the pods the way `kubectl get pods -w` would and keep each distinct `old N new M` (live
 * pods by image), plus the extremes over the whole rollout: most live pods, fewest ready ones.
 */
function watchRollout(c: TestCluster) {
  const steps: string[] = []
  let maxLive = 0
  let minReady = Infinity
  const stop = c.api.watch('pods', { namespace: 'default' }, () => {
    const n = counts(c)
    const step = `old ${n.old} new ${n.new}`
    if (steps.at(-1) !== step) steps.push(step)
    maxLive = Math.max(maxLive, n.old + n.new)
    minReady = Math.min(minReady, n.oldReady + n.newReady)
  })
  return { steps, stop, extremes: () => ({ maxLive, minReady }) }
}

/** A Deployment on OLD, rolled out and settled; then the manifest edited to NEW (not applied yet). */
// Returns { c }: the harness is itself awaitable, so an async function cannot return it bare.
async function deployed(seed: number, maxSurge: string | number, maxUnavailable: string | number): Promise<{ c: TestCluster }> {
  const c = new TestCluster({ seed, files: [{ path: FILE, content: webDeploy(OLD, maxSurge, maxUnavailable) }] })
  expect((await c.run('kubectl apply -f web.yaml')).stdout).toBe('deployment.apps/web created\n')
  expect((await c.run('kubectl rollout status deployment/web')).code).toBe(0)
  await c.advance('30s')
  c.expectPods('app=web', { total: 3, ready: 3, phase: 'Running' })
  c.fs.writeFile(FILE, webDeploy(NEW, maxSurge, maxUnavailable))
  return { c }
}

/** The rollout finished: 3 ready new pods, old pods gone, the old ReplicaSet kept at 0 (history). */
async function expectRolledOut(c: TestCluster) {
  const status = await c.run('kubectl rollout status deployment/web')
  expect(status.code).toBe(0)
  expect(status.stdout.split('\n').filter(Boolean).at(-1)).toBe('deployment "web" successfully rolled out')
  await c.advance('40s') // old pods' graceful termination
  expect(counts(c)).toEqual({ old: 0, oldReady: 0, new: 3, newReady: 3, terminating: 0 })
  const rs = await c.run("kubectl get rs -l app=web -o jsonpath='{range .items[*]}{.spec.template.spec.containers[0].image}={.spec.replicas}/{.status.replicas} {end}'")
  expect(rs.stdout.trim().split(' ').sort()).toEqual([`${OLD}=0/0`, `${NEW}=3/3`])
}

/** The Deployment's ScalingReplicaSet events with the ReplicaSet names replaced by OLD / NEW. */
async function scalingEvents(c: TestCluster): Promise<string[]> {
  const names = (await c.run("kubectl get rs -l app=web -o jsonpath='{range .items[*]}{.metadata.name}={.spec.template.spec.containers[0].image}{\"\\n\"}{end}'")).stdout
  const byName = new Map(names.split('\n').filter(Boolean).map((l) => l.split('=') as [string, string]))
  const out = (await c.run('kubectl get events --field-selector reason=ScalingReplicaSet -o jsonpath=\'{range .items[*]}{.message}{"\\n"}{end}\'')).stdout
  return out.split('\n').filter(Boolean).map((m) => m.replace(/replica set (\S+)/, (_, n: string) => `replica set ${byName.get(n) === OLD ? 'OLD' : byName.get(n) === NEW ? 'NEW' : n}`))
}

describe('strategy exercises: 3 replicas, nginx:1.25 → nginx:1.26 by kubectl apply', () => {
  it('maxUnavailable 0, maxSurge 100%: three new pods come up beside the old ones, then the old ones go', async () => {
    const { c } = await deployed(51, '100%', 0)
    const w = watchRollout(c)
    expect((await c.run('kubectl apply -f web.yaml')).stdout).toBe('deployment.apps/web configured\n')
    // surge ceil(100% × 3) = 3 → the new RS is created at 3 at once (6 pods in all);
    // unavailable floor(0% × 3) = 0 → old pods stay until new ones are available.
    expect(counts(c)).toMatchObject({ old: 3, oldReady: 3, new: 3, newReady: 0 })
    await c.advance(BEFORE_NEW_READY)
    expect(counts(c)).toMatchObject({ old: 3, oldReady: 3, new: 3, newReady: 0 })
    await expectRolledOut(c)
    w.stop()
    // Each new pod that becomes available lets one old pod go: with 6 pods, 3 − 0 = 3 must stay
    // available, so available 3 + k new → k old may go. The new pods get ready tens of ms apart
    // (one image pull, then each its own create/start jitter): one scale-down per pod.
    expect(w.steps).toEqual(['old 3 new 0', 'old 3 new 1', 'old 3 new 2', 'old 3 new 3', 'old 2 new 3', 'old 1 new 3', 'old 0 new 3'])
    expect(w.extremes()).toEqual({ maxLive: 6, minReady: 3 })
    expect(await scalingEvents(c)).toEqual([
      'Scaled up replica set OLD to 3', // the first rollout
      'Scaled up replica set NEW to 3',
      'Scaled down replica set OLD to 2 from 3',
      'Scaled down replica set OLD to 1 from 2',
      'Scaled down replica set OLD to 0 from 1',
    ])
  })

  it('maxUnavailable 100%, maxSurge 0: all old pods go, then the new ones come', async () => {
    const { c } = await deployed(52, 0, '100%')
    const w = watchRollout(c)
    expect((await c.run('kubectl apply -f web.yaml')).stdout).toBe('deployment.apps/web configured\n')
    // surge 0 → the new RS is created at 0 (no room: 3 pods already, at most 3 + 0);
    // unavailable floor(100% × 3) = 3 → minAvailable 0: the old RS drops 3 → 0 at once;
    // the next sync counts 0 pods, so the new RS grows 0 → 3.
    expect(counts(c)).toMatchObject({ old: 0, new: 3, newReady: 0 })
    await c.advance(BEFORE_NEW_READY)
    expect(counts(c)).toMatchObject({ old: 0, new: 3, newReady: 0 }) // nothing serves for a while
    await expectRolledOut(c)
    w.stop()
    expect(w.steps).toEqual(['old 3 new 0', 'old 2 new 0', 'old 1 new 0', 'old 0 new 0', 'old 0 new 1', 'old 0 new 2', 'old 0 new 3'])
    expect(w.extremes()).toEqual({ maxLive: 3, minReady: 0 })
    expect(await scalingEvents(c)).toEqual([
      'Scaled up replica set OLD to 3', // the first rollout
      'Scaled down replica set OLD to 0 from 3',
      'Scaled up replica set NEW to 3 from 0',
    ])
  })

  it('maxUnavailable 100%, maxSurge 100%: the fastest — new RS at 3 and old RS at 0 in the same instant', async () => {
    const { c } = await deployed(53, '100%', '100%')
    const w = watchRollout(c)
    expect((await c.run('kubectl apply -f web.yaml')).stdout).toBe('deployment.apps/web configured\n')
    // surge 3 → the new RS is created at 3 (6 pods); unavailable 3 → minAvailable 0, and
    // maxScaledDown = 6 − 0 − 3 unavailable new = 3 → the old RS drops to 0 in the next sync.
    expect(counts(c)).toMatchObject({ old: 0, new: 3, newReady: 0 })
    await expectRolledOut(c)
    w.stop()
    // The new RS's three pods are created first (scale up comes before scale down in a sync),
    // then all three old pods go before any new one is ready: nothing serves for a moment.
    expect(w.steps).toEqual(['old 3 new 0', 'old 3 new 1', 'old 3 new 2', 'old 3 new 3', 'old 2 new 3', 'old 1 new 3', 'old 0 new 3'])
    expect(w.extremes()).toEqual({ maxLive: 6, minReady: 0 })
    expect(await scalingEvents(c)).toEqual([
      'Scaled up replica set OLD to 3', // the first rollout
      'Scaled up replica set NEW to 3',
      'Scaled down replica set OLD to 0 from 3',
    ])
  })

  it('maxUnavailable 0, maxSurge 0 is refused by kubectl apply with upstream\'s message; the Deployment is unchanged', async () => {
    const { c } = await deployed(54, '25%', '25%')
    c.fs.writeFile(FILE, webDeploy(NEW, 0, 0))
    const r = await c.run('kubectl apply -f web.yaml')
    // ValidateRollingUpdateDeployment; the value is Go's %#v of the *IntOrString, as the course notes show.
    expect(r).toMatchObject({
      code: 1, stdout: '',
      stderr: 'The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0\n',
    })
    // "0%" is zero too; the message names maxUnavailable's own value (here the int 0).
    c.fs.writeFile(FILE, webDeploy(NEW, '0%', 0))
    expect((await c.run('kubectl apply -f web.yaml')).stderr).toBe('The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0\n')
    expect((await c.run("kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image} {.spec.strategy.rollingUpdate}'")).stdout)
      .toBe(`${OLD} {"maxSurge":"25%","maxUnavailable":"25%"}`)
    await c.advance('10s')
    expect(counts(c)).toEqual({ old: 3, oldReady: 3, new: 0, newReady: 0, terminating: 0 })
  })

  it('maxUnavailable 0, maxSurge 0 is refused on create too: nothing is stored', async () => {
    const c = new TestCluster({ seed: 57, files: [{ path: FILE, content: webDeploy(OLD, 0, 0) }] })
    expect(await c.run('kubectl apply -f web.yaml')).toMatchObject({
      code: 1, stdout: '',
      stderr: 'The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0\n',
    })
    expect((await c.run('kubectl get deploy,rs,pods')).stderr).toBe('No resources found in default namespace.\n')
  })

  it('maxSurge 3, maxUnavailable 0 (blue-green analogue): three new pods, six at the peak, then the three old ones go', async () => {
    const { c } = await deployed(55, 3, 0)
    const w = watchRollout(c)
    expect((await c.run('kubectl apply -f web.yaml')).stdout).toBe('deployment.apps/web configured\n')
    // surge 3 (an integer, no rounding) → new RS at 3, 3 + 3 = 6 pods; unavailable 0 → minAvailable 3.
    expect(counts(c)).toMatchObject({ old: 3, oldReady: 3, new: 3, newReady: 0 })
    await c.advance(BEFORE_NEW_READY)
    const get = await c.run('kubectl get pods --no-headers')
    expect(get.stdout.split('\n').filter(Boolean)).toHaveLength(6)
    expect(get.stdout.match(/ 1\/1 +Running /g)).toHaveLength(3) // blue still serves
    expect(get.stdout.match(/ 0\/1 +ContainerCreating /g)).toHaveLength(3) // green is coming up
    // What the Deployment says at the peak: READY counts ready pods of every RS against spec.replicas;
    // status.replicas (total) is 6, and 6 − 3 available = 3 unavailable.
    expect((await c.run('kubectl get deploy web --no-headers')).stdout).toMatch(/^web +3\/3 +3 +3 +\d+s\n$/)
    const d = (await c.run('kubectl describe deployment web')).stdout
    expect(d).toContain('Replicas:               3 desired | 3 updated | 6 total | 3 available | 3 unavailable\n')
    expect(d).toContain('RollingUpdateStrategy:  0 max unavailable, 3 max surge\n')
    expect(d).toMatch(/\nOldReplicaSets:  web-\w+ \(3\/3 replicas created\)\nNewReplicaSet:   web-\w+ \(3\/3 replicas created\)\n/)
    expect((await c.run('kubectl rollout status deployment/web --watch=false')).stdout)
      .toBe('Waiting for deployment "web" rollout to finish: 3 old replicas are pending termination...\n')
    await expectRolledOut(c)
    w.stop()
    expect(w.steps).toEqual(['old 3 new 0', 'old 3 new 1', 'old 3 new 2', 'old 3 new 3', 'old 2 new 3', 'old 1 new 3', 'old 0 new 3'])
    expect(w.extremes()).toEqual({ maxLive: 6, minReady: 3 })
  })

  it('maxSurge 1, maxUnavailable 1 (reverse rolling update): one old pod goes as one new comes, never fewer than 2 ready', async () => {
    const { c } = await deployed(56, 1, 1)
    const w = watchRollout(c)
    expect((await c.run('kubectl apply -f web.yaml')).stdout).toBe('deployment.apps/web configured\n')
    // surge 1 → new RS created at 1 (3 + 1 = 4 pods); unavailable 1 → minAvailable 2:
    //   old: maxScaledDown = 4 − 2 − 1 unavailable new = 1 → old 3 → 2;
    //   new: 4 − (2 + 1) = 1 more → new 1 → 2; then 4 − 2 − 2 = 0: wait for a new pod.
    expect(counts(c)).toMatchObject({ old: 2, oldReady: 2, new: 2, newReady: 0 })
    await c.advance(BEFORE_NEW_READY)
    expect(counts(c)).toMatchObject({ old: 2, oldReady: 2, new: 2, newReady: 0 })
    // Each new pod available: old −1 (available 3 > minAvailable 2), then new +1 (back to 4 pods).
    await expectRolledOut(c)
    w.stop()
    expect(w.extremes().minReady).toBe(2)
    expect(w.extremes().maxLive).toBeLessThanOrEqual(4)
    expect(await scalingEvents(c)).toEqual([
      'Scaled up replica set OLD to 3', // the first rollout
      'Scaled up replica set NEW to 1',
      'Scaled down replica set OLD to 2 from 3',
      'Scaled up replica set NEW to 2 from 1',
      'Scaled down replica set OLD to 1 from 2',
      'Scaled up replica set NEW to 3 from 2',
      'Scaled down replica set OLD to 0 from 1',
    ])
    // What the learner saw in `kubectl get pods -w`: a new pod Pending, an old one Terminating, …
    expect(w.steps).toEqual(['old 3 new 0', 'old 3 new 1', 'old 2 new 1', 'old 2 new 2', 'old 1 new 2', 'old 1 new 3', 'old 0 new 3'])
  })
})
