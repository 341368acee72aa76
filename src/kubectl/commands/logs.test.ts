import { describe, it, expect } from 'vitest'
import type { PodLogOptions } from '../../api/client'
import { badRequest } from '../../api/errors'
import { FakeApi } from '../testing/fakeApi'
import { TestSignal, kubectl, newFs, startKubectl } from '../testing/harness'

type Loose = any // eslint-disable-line @typescript-eslint/no-explicit-any

interface Call { pod: string; opts: PodLogOptions }

/** A cluster whose pods/log answers `<pod>/<container> line N` lines, recording each request. */
function cluster(): { api: FakeApi; calls: Call[] } {
  const api = new FakeApi()
  const calls: Call[] = []
  api.subresources.podLogs = async (_ns, pod, opts, out) => {
    calls.push({ pod, opts })
    if (pod === 'waiting') throw badRequest(`container "${opts.container}" in pod "waiting" is waiting to start: ContainerCreating`)
    out.write(`${pod}/${opts.container} line 1\n${pod}/${opts.container} line 2\n`)
  }
  const pod = (name: string, spec: Loose, extra: Loose = {}) => api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'web' }, ...extra.metadata }, spec: { nodeName: 'minikube', ...spec }, status: extra.status })
  pod('solo', { containers: [{ name: 'solo', image: 'nginx' }] }, { metadata: { labels: { app: 'solo' } } })
  pod('web-a', { containers: [{ name: 'web', image: 'nginx' }, { name: 'sidecar', image: 'busybox' }], initContainers: [{ name: 'init-web', image: 'busybox' }] },
    { metadata: { creationTimestamp: '2026-01-01T00:00:00Z' }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:10Z' }] } })
  pod('web-b', { containers: [{ name: 'web', image: 'nginx' }, { name: 'sidecar', image: 'busybox' }] }, { status: { phase: 'Pending' } })
  pod('annotated', { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'nginx' }] }, { metadata: { labels: {}, annotations: { 'kubectl.kubernetes.io/default-container': 'b' } } })
  pod('waiting', { containers: [{ name: 'web', image: 'nginx' }] }, { metadata: { labels: {} } })
  api.create('deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, template: {} } })
  api.create('deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'empty', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'none' } }, template: {} } })
  api.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' } })
  return { api, calls }
}

describe('kubectl logs', () => {
  it('prints a one-container pod\'s log with nothing on stderr', async () => {
    const { api, calls } = cluster()
    expect(await kubectl(api, newFs(), 'logs solo')).toEqual({ code: 0, out: 'solo/solo line 1\nsolo/solo line 2\n', err: '' })
    expect(calls).toEqual([{ pod: 'solo', opts: { container: 'solo' } }])
  })

  it('defaults the container of a multi-container pod with kubectl\'s note, honouring the annotation', async () => {
    const { api } = cluster()
    expect(await kubectl(api, newFs(), 'logs web-a')).toEqual({ code: 0, out: 'web-a/web line 1\nweb-a/web line 2\n', err: 'Defaulted container "web" out of: web, sidecar, init-web (init)\n' })
    expect(await kubectl(api, newFs(), 'logs annotated')).toEqual({ code: 0, out: 'annotated/b line 1\nannotated/b line 2\n', err: '' })
    expect((await kubectl(api, newFs(), 'logs web-a -c sidecar')).err).toBe('')
    expect((await kubectl(api, newFs(), 'logs web-a sidecar')).out).toBe('web-a/sidecar line 1\nweb-a/sidecar line 2\n')
  })

  it('--all-containers reads init containers first; --prefix names each line\'s source', async () => {
    const { api } = cluster()
    const r = await kubectl(api, newFs(), 'logs web-a --all-containers --prefix')
    expect(r.out).toBe([
      '[pod/web-a/init-web] web-a/init-web line 1', '[pod/web-a/init-web] web-a/init-web line 2',
      '[pod/web-a/web] web-a/web line 1', '[pod/web-a/web] web-a/web line 2',
      '[pod/web-a/sidecar] web-a/sidecar line 1', '[pod/web-a/sidecar] web-a/sidecar line 2', '',
    ].join('\n'))
    expect(r.err).toBe('')
  })

  it('sends --tail, --since (rounded to seconds), --since-time, --timestamps, -p and --limit-bytes', async () => {
    const { api, calls } = cluster()
    await kubectl(api, newFs(), 'logs solo --tail=3 --since=1m30.6s --timestamps -p --limit-bytes=100')
    expect(calls[0].opts).toEqual({ container: 'solo', tailLines: 3, sinceSeconds: 91, timestamps: true, previous: true, limitBytes: 100 })
    await kubectl(api, newFs(), 'logs solo --since-time=2026-01-01T00:00:05Z')
    expect(calls[1].opts).toEqual({ container: 'solo', sinceTime: '2026-01-01T00:00:05Z' })
  })

  it('-l reads every matching pod with a tail of 10 unless --tail says otherwise', async () => {
    const { api, calls } = cluster()
    const r = await kubectl(api, newFs(), 'logs -l app=web -c web')
    expect(r.out).toBe('web-a/web line 1\nweb-a/web line 2\nweb-b/web line 1\nweb-b/web line 2\n')
    expect(calls.map((c) => c.opts.tailLines)).toEqual([10, 10])
    await kubectl(api, newFs(), 'logs -l app=web -c web --tail=-1')
    expect(calls[2].opts.tailLines).toBeUndefined()
    expect(await kubectl(api, newFs(), 'logs -l app=nothing')).toEqual({ code: 0, out: '', err: 'No resources found in default namespace.\n' })
  })

  it('deploy/x reads the best of its pods and says how many there were', async () => {
    const { api, calls } = cluster()
    const r = await kubectl(api, newFs(), 'logs deploy/web -c web')
    expect(r).toEqual({ code: 0, out: 'web-a/web line 1\nweb-a/web line 2\n', err: 'Found 2 pods, using pod/web-a\n' })
    expect(calls[0].pod).toBe('web-a')
    expect((await kubectl(api, newFs(), 'logs deployment/web -c web')).code).toBe(0)
    expect(await kubectl(api, newFs(), 'logs deploy/empty --pod-running-timeout=2s')).toEqual({ code: 1, out: '', err: 'error: timed out waiting for the condition\n' })
    expect(await kubectl(api, newFs(), 'logs configmap/cfg')).toEqual({ code: 1, out: '', err: 'error: cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n' })
  })

  it('-f follows until Ctrl-C; several streams follow at once up to --max-log-requests', async () => {
    const { api, calls } = cluster()
    let release: (() => void) | undefined
    api.subresources.podLogs = async (_ns, pod, opts, out, signal) => {
      calls.push({ pod, opts })
      out.write(`${pod} start\n`)
      await new Promise<void>((res) => { release = res; signal.onAbort(res) })
    }
    const signal = new TestSignal()
    const run = startKubectl(api, newFs(), 'logs -f solo', { signal })
    await Promise.resolve()
    expect(run.result.out).toBe('solo start\n')
    signal.abort()
    expect((await run.done).code).toBe(130)
    expect(calls[0].opts.follow).toBe(true)
    expect(release).toBeDefined()
    expect(await kubectl(api, newFs(), 'logs -f -l app=web --all-containers --max-log-requests=2')).toEqual({ code: 1, out: '', err: 'error: you are attempting to follow 5 log streams, but maximum allowed concurrency is 2, use --max-log-requests to increase the limit\n' })
    const both = new TestSignal()
    const par = startKubectl(api, newFs(), 'logs -f -l app=web -c web --prefix', { signal: both })
    for (let i = 0; i < 10; i++) await Promise.resolve()
    both.abort()
    const done = await par.done
    expect(done.out.split('\n').filter(Boolean).sort()).toEqual(['[pod/web-a/web] web-a start', '[pod/web-b/web] web-b start'])
  })

  it('following several streams, the first error stops them all unless --ignore-errors', async () => {
    const { api } = cluster()
    api.subresources.podLogs = async (_ns, pod, opts, out, signal) => {
      if (pod === 'web-b') throw badRequest(`container "${opts.container}" in pod "web-b" is waiting to start: ContainerCreating`)
      out.write(`${pod} start\n`)
      await new Promise<void>((res) => { signal.onAbort(res) })
    }
    const r = await kubectl(api, newFs(), 'logs -f -l app=web -c web')
    expect(r).toEqual({ code: 1, out: 'web-a start\n', err: 'Error from server (BadRequest): container "web" in pod "web-b" is waiting to start: ContainerCreating\n' })
    const signal = new TestSignal()
    const run = startKubectl(api, newFs(), 'logs -f -l app=web -c web --ignore-errors', { signal })
    for (let i = 0; i < 10; i++) await Promise.resolve()
    signal.abort()
    const done = await run.done
    expect(done.out.split('\n').filter(Boolean).sort()).toEqual(['error: container "web" in pod "web-b" is waiting to start: ContainerCreating', 'web-a start'])
    expect(done.code).toBe(130)
  })

  it('learner mistakes in kubectl\'s words, before any log is read', async () => {
    const { api, calls } = cluster()
    expect(await kubectl(api, newFs(), 'logs nope')).toEqual({ code: 1, out: '', err: 'Error from server (NotFound): pods "nope" not found\n' })
    expect(await kubectl(api, newFs(), 'logs web-a -c nope')).toEqual({ code: 1, out: '', err: 'error: container nope is not valid for pod web-a\n' })
    expect(await kubectl(api, newFs(), 'logs')).toEqual({ code: 1, out: '', err: "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n" })
    expect((await kubectl(api, newFs(), 'logs solo -l app=x')).err).toBe("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n")
    expect((await kubectl(api, newFs(), 'logs solo --since=5x')).err).toBe('error: invalid argument "5x" for "--since" flag: time: unknown unit "x" in duration "5x"\nSee \'kubectl logs --help\' for usage.\n')
    expect((await kubectl(api, newFs(), 'logs solo --since=5')).err).toBe('error: invalid argument "5" for "--since" flag: time: missing unit in duration "5"\nSee \'kubectl logs --help\' for usage.\n')
    expect((await kubectl(api, newFs(), 'logs solo --since=soon')).err).toBe('error: invalid argument "soon" for "--since" flag: time: invalid duration "soon"\nSee \'kubectl logs --help\' for usage.\n')
    expect((await kubectl(api, newFs(), 'logs solo --since=5s --since-time=2026-01-01T00:00:00Z')).err).toBe('error: at most one of `sinceTime` or `sinceSeconds` may be specified\n')
    expect((await kubectl(api, newFs(), 'logs solo --since-time=yesterday')).err).toBe('error: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"\n')
    expect((await kubectl(api, newFs(), 'logs solo --since-time=2026-01-01')).err).toBe('error: parsing time "2026-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"\n')
    expect((await kubectl(api, newFs(), 'logs solo --since-time=2026-13-01T00:00:00Z')).err).toBe('error: parsing time "2026-13-01T00:00:00Z": month out of range\n')
    expect((await kubectl(api, newFs(), 'logs web-a -c web --all-containers')).err).toBe('error: --all-containers=true should not be specified with container name web\n')
    expect((await kubectl(api, newFs(), 'logs web-a web -c web')).err).toBe('error: only one of -c or an inline [CONTAINER] arg is allowed\n')
    expect((await kubectl(api, newFs(), 'logs solo --tail=-2')).err).toBe('error: --tail must be greater than or equal to -1\n')
    expect((await kubectl(api, newFs(), 'logs solo --limit-bytes=-1')).err).toBe('error: --limit-bytes must be greater than 0\n')
    expect((await kubectl(api, newFs(), 'logs foo/x')).err).toBe('error: the server doesn\'t have a resource type "foo"\n')
    expect(calls).toEqual([])
  })

  it('prints the server\'s refusal as kubectl does', async () => {
    const { api } = cluster()
    expect(await kubectl(api, newFs(), 'logs waiting')).toEqual({ code: 1, out: '', err: 'Error from server (BadRequest): container "web" in pod "waiting" is waiting to start: ContainerCreating\n' })
  })
})
