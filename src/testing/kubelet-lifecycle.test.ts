// The kubelet's pod lifecycle through kubectl, with a made-up registry and scripted processes so
// each story pins the kubelet's own words (the image library and real processes have their own
// scenarios): pull failures and their back-off, exit codes under each restart policy, StartError,
// OOMKilled, init container failures, configuration and mount problems, graceful termination.
import { describe, it, expect } from 'vitest'
import { TestCluster } from './TestCluster'
import { catalogResolution } from '../engine/kubelet/imagestore'
import { spawnFromBehaviour } from '../engine/kubelet/behaviour'
import type { ImageResolution } from '../engine/images/types'
import type { ContainerProcess, ProcessExit, SpawnOptions } from '../engine/kubelet/process/types'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

/** A registry: `:0.2` and `:1.999` tags do not exist, `foo` is no repository, quay.io wants a login. */
function resolveImage(image: string): ImageResolution {
  if (/:(0\.2|1\.999)$/.test(image)) return { ...(catalogResolution(image) as Loose), kind: 'manifest-unknown' }
  if (/^foo(:|$)/.test(image)) return { kind: 'denied' }
  if (image.startsWith('quay.io/')) return { kind: 'unauthorized' }
  return catalogResolution(image)
}

/**
 * Scripted PID 1s: `exit N [ms]` exits N after ms (default 1 s); `oom` is OOM-killed after 2 s;
 * `nosuch` cannot start; `write` logs `9`…`1`; anything else follows the catalog's stand-in.
 */
function spawn(o: SpawnOptions): ContainerProcess {
  const argv = o.container.command ?? []
  const script = (exitCode: number, reason: ProcessExit['reason'], ms: number, message?: string): ContainerProcess => {
    const base = spawnFromBehaviour({ ...o, container: { ...o.container, command: ['sleep', 'infinity'] } })
    let resolve!: (e: ProcessExit) => void
    const exited = new Promise<ProcessExit>((r) => { resolve = r })
    let done = false
    const end = (e: ProcessExit) => { if (!done) { done = true; resolve(e) } }
    o.clock.after(ms, () => end({ exitCode, reason, atMs: o.clock.now(), message }))
    return { ...base, exited, term: () => {}, kill: () => end({ exitCode: 137, reason: 'Error', atMs: o.clock.now() }) }
  }
  if (argv[0] === 'exit') return script(Number(argv[1]), Number(argv[1]) === 0 ? 'Completed' : 'Error', Number(argv[2] ?? 1000))
  if (argv[0] === 'oom') return script(137, 'OOMKilled', 2000)
  if (argv[0] === 'nosuch') return script(128, 'StartError', 0, 'exec: "nosuch": executable file not found in $PATH')
  if (argv[0] === 'countdown') {
    for (const n of [9, 8, 7, 6, 5, 4, 3, 2, 1]) o.log.write('stdout', `${n}\n`)
    return script(0, 'Completed', 10)
  }
  return spawnFromBehaviour(o)
}

const POD = (name: string, containers: Loose[], spec: Loose = {}) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers, ...spec } })

function cluster(seed: number, manifest?: string): TestCluster {
  return new TestCluster({ seed, kubelet: { resolveImage, spawn }, files: manifest ? [{ path: '/home/learner/pod.json', content: manifest }] : [] })
}

/** Each new waiting state of the first container, as a watch sees them. */
function waitingStates(c: TestCluster): Loose[] {
  const seen: Loose[] = []
  c.api.watch('pods', { namespace: 'default' }, (ev: Loose) => {
    const w = ev.object.status?.containerStatuses?.[0]?.state?.waiting
    if (w && JSON.stringify(w) !== JSON.stringify(seen[seen.length - 1])) seen.push(w)
  })
  return seen
}

/** Each new STATUS-relevant reason of the first container (waiting or terminated). */
function reasons(c: TestCluster, init = false): string[] {
  const seen: string[] = []
  c.api.watch('pods', { namespace: 'default' }, (ev: Loose) => {
    const st = (init ? ev.object.status?.initContainerStatuses : ev.object.status?.containerStatuses)?.[0]?.state
    const r = st?.waiting?.reason ?? st?.terminated?.reason ?? (st?.running ? 'Running' : undefined)
    if (r && r !== seen[seen.length - 1]) seen.push(r)
  })
  return seen
}

const row = async (c: TestCluster, name: string) => ((await c.run(`kubectl get pod ${name} --no-headers`)).stdout.trim().split(/\s{2,}/))
const status = (c: TestCluster, name: string): Loose => c.api.get('pods', 'default', name).status
const events = async (c: TestCluster, name: string) => (await c.run(`kubectl describe pod ${name}`)).stdout.split('Events:')[1] ?? ''

describe('pulling images', () => {
  it('a tag that does not exist: ErrImagePull, then ImagePullBackOff with back-off; fixing the tag runs the pod', async () => {
    const c = cluster(41)
    const seen = waitingStates(c)
    await c.sh('kubectl run web --image=kovtalex/simple-web:0.2').advance('5s')
    expect(seen.slice(0, 3)).toEqual([
      { reason: 'ContainerCreating' },
      { reason: 'ErrImagePull', message: 'rpc error: code = Unknown desc = Error response from daemon: manifest for kovtalex/simple-web:0.2 not found: manifest unknown: manifest unknown' },
      { reason: 'ImagePullBackOff', message: 'Back-off pulling image "kovtalex/simple-web:0.2"' },
    ])
    expect((await row(c, 'web'))[2]).toBe('ImagePullBackOff')
    expect(status(c, 'web').containerStatuses[0].state.waiting).toEqual({ reason: 'ImagePullBackOff', message: 'Back-off pulling image "kovtalex/simple-web:0.2"' })
    await c.advance('15s')
    const ev = await events(c, 'web')
    expect(ev).toContain('Failed to pull image "kovtalex/simple-web:0.2": rpc error: code = Unknown desc = Error response from daemon: manifest for kovtalex/simple-web:0.2 not found: manifest unknown: manifest unknown')
    expect(ev).toMatch(/Warning +Failed +.+ +kubelet +Error: ErrImagePull/)
    expect(ev).toMatch(/Normal +BackOff +.+ +kubelet +Back-off pulling image "kovtalex\/simple-web:0.2"/)
    expect(ev).toMatch(/Warning +Failed +.+ +kubelet +Error: ImagePullBackOff/)
    expect(ev).toMatch(/Normal +Pulling +\d+s \(x2 over \d+s\) +kubelet +Pulling image "kovtalex\/simple-web:0.2"/)
    // The fix: a tag that exists is pulled at once, not after the back-off.
    await c.sh('kubectl set image pod/web web=kovtalex/simple-web:0.1').advance('5s')
    expect(await row(c, 'web')).toEqual(['web', '1/1', 'Running', '0', '25s'])
  })

  it('back-off doubles from 10 s: five pulls in the first two minutes', async () => {
    const c = cluster(42)
    await c.sh('kubectl run web --image=nginx:1.999').advance('120s')
    const pulls = c.api.list('events', { namespace: 'default' }).items.find((e: Loose) => e.reason === 'Pulling') as Loose
    // Pulls at ~0 s, then after 10, 20, 40 s of back-off (each seen by a 10–15 s resync): 4 or 5.
    expect(pulls.count).toBeGreaterThanOrEqual(4)
    expect(pulls.count).toBeLessThanOrEqual(5)
  })

  it('a repository that does not exist, and a private registry', async () => {
    const c = cluster(43)
    await c.sh('kubectl run a --image=foo').sh('kubectl run b --image=quay.io/example/web:1.0').advance('5s')
    expect(await events(c, 'a')).toContain(`Failed to pull image "foo": rpc error: code = Unknown desc = Error response from daemon: pull access denied for foo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`)
    expect(await events(c, 'b')).toContain('Failed to pull image "quay.io/example/web:1.0": rpc error: code = Unknown desc = Error response from daemon: unauthorized: access to the requested resource is not authorized')
  })

  it('imagePullPolicy Never with an image the node does not have: ErrImageNeverPull', async () => {
    const c = cluster(44, POD('never', [{ name: 'never', image: 'nginx:1.25', imagePullPolicy: 'Never' }]))
    await c.sh('kubectl apply -f pod.json').advance('5s')
    expect((await row(c, 'never'))[2]).toBe('ErrImageNeverPull')
    expect(status(c, 'never').containerStatuses[0].state.waiting.message).toBe('Container image "nginx:1.25" is not present with pull policy of Never')
    expect(await events(c, 'never')).toMatch(/Warning +ErrImageNeverPull +\S+ +kubelet +Container image "nginx:1.25" is not present with pull policy of Never/)
  })
})

describe('exits and restart policies', () => {
  it('exit 3 under Always: Error, then CrashLoopBackOff with lastState', async () => {
    const c = cluster(45, POD('bad', [{ name: 'bad', image: 'busybox:1.36', command: ['exit', '3'] }]))
    const seen = reasons(c)
    await c.sh('kubectl apply -f pod.json').advance('14s')
    // The first exit restarts at once; the second waits 10 s.
    expect(seen).toEqual(['ContainerCreating', 'Running', 'Error', 'Running', 'CrashLoopBackOff'])
    const r = await row(c, 'bad')
    expect(r[2]).toBe('CrashLoopBackOff')
    const cs = status(c, 'bad').containerStatuses[0]
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 3, reason: 'Error' })
    expect(cs.restartCount).toBeGreaterThanOrEqual(1)
  })

  it('exit 0 under OnFailure is Completed; exit 1 under Never is Error and the pod Failed', async () => {
    const c = cluster(46)
    c.fs.writeFile('/home/learner/a.json', POD('ok', [{ name: 'ok', image: 'busybox:1.36', command: ['exit', '0'] }], { restartPolicy: 'OnFailure' }))
    c.fs.writeFile('/home/learner/b.json', POD('no', [{ name: 'no', image: 'busybox:1.36', command: ['exit', '1'] }], { restartPolicy: 'Never' }))
    await c.sh('kubectl apply -f a.json').sh('kubectl apply -f b.json').advance('30s')
    expect((await row(c, 'ok')).slice(1, 4)).toEqual(['0/1', 'Completed', '0'])
    expect((await row(c, 'no')).slice(1, 4)).toEqual(['0/1', 'Error', '0'])
    expect(status(c, 'ok').phase).toBe('Succeeded')
    expect(status(c, 'no').phase).toBe('Failed')
  })

  it('a command that cannot start: StartError 128 with the runtime message', async () => {
    const c = cluster(47, POD('nc', [{ name: 'nc', image: 'busybox:1.36', command: ['nosuch'] }], { restartPolicy: 'Never' }))
    await c.sh('kubectl apply -f pod.json').advance('5s')
    const t = status(c, 'nc').containerStatuses[0].state.terminated
    expect(t).toMatchObject({ exitCode: 128, reason: 'StartError' })
    expect(t.message).toBe('failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "nosuch": executable file not found in $PATH: unknown')
    expect(await events(c, 'nc')).toContain('Error: failed to create containerd task: failed to create shim task: OCI runtime create failed')
    expect((await row(c, 'nc'))[2]).toBe('StartError')
  })

  it('over its memory limit: OOMKilled (137)', async () => {
    const c = cluster(48, POD('mem', [{ name: 'mem', image: 'polinux/stress', command: ['oom'] }], { restartPolicy: 'Never' }))
    await c.sh('kubectl apply -f pod.json').advance('10s')
    expect((await row(c, 'mem'))[2]).toBe('OOMKilled')
    expect(status(c, 'mem').containerStatuses[0].state.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' })
  })
})

describe('init containers', () => {
  const init = (restartPolicy: string) => POD('app', [{ name: 'web', image: 'nginx:1.25' }], {
    restartPolicy, initContainers: [{ name: 'setup', image: 'busybox:1.36', command: ['exit', '1'] }, { name: 'two', image: 'busybox:1.36', command: ['exit', '0'] }],
  })

  it('shows Init:0/2 while the first runs, then Init:Error; under Never the pod Failed', async () => {
    const c = cluster(49, init('Never'))
    await c.sh('kubectl apply -f pod.json').advance('1500ms')
    expect((await row(c, 'app'))[2]).toBe('Init:0/2')
    await c.advance('10s')
    expect((await row(c, 'app'))[2]).toBe('Init:Error')
    expect(status(c, 'app').phase).toBe('Failed')
  })

  it('under Always the failing init container backs off: Init:CrashLoopBackOff', async () => {
    const c = cluster(50, init('Always'))
    await c.sh('kubectl apply -f pod.json').advance('20s')
    expect((await row(c, 'app'))[2]).toBe('Init:CrashLoopBackOff')
    expect(status(c, 'app').phase).toBe('Pending')
  })
})

describe('configuration and volumes', () => {
  it('an env var from a missing ConfigMap: CreateContainerConfigError until it exists', async () => {
    const c = cluster(51, POD('cfg', [{ name: 'cfg', image: 'nginx:1.25', env: [{ name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'colors', key: 'color' } } }] }]))
    await c.sh('kubectl apply -f pod.json').advance('5s')
    expect((await row(c, 'cfg'))[2]).toBe('CreateContainerConfigError')
    expect(status(c, 'cfg').containerStatuses[0].state.waiting).toEqual({ reason: 'CreateContainerConfigError', message: 'configmap "colors" not found' })
    expect(await events(c, 'cfg')).toMatch(/Warning +Failed +.+ +kubelet +Error: configmap "colors" not found/)
    await c.sh('kubectl create configmap colors --from-literal=color=blue').advance('20s')
    expect((await row(c, 'cfg'))[1]).toBe('1/1')
  })

  it('a configMap volume that does not exist: ContainerCreating without an IP, FailedMount retried', async () => {
    const c = cluster(52, POD('vol', [{ name: 'vol', image: 'nginx:1.25', volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }] }], { volumes: [{ name: 'cfg', configMap: { name: 'app-config' } }] }))
    await c.sh('kubectl apply -f pod.json').advance('20s')
    expect((await row(c, 'vol'))[2]).toBe('ContainerCreating')
    expect(status(c, 'vol').podIP).toBeUndefined()
    expect(await events(c, 'vol')).toMatch(/Warning +FailedMount +\S+ \(x\d+ over \d+s\) +kubelet +MountVolume.SetUp failed for volume "cfg" : configmap "app-config" not found/)
    await c.sh('kubectl create configmap app-config --from-literal=a=b').advance('40s')
    expect((await row(c, 'vol'))[1]).toBe('1/1')
  })
})

describe('logs and termination', () => {
  it('a countdown pod under Never logs 9 … 1 and Completes', async () => {
    const c = cluster(53, POD('countdown', [{ name: 'countdown', image: 'busybox:1.36', command: ['countdown'] }], { restartPolicy: 'Never' }))
    await c.sh('kubectl apply -f pod.json').advance('10s')
    expect((await row(c, 'countdown'))[2]).toBe('Completed')
    const pod = c.api.get('pods', 'default', 'countdown')
    expect(c.cluster.kubelets[0].logs.read(pod.metadata.uid!, 'countdown', {}, c.cluster.clock.now())).toBe('9\n8\n7\n6\n5\n4\n3\n2\n1\n')
  })

  it('deleting: a program that honours SIGTERM goes fast, a shell PID 1 waits the grace period (137)', async () => {
    const c = cluster(54)
    await c.sh('kubectl run web --image=nginx:1.25').sh('kubectl run sleeper --image=busybox:1.36 -- sleep 3600').advance('10s')
    const t0 = c.cluster.clock.now()
    const gone: Record<string, number> = {}
    const finals: Record<string, Loose> = {}
    c.api.watch('pods', { namespace: 'default' }, (ev: Loose) => {
      if (ev.type === 'MODIFIED') finals[ev.object.metadata.name] = ev.object.status.containerStatuses[0].state
      if (ev.type === 'DELETED') gone[ev.object.metadata.name] = c.cluster.clock.now() - t0
    })
    await c.sh('kubectl delete pod web sleeper --wait=false').advance('40s')
    expect(gone.web).toBeLessThan(1000)
    expect(gone.sleeper).toBeGreaterThanOrEqual(30_000)
    expect(gone.sleeper).toBeLessThan(31_000)
    expect(finals.sleeper.terminated).toMatchObject({ exitCode: 137, reason: 'Error' })
  })
})
