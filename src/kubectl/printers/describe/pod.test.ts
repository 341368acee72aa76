import { describe, it, expect } from 'vitest'
import { describeObject } from './index'
import { describeProbe } from './containers'
import { fakeApi } from '../testdata/fakeapi'
import { NOW } from '../testdata/fixtures'
import {
  runningApiPod, runningApiEvents, crashErrorPod, crashErrorEvents, crashCompletedPod, crashCompletedEvents,
  initRunningPod, initRunningEvents, errImagePullPod, errImagePullEvents, imagePullBackOffPod, imagePullBackOffEvents,
} from '../testdata/pod-states'
import type { KubeObject } from '../../../api/types'

const describePod = (pod: KubeObject, events: KubeObject[]) => describeObject(pod, { api: fakeApi([pod, ...events]), now: NOW })

describe('kubectl describe pod (upstream layout, kubelet-shaped status)', () => {
  it('Running: probes, env of every kind, envFrom, mounts, volumes of every kind, QoS, node selector', async () => {
    await expect(describePod(runningApiPod, runningApiEvents)).toMatchFileSnapshot('./__golden__/describe-pod-running.txt')
  })
  it('CrashLoopBackOff after an Error exit, with its back-off events', async () => {
    await expect(describePod(crashErrorPod, crashErrorEvents)).toMatchFileSnapshot('./__golden__/describe-pod-crashloop-error.txt')
  })
  it('CrashLoopBackOff after a Completed exit', async () => {
    const out = describePod(crashCompletedPod, crashCompletedEvents)
    await expect(out).toMatchFileSnapshot('./__golden__/describe-pod-crashloop-completed.txt')
    expect(out).toContain('    Last State:     Terminated\n      Reason:       Completed\n      Exit Code:    0\n')
  })
  it('Init:0/2 with the first init container running', async () => {
    await expect(describePod(initRunningPod, initRunningEvents)).toMatchFileSnapshot('./__golden__/describe-pod-init.txt')
  })
  it('ErrImagePull and ImagePullBackOff', async () => {
    await expect(describePod(errImagePullPod, errImagePullEvents)).toMatchFileSnapshot('./__golden__/describe-pod-errimagepull.txt')
    await expect(describePod(imagePullBackOffPod, imagePullBackOffEvents)).toMatchFileSnapshot('./__golden__/describe-pod-imagepullbackoff.txt')
  })
})

describe('DescribeProbe', () => {
  const attrs = { initialDelaySeconds: 3, timeoutSeconds: 1, periodSeconds: 3, successThreshold: 1, failureThreshold: 3 }
  it('prints each handler as upstream does', () => {
    expect(describeProbe({ ...attrs, httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' } })).toBe('http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3')
    expect(describeProbe({ ...attrs, httpGet: { path: 'ready', port: 'http', host: '10.0.0.1', scheme: 'HTTPS' } })).toBe('http-get https://10.0.0.1:http/ready delay=3s timeout=1s period=3s #success=1 #failure=3')
    expect(describeProbe({ ...attrs, tcpSocket: { port: 8000 } })).toBe('tcp-socket :8000 delay=3s timeout=1s period=3s #success=1 #failure=3')
    expect(describeProbe({ ...attrs, exec: { command: ['cat', '/tmp/healthy'] } })).toBe('exec [cat /tmp/healthy] delay=3s timeout=1s period=3s #success=1 #failure=3')
    expect(describeProbe({ ...attrs, grpc: { port: 9555, service: 'health' } })).toBe('grpc <pod>:9555 health delay=3s timeout=1s period=3s #success=1 #failure=3')
  })
})
