// Rollouts end to end: create deployment → rollout status → set image → history → undo, a stuck
// rollout that times out and is undone, pause/resume/restart, and describe's layout (golden).
import { describe, it, expect } from 'vitest'
import { TestCluster, type TestClusterOptions } from '../TestCluster'

const cluster = (opts: TestClusterOptions) => new TestCluster(opts)
const lines = (s: string) => s.split('\n').filter(Boolean)
const image = async (c: TestCluster) => (await c.run("kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}'")).stdout

describe('a rollout, its history and undo', () => {
  it('create → status waits then succeeds; set image → 2 revisions → undo → image back', async () => {
    const c = cluster({ seed: 21 })
    expect((await c.run('kubectl create deployment web --image=nginx:1.25 --replicas=3')).stdout).toBe('deployment.apps/web created\n')
    const first = await c.run('kubectl rollout status deployment/web')
    expect(first.code).toBe(0)
    expect(lines(first.stdout).at(-1)).toBe('deployment "web" successfully rolled out')
    expect(lines(first.stdout).slice(0, -1).every((l) => /^Waiting for deployment "web" rollout to finish: \d of 3 updated replicas are available\.\.\.$/.test(l))).toBe(true)
    expect(new Set(lines(first.stdout)).size).toBe(lines(first.stdout).length) // each line once
    c.expectPods('app=web', { total: 3, ready: 3 })

    expect((await c.run('kubectl set image deployment/web nginx=nginx:1.26')).stdout).toBe('deployment.apps/web image updated\n')
    const second = await c.run('kubectl rollout status deploy/web')
    expect(lines(second.stdout)).toContain('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...')
    expect(lines(second.stdout)).toContain('Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...')
    expect(lines(second.stdout).at(-1)).toBe('deployment "web" successfully rolled out')

    expect((await c.run('kubectl rollout history deployment/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n')
    const rev1 = await c.run('kubectl rollout history deployment/web --revision=1')
    expect(rev1.stdout).toMatch(/^deployment\.apps\/web with revision #1\nPod Template:\n  Labels:  app=web\n           pod-template-hash=[bcdfghjklmnpqrstvwxz2456789]+\n  Containers:\n   nginx:\n    Image:         nginx:1\.25\n/)
    expect((await c.run('kubectl rollout undo deployment/web --to-revision=7')).stderr).toBe('error: unable to find specified revision 7 in history\n')
    expect((await c.run('kubectl rollout undo deployment/web --to-revision=2')).stdout).toBe('deployment.apps/web skipped rollback (current template already matches revision 2)\n')
    expect((await c.run('kubectl rollout undo deployment/web')).stdout).toBe('deployment.apps/web rolled back\n')
    expect(await image(c)).toBe('nginx:1.25')
    expect((await c.run('kubectl rollout status deployment/web')).code).toBe(0)
    // Rolling back re-uses revision 1's ReplicaSet, which becomes revision 3.
    expect((await c.run('kubectl rollout history deployment/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n')
    await c.advance('40s') // the last old pod's graceful termination
    c.expectPods('app=web', { total: 3, ready: 3 })
  })

  it('the change cause comes from the kubernetes.io/change-cause annotation the learner sets', async () => {
    const c = cluster({ seed: 22 })
    await c.sh('kubectl create deployment web --image=nginx:1.25').sh('kubectl rollout status deploy/web')
    await c.sh('kubectl set image deploy/web nginx=nginx:1.26').sh('kubectl annotate deploy/web kubernetes.io/change-cause="upgrade to 1.26"').sh('kubectl rollout status deploy/web')
    expect((await c.run('kubectl rollout history deploy/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         upgrade to 1.26\n\n')
    // --record is deprecated in 1.30 but still records the command line.
    const rec = await c.run('kubectl set image deploy/web nginx=nginx:1.27 --record')
    expect(rec.stderr).toBe('Flag --record has been deprecated, --record will be removed in the future\n')
    await c.sh('kubectl rollout status deploy/web')
    expect(lines((await c.run('kubectl rollout history deploy/web')).stdout).at(-1)).toBe('3         kubectl set image deploy/web nginx=nginx:1.27 --record=true')
  })
})

describe('a rollout that cannot progress is teachable', () => {
  it('pods that never schedule: old pods keep serving, status --timeout fails, undo recovers', async () => {
    const c = cluster({ seed: 23 })
    await c.sh('kubectl create deployment web --image=nginx:1.25 --replicas=3').sh('kubectl rollout status deploy/web')
    await c.sh(`kubectl patch deploy web -p '{"spec":{"template":{"spec":{"nodeSelector":{"disk":"ssd"}}}}}'`)
    const stuck = await c.run('kubectl rollout status deploy/web --timeout=60s')
    expect(stuck.code).toBe(1)
    expect(stuck.stdout).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n')
    expect(stuck.stderr).toBe('error: timed out waiting for the condition\n')
    // maxUnavailable 25% of 3 rounds down to 0: all three old pods still serve.
    expect(c.pods('app=web').filter((p) => p.status?.conditions?.some((x: { type: string; status: string }) => x.type === 'Ready' && x.status === 'True'))).toHaveLength(3)
    expect((await c.run('kubectl rollout undo deploy/web')).stdout).toBe('deployment.apps/web rolled back\n')
    const back = await c.run('kubectl rollout status deploy/web --timeout=60s')
    expect(back.code).toBe(0)
    expect(lines(back.stdout).at(-1)).toBe('deployment "web" successfully rolled out')
    await c.advance('40s')
    c.expectPods('app=web', { total: 3, ready: 3, phase: 'Running' })
  })

  it('progressDeadlineSeconds: status ends with upstream\'s error; delete cascades', async () => {
    const c = cluster({ seed: 27 })
    await c.sh('kubectl create deployment web --image=nginx:1.25 --replicas=2').sh('kubectl rollout status deploy/web')
    await c.sh(`kubectl patch deploy web -p '{"spec":{"progressDeadlineSeconds":30,"template":{"spec":{"nodeSelector":{"disk":"ssd"}}}}}'`)
    expect(await c.run('kubectl rollout status deployment/web')).toMatchObject({ code: 1,
      stdout: 'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...\n',
      stderr: 'error: deployment "web" exceeded its progress deadline\n' })
    expect((await c.run('kubectl delete deploy web')).stdout).toBe('deployment.apps "web" deleted\n')
    await c.advance('1m')
    expect((await c.run('kubectl get deploy,rs,pods')).stderr).toBe('No resources found in default namespace.\n')
  })

  it('a paused rollout times out; resume lets it finish; restart rolls again', async () => {
    const c = cluster({ seed: 24 })
    await c.sh('kubectl create deployment web --image=nginx:1.25 --replicas=2').sh('kubectl rollout status deploy/web')
    expect((await c.run('kubectl rollout pause deploy/web')).stdout).toBe('deployment.apps/web paused\n')
    expect((await c.run('kubectl rollout pause deploy/web')).stderr).toBe('error: deployments.apps "web" is already paused\n')
    await c.sh('kubectl set image deploy/web nginx=nginx:1.26')
    // Paused, the controller makes no new ReplicaSet: there is nothing to roll back to yet.
    expect((await c.run('kubectl rollout undo deploy/web')).stderr).toBe('error: no rollout history found for deployment "web"\n')
    const paused = await c.run('kubectl rollout status deploy/web --timeout=10s')
    expect(paused).toMatchObject({ code: 1, stdout: 'Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...\n', stderr: 'error: timed out waiting for the condition\n' })
    expect((await c.run('kubectl rollout resume deploy/web')).stdout).toBe('deployment.apps/web resumed\n')
    expect((await c.run('kubectl rollout status deploy/web')).code).toBe(0)
    expect(await image(c)).toBe('nginx:1.26')
    await c.sh('kubectl rollout pause deploy/web')
    expect((await c.run('kubectl rollout undo deploy/web')).stderr).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again\n")
    expect((await c.run('kubectl rollout restart deploy/web')).stderr).toBe('error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n')
    await c.sh('kubectl rollout resume deploy/web')
    expect((await c.run('kubectl rollout restart deploy/web')).stdout).toBe('deployment.apps/web restarted\n')
    expect((await c.run("kubectl get deploy web -o jsonpath='{.spec.template.metadata.annotations}'")).stdout).toMatch(/^\{"kubectl\.kubernetes\.io\/restartedAt":"2026-01-01T00:\d\d:\d\dZ"\}$/)
    expect((await c.run('kubectl rollout status deploy/web')).code).toBe(0)
    expect(lines((await c.run('kubectl rollout history deploy/web')).stdout).slice(-2)).toEqual(['2         <none>', '3         <none>'])
  })

  it('scale changes replicas without a new revision', async () => {
    const c = cluster({ seed: 25 })
    await c.sh('kubectl create deployment web --image=nginx:1.25 --replicas=2').sh('kubectl rollout status deploy/web')
    expect((await c.run('kubectl scale deploy/web --replicas=4 --timeout=1m')).stdout).toBe('deployment.apps/web scaled\n')
    expect((await c.run("kubectl get deploy web -o jsonpath='{.status.replicas}'")).stdout).toBe('4') // --timeout waited for it
    expect((await c.run('kubectl rollout status deploy/web')).code).toBe(0)
    await c.advance('5s')
    c.expectPods('app=web', { total: 4, ready: 4 })
    expect((await c.run('kubectl rollout history deploy/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n')
  })
})

describe('describe deployment / replicaset (golden)', () => {
  it('after one rolling update', async () => {
    const c = cluster({ seed: 26 })
    await c.sh('kubectl create deployment web --image=nginx:1.25 --replicas=3 --port=80').sh('kubectl rollout status deploy/web')
    await c.sh('kubectl set image deploy/web nginx=nginx:1.26').sh('kubectl rollout status deploy/web').advance('1m')
    await expect((await c.run('kubectl describe deployment web')).stdout).toMatchFileSnapshot('__golden__/describe-deployment.txt')
    const rs = (await c.run("kubectl get rs -l app=web --sort-by=.metadata.creationTimestamp -o jsonpath='{.items[-1:].metadata.name}'")).stdout
    await expect((await c.run(`kubectl describe rs ${rs}`)).stdout).toMatchFileSnapshot('__golden__/describe-replicaset.txt')
  })
})
