import { describe, it, expect } from 'vitest'
import { describeObject } from './index'
import { smartLabelFor } from './generic'
import { parseQuantity, formatQuantity, canonical } from './quantity'
import { rfc1123z } from './writer'
import { fakeApi } from '../testdata/fakeapi'
import { NOW, at, runningPod, crashPod, initPod, terminatingPod, minikubeNode, defaultNamespace, appConfig, webEvents, event } from '../testdata/fixtures'
import type { KubeObject } from '../../../api/types'

const withResources: KubeObject = {
  ...runningPod,
  metadata: { ...runningPod.metadata, name: 'api', uid: 'uid-api', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-7d9f8b6c5d', uid: 'rs', controller: true }] },
  spec: {
    ...(runningPod.spec as object),
    containers: [{
      name: 'api', image: 'registry.k8s.io/echoserver:1.10', ports: [{ containerPort: 8080, protocol: 'TCP' }, { containerPort: 8443, protocol: 'TCP' }],
      resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
      livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      env: [{ name: 'MODE', value: 'debug' }, { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
      volumeMounts: [{ name: 'config', mountPath: '/etc/app' }],
    }],
    volumes: [{ name: 'config', configMap: { name: 'app-config' } }, { name: 'scratch', emptyDir: {} }],
  },
  status: { ...(runningPod.status as object), qosClass: 'Burstable', containerStatuses: [{ name: 'api', image: 'registry.k8s.io/echoserver:1.10', imageID: 'docker-pullable://registry.k8s.io/echoserver@sha256:cb5c1bddd1b5665e1867a7fa1b5fa843a47ee433bbb75d4293888b71def53229', containerID: 'docker://0123', ready: true, started: true, restartCount: 0, state: { running: { startedAt: at(4) } }, lastState: {} }] },
}

const world = [runningPod, crashPod, initPod, terminatingPod, withResources, minikubeNode, defaultNamespace, appConfig, ...webEvents,
  event('minikube.1', 'NodeReady', 'Node minikube status is now: NodeReady', -3590, -3590, 1,
    { involvedObject: { kind: 'Node', name: 'minikube', uid: 'minikube' }, source: { component: 'kubelet', host: 'minikube' } })]
const ctx = { api: fakeApi(world), now: NOW }

describe('kubectl describe', () => {
  it('describes a running pod with its events', async () => {
    await expect(describeObject(runningPod, ctx)).toMatchFileSnapshot('./__golden__/pod-running.txt')
  })
  it('describes a crash-looping pod (Last State) and an initializing pod', async () => {
    await expect(describeObject(crashPod, ctx)).toMatchFileSnapshot('./__golden__/pod-crash.txt')
    await expect(describeObject(initPod, ctx)).toMatchFileSnapshot('./__golden__/pod-init.txt')
  })
  it('describes resources, probes, env, volumes and the controller', async () => {
    await expect(describeObject(withResources, ctx)).toMatchFileSnapshot('./__golden__/pod-resources.txt')
  })
  it('shows Terminating (lasts ...) for a pod being deleted', () => {
    expect(describeObject(terminatingPod, ctx)).toContain('Status:                    Terminating (lasts <invalid>)\nTermination Grace Period:  30s\n')
  })
  it('describes a node with its pods and allocated resources', async () => {
    await expect(describeObject(minikubeNode, ctx)).toMatchFileSnapshot('./__golden__/node.txt')
  })
  it('describes a namespace and a configmap', async () => {
    expect(describeObject(defaultNamespace, ctx)).toBe(
      'Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n')
    await expect(describeObject(appConfig, ctx)).toMatchFileSnapshot('./__golden__/configmap.txt')
  })
  it('prints Events: <none> aligned with the block above', () => {
    const out = describeObject(initPod, ctx)
    expect(out.endsWith('Events:                      <none>\n')).toBe(true)
  })
  it('describes other kinds generically', () => {
    const w = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w1', namespace: 'default', uid: 'u1', creationTimestamp: at(0), resourceVersion: '7' }, spec: { size: 3, podIP: 'x' } }
    expect(describeObject(w, ctx)).toBe(
      'Name:         w1\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\nAPI Version:  example.com/v1\nKind:         Widget\nMetadata:\n' +
      '  Creation Timestamp:  2026-01-01T00:00:00Z\n  Resource Version:    7\n  UID:                 u1\nSpec:\n  Pod IP:  x\n  Size:    3\nEvents:    <none>\n')
  })
})

describe('describe helpers', () => {
  it('formats RFC1123Z times', () => expect(rfc1123z('2026-01-01T00:00:04Z')).toBe('Thu, 01 Jan 2026 00:00:04 +0000'))
  it('labels fields like smartLabelFor', () => {
    expect(['apiVersion', 'creationTimestamp', 'uid', 'podIP', 'HTTPServer', 'a.b'].map(smartLabelFor))
      .toEqual(['API Version', 'Creation Timestamp', 'UID', 'Pod IP', 'HTTP Server', 'a.b'])
  })
  it('prints quantities canonically', () => {
    expect(['100m', '1500m', '2000m', '2', '2000', '64Mi', '4015360Ki', '1024Ki', '1000Ki', '0', '0.5', '1.5Gi', '500'].map((s) => canonical(s)))
      .toEqual(['100m', '1500m', '2', '2', '2k', '64Mi', '4015360Ki', '1Mi', '1000Ki', '0', '500m', '1536Mi', '500'])
    const sum = [parseQuantity('250m')!, parseQuantity('750m')!].reduce((a, b) => ({ ...a, milli: a.milli + b.milli }))
    expect(formatQuantity(sum)).toBe('1')
  })
})
