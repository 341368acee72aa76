import { describe, it, expect } from 'vitest'
import type { KubeObject } from '../../api/types'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs, startKubectl, TestSignal } from '../testing/harness'
import { deploymentStatus } from './rollout-status'

const template = (image: string, hash?: string) => ({
  metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
  spec: { containers: [{ name: 'nginx', image }] },
})

/** A Deployment with ReplicaSets for revisions 1..n (images nginx:1.0, nginx:2.0, ...), the last one current. */
function cluster(revisions = 2, extra: Record<string, unknown> = {}): FakeApi {
  const api = new FakeApi()
  const d = api.create('deployments', {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', generation: 2, annotations: { 'deployment.kubernetes.io/revision': String(revisions) } },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template(`nginx:${revisions}.0`), ...extra },
    status: { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 },
  })
  for (let r = 1; r <= revisions; r++) {
    api.create('replicasets', {
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: {
        name: `web-hash${r}`, namespace: 'default',
        annotations: { 'deployment.kubernetes.io/revision': String(r), ...(r === 2 ? { 'kubernetes.io/change-cause': 'image 2' } : {}) },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: (d.metadata as { uid?: string }).uid!, controller: true }],
      },
      spec: { replicas: r === revisions ? 3 : 0, selector: { matchLabels: { app: 'web' } }, template: template(`nginx:${r}.0`, `hash${r}`) },
    })
  }
  api.writes = []
  return api
}

const deploy = (status: Record<string, unknown>, generation = 2, replicas = 3): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', generation }, spec: { replicas }, status: { observedGeneration: 2, ...status },
})

describe('DeploymentStatusViewer words', () => {
  it('each stage of a rollout', () => {
    expect(deploymentStatus(deploy({}, 3), 0).text).toBe('Waiting for deployment spec update to be observed...')
    expect(deploymentStatus(deploy({ updatedReplicas: 1, replicas: 4 }), 0).text).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...')
    expect(deploymentStatus(deploy({ updatedReplicas: 3, replicas: 4 }), 0).text).toBe('Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...')
    expect(deploymentStatus(deploy({ updatedReplicas: 3, replicas: 3, availableReplicas: 2 }), 0).text).toBe('Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...')
    expect(deploymentStatus(deploy({ updatedReplicas: 3, replicas: 3, availableReplicas: 3 }), 0)).toEqual({ text: 'deployment "web" successfully rolled out', done: true })
    expect(deploymentStatus(deploy({ conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] }), 0).error).toBe('deployment "web" exceeded its progress deadline')
  })
})

describe('kubectl rollout status', () => {
  it('prints each new line as the status changes, then success', async () => {
    const api = cluster()
    const cur = api.get('deployments', 'default', 'web')
    api.update('deployments', { ...cur, status: { observedGeneration: 2, replicas: 4, updatedReplicas: 1, availableReplicas: 3 } })
    const run = startKubectl(api, newFs(), 'rollout status deployment/web', { frozenClock: true })
    await Promise.resolve()
    const step = (status: Record<string, unknown>) => api.update('deployments', { ...api.get('deployments', 'default', 'web'), status: { observedGeneration: 2, ...status } })
    step({ replicas: 4, updatedReplicas: 1, availableReplicas: 3 })
    step({ replicas: 4, updatedReplicas: 3, availableReplicas: 3 })
    step({ replicas: 3, updatedReplicas: 3, availableReplicas: 2 })
    step({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 })
    expect(await run.done).toEqual({ code: 0, err: '', out: [
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
      'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...',
      'deployment "web" successfully rolled out', ''].join('\n') })
  })

  it('--watch=false prints once; --timeout ends with the timeout error; Ctrl-C exits 130', async () => {
    const api = cluster()
    api.update('deployments', { ...api.get('deployments', 'default', 'web'), status: { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 1 } })
    const waiting = 'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...\n'
    expect(await kubectl(api, newFs(), 'rollout status deploy web --watch=false')).toEqual({ code: 0, out: waiting, err: '' })
    expect(await kubectl(api, newFs(), 'rollout status deploy/web --timeout=10s')).toEqual({ code: 1, out: waiting, err: 'error: timed out waiting for the condition\n' })
    const signal = new TestSignal()
    const run = startKubectl(api, newFs(), 'rollout status deploy/web', { frozenClock: true, signal })
    await Promise.resolve()
    signal.abort()
    expect((await run.done).code).toBe(130)
  })

  it('errors in kubectl\'s words', async () => {
    const api = cluster()
    expect(await kubectl(api, newFs(), 'rollout status')).toEqual({ code: 1, out: '', err: 'error: required resource not specified\n' })
    expect(await kubectl(api, newFs(), 'rollout status rs')).toEqual({ code: 1, out: '', err: 'error: rollout status is only supported on individual resources and resource collections - 2 resources were found\n' })
    expect(await kubectl(api, newFs(), 'rollout status rs/web-hash1')).toEqual({ code: 1, out: '', err: 'error: no status viewer has been implemented for ReplicaSet.apps\n' })
    expect(await kubectl(api, newFs(), 'rollout status deploy/web --revision=1')).toEqual({ code: 1, out: '', err: 'error: desired revision (1) is different from the running revision (2)\n' })
    api.update('deployments', { ...api.get('deployments', 'default', 'web'), status: { observedGeneration: 2, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] } })
    expect(await kubectl(api, newFs(), 'rollout status deploy/web')).toEqual({ code: 1, out: '', err: 'error: deployment "web" exceeded its progress deadline\n' })
  })
})

describe('kubectl rollout history', () => {
  it('REVISION CHANGE-CAUSE table as upstream prints it', async () => {
    expect(await kubectl(cluster(), newFs(), 'rollout history deployment/web')).toEqual({ code: 0, err: '',
      out: 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         image 2\n\n' })
  })

  it('--revision=N prints that pod template', async () => {
    const r = await kubectl(cluster(), newFs(), 'rollout history deploy web --revision=1')
    expect(r.code).toBe(0)
    expect(r.out.split('\n').slice(0, 6)).toEqual([
      'deployment.apps/web with revision #1',
      'Pod Template:',
      '  Labels:  app=web',
      '           pod-template-hash=hash1',
      '  Containers:',
      '   nginx:',
    ])
    expect(r.out).toContain('    Image:         nginx:1.0\n')
    expect(await kubectl(cluster(), newFs(), 'rollout history deploy web --revision=7')).toEqual({ code: 1, out: '', err: 'error: unable to find the specified revision\n' })
    expect(await kubectl(cluster(), newFs(), 'rollout history rs/web-hash1')).toEqual({ code: 1, out: '', err: 'error: no history viewer has been implemented for "ReplicaSet.apps"\n' })
  })
})

describe('kubectl rollout undo', () => {
  it('copies the previous ReplicaSet\'s template back, without pod-template-hash', async () => {
    const api = cluster()
    expect(await kubectl(api, newFs(), 'rollout undo deployment/web')).toEqual({ code: 0, out: 'deployment.apps/web rolled back\n', err: '' })
    const d = api.get('deployments', 'default', 'web')
    expect((d.spec as { template: unknown }).template).toEqual(template('nginx:1.0'))
    // The revision annotation stays the Deployment's; the ReplicaSet's others are copied.
    expect(d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '2' })
  })

  it('--to-revision, already-matching, missing revisions and paused deployments', async () => {
    const api = cluster(3)
    expect(await kubectl(api, newFs(), 'rollout undo deploy/web --to-revision=3')).toEqual({ code: 0, out: 'deployment.apps/web skipped rollback (current template already matches revision 3)\n', err: '' })
    expect(await kubectl(api, newFs(), 'rollout undo deploy/web --to-revision=7')).toEqual({ code: 1, out: '', err: 'error: unable to find specified revision 7 in history\n' })
    expect(api.writes).toEqual([])
    expect(await kubectl(api, newFs(), 'rollout undo deploy/web --to-revision=2')).toEqual({ code: 0, out: 'deployment.apps/web rolled back\n', err: '' })
    expect(api.get('deployments', 'default', 'web').metadata.annotations?.['kubernetes.io/change-cause']).toBe('image 2')
    const paused = cluster(2, { paused: true })
    expect(await kubectl(paused, newFs(), 'rollout undo deploy/web')).toEqual({ code: 1, out: '', err: "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again\n" })
    const single = cluster(1)
    expect(await kubectl(single, newFs(), 'rollout undo deploy/web')).toEqual({ code: 1, out: '', err: 'error: no rollout history found for deployment "web"\n' })
    expect(paused.writes).toEqual([])
    expect(single.writes).toEqual([])
  })
})

describe('kubectl rollout pause|resume|restart', () => {
  it('pause, already paused, resume, not paused', async () => {
    const api = cluster()
    expect(await kubectl(api, newFs(), 'rollout pause deploy/web')).toEqual({ code: 0, out: 'deployment.apps/web paused\n', err: '' })
    expect((api.get('deployments', 'default', 'web').spec as { paused?: boolean }).paused).toBe(true)
    expect(await kubectl(api, newFs(), 'rollout pause deploy/web')).toEqual({ code: 1, out: '', err: 'error: deployments.apps "web" is already paused\n' })
    expect(await kubectl(api, newFs(), 'rollout restart deploy/web')).toEqual({ code: 1, out: '', err: 'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n' })
    expect(await kubectl(api, newFs(), 'rollout resume deploy/web')).toEqual({ code: 0, out: 'deployment.apps/web resumed\n', err: '' })
    expect((api.get('deployments', 'default', 'web').spec as { paused?: boolean }).paused).toBeUndefined()
    expect(await kubectl(api, newFs(), 'rollout resume deploy/web')).toEqual({ code: 1, out: '', err: 'error: deployments.apps "web" is not paused\n' })
    expect(await kubectl(api, newFs(), 'rollout pause rs/web-hash1')).toEqual({ code: 1, out: '', err: 'error: replicasets.apps "web-hash1" pausing is not supported\n' })
    expect(await kubectl(api, newFs(), 'rollout pause')).toEqual({ code: 1, out: '', err: 'error: required resource not specified\n' })
  })

  it('restart stamps restartedAt with the virtual time; twice in one second is refused', async () => {
    const api = cluster()
    const now = Date.UTC(2026, 0, 1, 0, 5, 0)
    expect(await kubectl(api, newFs(), 'rollout restart deployment web', { now })).toEqual({ code: 0, out: 'deployment.apps/web restarted\n', err: '' })
    const t = (api.get('deployments', 'default', 'web').spec as { template: { metadata: { annotations: Record<string, string> } } }).template
    expect(t.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBe('2026-01-01T00:05:00Z')
    expect(await kubectl(api, newFs(), 'rollout restart deployment web', { now: now + 500 })).toEqual({ code: 1, out: '',
      err: 'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n' })
    // A bare TYPE means every object of it, as upstream's rollout verbs read it.
    expect((await kubectl(api, newFs(), 'rollout restart deployment', { now: now + 1000 })).out).toBe('deployment.apps/web restarted\n')
  })
})
