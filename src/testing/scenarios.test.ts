// Stories through the learner's shell: what kubectl shows as the scheduler and kubelet work.
import { describe, it, expect } from 'vitest'
import { TestCluster } from './TestCluster'

const POD_WITH_SELECTOR = `apiVersion: v1
kind: Pod
metadata:
  name: picky
spec:
  nodeSelector:
    disk: ssd
  containers:
  - name: nginx
    image: nginx:1.25
`

describe('scheduler and kubelet, as kubectl shows them', () => {
  it('a pod no node matches stays Pending with FailedScheduling, then runs once the node is labelled', async () => {
    const c = new TestCluster({ seed: 31, files: [{ path: '/home/learner/picky.yaml', content: POD_WITH_SELECTOR }] })
    await c.sh('kubectl apply -f picky.yaml').advance('5s')
    const get = await c.run('kubectl get pod picky')
    expect(get.stdout).toMatch(/picky +0\/1 +Pending +0 +5s/)
    const describe = await c.run('kubectl describe pod picky')
    expect(describe.stdout).toMatch(/Warning +FailedScheduling +\d+s +default-scheduler +0\/1 nodes are available: 1 node\(s\) didn't match Pod's node affinity\/selector\. preemption: 0\/1 nodes are available: 1 Preemption is not helpful for scheduling\./)
    await c.sh('kubectl label node minikube disk=ssd').advance('20s')
    c.expectPods('', { total: 1, ready: 1, phase: 'Running' })
  })

  it('busybox without a command crash-loops', async () => {
    const c = new TestCluster({ seed: 32 })
    await c.sh('kubectl run bb --image=busybox').advance('45s')
    const get = await c.run('kubectl get pods')
    expect(get.stdout).toMatch(/bb +0\/1 +CrashLoopBackOff +3 \(\d+s ago\) +45s/)
    const describe = await c.run('kubectl describe pod bb')
    expect(describe.stdout).toMatch(/Warning +BackOff +\d+s \(x\d+ over \d+s\) +kubelet +Back-off restarting failed container bb in pod bb_default\(/)
  })

  it('deleting a pod shows Terminating until the kubelet has stopped it', async () => {
    const c = new TestCluster({ seed: 33 })
    await c.sh('kubectl run sleeper --image=busybox -- sleep 3600').advance('10s')
    // delete waits; run it with --wait=false to look during the grace period.
    await c.sh('kubectl delete pod sleeper --wait=false').advance('5s')
    expect((await c.run('kubectl get pods')).stdout).toMatch(/sleeper +1\/1 +Terminating +0 +15s/)
    c.advance('30s')
    expect((await c.run('kubectl get pods')).output).toBe('No resources found in default namespace.\n')
  })
})
