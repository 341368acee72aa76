import { describe, it, expect } from 'vitest'
import { TestCluster } from './TestCluster'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

function jobYaml(name: string, command: string, extra = ''): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${extra}  template:
    spec:
      containers:
      - name: ${name}
        image: busybox
        command: ["sh", "-c", "${command}"]
      restartPolicy: Never
`
}

const COUNTDOWN = jobYaml('countdown', 'for i in 9 8 7 6 5 4 3 2 1; do echo $i; done')
const FAILING = jobYaml('boom', 'exit 1', '  backoffLimit: 2\n')
const job = (c: TestCluster, name: string) => c.api.get('jobs', 'default', name) as Loose
const events = (c: TestCluster, reason: string) =>
  c.api.list('events', { namespace: 'default' }).items.filter((e: Loose) => e.reason === reason && e.involvedObject.kind === 'Job').map((e: Loose) => e.message as string)

describe('Job controller (scenarios)', () => {
  it('runs the countdown job to completion: get jobs, logs job/countdown, the Completed pod', async () => {
    const c = new TestCluster({ files: [{ path: '/home/learner/job.yaml', content: COUNTDOWN }] })
    expect((await c.run('kubectl apply -f job.yaml')).output).toBe('job.batch/countdown created\n')
    const j0 = job(c, 'countdown')
    expect(j0.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': j0.metadata.uid } } })
    expect(j0.spec.template.metadata.labels).toEqual({
      'batch.kubernetes.io/controller-uid': j0.metadata.uid, 'batch.kubernetes.io/job-name': 'countdown', 'controller-uid': j0.metadata.uid, 'job-name': 'countdown',
    })
    await c.advance('30s')
    const pods = c.pods('job-name=countdown')
    expect(pods).toHaveLength(1)
    expect(pods[0].metadata.name).toMatch(/^countdown-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(pods[0].metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'countdown', uid: j0.metadata.uid, controller: true, blockOwnerDeletion: true }])
    const j = job(c, 'countdown')
    expect(j.status).toMatchObject({ succeeded: 1, ready: 0, terminating: 0 })
    expect(j.status.conditions.map((x: Loose) => [x.type, x.status])).toEqual([['Complete', 'True']])
    expect(j.status.completionTime).toBeDefined()
    expect(j.status.active).toBeUndefined()
    const get = await c.run('kubectl get jobs')
    expect(get.stdout.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE$/)
    expect(get.stdout.split('\n')[1]).toMatch(/^countdown\s+Complete\s+1\/1\s+\d+s\s+30s$/)
    expect((await c.run('kubectl logs job/countdown')).stdout).toBe('9\n8\n7\n6\n5\n4\n3\n2\n1\n')
    expect((await c.run('kubectl get pods')).stdout.split('\n')[1]).toMatch(new RegExp(`^${pods[0].metadata.name}\\s+0/1\\s+Completed\\s+0\\s+30s$`))
    expect(events(c, 'SuccessfulCreate')).toEqual([`Created pod: ${pods[0].metadata.name}`])
    expect(events(c, 'Completed')).toEqual(['Job completed'])
    const wide = await c.run('kubectl get job countdown -o wide')
    expect(wide.stdout.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR$/)
    expect(wide.stdout.split('\n')[1]).toMatch(new RegExp(`^countdown\\s+Complete\\s+1/1\\s+\\d+s\\s+30s\\s+countdown\\s+busybox\\s+batch.kubernetes.io/controller-uid=${j0.metadata.uid}$`))
  })

  it('fails a job whose pods exit 1 after backoffLimit + 1 pods, backing off 10 s, 20 s between them', async () => {
    const c = new TestCluster({ files: [{ path: '/home/learner/job.yaml', content: FAILING }] })
    await c.run('kubectl apply -f job.yaml')
    await c.advance('5s')
    expect(c.pods('job-name=boom')).toHaveLength(1)
    await c.advance('2m')
    const pods = c.pods('job-name=boom')
    expect(pods.map((p) => p.status.phase)).toEqual(['Failed', 'Failed', 'Failed'])
    const j = job(c, 'boom')
    expect(j.status.failed).toBe(3)
    expect(j.status.conditions).toEqual([expect.objectContaining({ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' })])
    expect(events(c, 'BackoffLimitExceeded')).toEqual(['Job has reached the specified backoff limit'])
    // Pods start at least 10 s, then 20 s, after the previous one failed.
    const starts = pods.map((p) => Date.parse(p.metadata.creationTimestamp)).sort((a, b) => a - b)
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(10_000)
    expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(20_000)
    expect((await c.run('kubectl get jobs')).stdout.split('\n')[1]).toMatch(/^boom\s+Failed\s+0\/1\s+\S+\s+\S+$/)
    await c.advance('5m')
    expect(c.pods('job-name=boom')).toHaveLength(3)
  })

  it('stops a job that outlives activeDeadlineSeconds: Failed DeadlineExceeded, its pod deleted', async () => {
    const c = new TestCluster({ files: [{ path: '/home/learner/job.yaml', content: jobYaml('slow', 'sleep 3600', '  activeDeadlineSeconds: 10\n') }] })
    await c.run('kubectl apply -f job.yaml')
    await c.advance('5s')
    expect(job(c, 'slow').status.active).toBe(1)
    await c.advance('1m')
    const j = job(c, 'slow')
    expect(j.status.conditions).toEqual([expect.objectContaining({ type: 'Failed', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' })])
    expect(j.status.active).toBeUndefined()
    expect(events(c, 'DeadlineExceeded')).toEqual(['Job was active longer than specified deadline'])
    expect(c.pods('job-name=slow')).toHaveLength(0)
  })

  it('deleting the job removes its pods', async () => {
    const c = new TestCluster({ files: [{ path: '/home/learner/job.yaml', content: COUNTDOWN }] })
    await c.run('kubectl apply -f job.yaml')
    await c.advance('30s')
    expect(c.pods('job-name=countdown')).toHaveLength(1)
    expect((await c.run('kubectl delete job countdown')).output).toBe('job.batch "countdown" deleted\n')
    await c.advance('30s')
    expect(c.pods('job-name=countdown')).toHaveLength(0)
  })

  it('rejects templates that restart Always or say nothing, in upstream words', async () => {
    const c = new TestCluster({ files: [
      { path: '/home/learner/a.yaml', content: COUNTDOWN.replace('restartPolicy: Never', 'restartPolicy: Always') },
      { path: '/home/learner/b.yaml', content: COUNTDOWN.replace('      restartPolicy: Never\n', '') },
    ] })
    const a = await c.run('kubectl apply -f a.yaml')
    expect(a.stderr).toBe('The Job "countdown" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"\n')
    const b = await c.run('kubectl apply -f b.yaml')
    expect(b.stderr).toBe('The Job "countdown" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n')
  })
})
