import { describe, it, expect } from 'vitest'
import { describeObject } from './index'
import { fakeApi } from '../testdata/fakeapi'
import { NOW, at, runningPod, event } from '../testdata/fixtures'
import type { KubeObject } from '../../../api/types'

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } }
const deploy: KubeObject = {
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'uid-deploy', creationTimestamp: at(0), labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '1' } },
  spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }, template },
  status: { replicas: 1, updatedReplicas: 1, availableReplicas: 1, readyReplicas: 1, conditions: [
    { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' }, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' }] },
}
const rsTemplate = { ...template, metadata: { labels: { app: 'web', 'pod-template-hash': '7d9f8b6c5d' } } }
const rs: KubeObject = {
  apiVersion: 'apps/v1', kind: 'ReplicaSet',
  metadata: { name: 'web-7d9f8b6c5d', namespace: 'default', uid: 'uid-rs', creationTimestamp: at(0), labels: rsTemplate.metadata.labels,
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-deploy', controller: true }] },
  spec: { replicas: 1, selector: { matchLabels: rsTemplate.metadata.labels }, template: rsTemplate },
  status: { replicas: 1, readyReplicas: 1 },
}
const pod: KubeObject = { ...runningPod, metadata: { ...runningPod.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d9f8b6c5d', uid: 'uid-rs', controller: true }] } }
const scaled = event('web.scaled', 'ScalingReplicaSet', 'Scaled up replica set web-7d9f8b6c5d to 1', 0, 0, 1,
  { involvedObject: { kind: 'Deployment', namespace: 'default', name: 'web', uid: 'uid-deploy' }, source: { component: 'deployment-controller' } })
const ctx = { api: fakeApi([deploy, rs, pod, scaled]), now: NOW }

describe('describe deployment and replicaset', () => {
  it('describes a deployment like kubectl', () => {
    expect(describeObject(deploy, ctx)).toBe([
      'Name:                   web',
      'Namespace:              default',
      'CreationTimestamp:      Thu, 01 Jan 2026 00:00:00 +0000',
      'Labels:                 app=web',
      'Annotations:            deployment.kubernetes.io/revision: 1',
      'Selector:               app=web',
      'Replicas:               1 desired | 1 updated | 1 total | 1 available | 0 unavailable',
      'StrategyType:           RollingUpdate',
      'MinReadySeconds:        0',
      'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
      'Pod Template:',
      '  Labels:  app=web',
      '  Containers:',
      '   nginx:',
      '    Image:         nginx:1.25',
      '    Port:          <none>',
      '    Host Port:     <none>',
      '    Environment:   <none>',
      '    Mounts:        <none>',
      '  Volumes:         <none>',
      '  Node-Selectors:  <none>',
      '  Tolerations:     <none>',
      'Conditions:',
      '  Type           Status  Reason',
      '  ----           ------  ------',
      '  Available      True    MinimumReplicasAvailable',
      '  Progressing    True    NewReplicaSetAvailable',
      'OldReplicaSets:  <none>',
      'NewReplicaSet:   web-7d9f8b6c5d (1/1 replicas created)',
      'Events:',
      '  Type    Reason             Age   From                   Message',
      '  ----    ------             ----  ----                   -------',
      '  Normal  ScalingReplicaSet  10m   deployment-controller  Scaled up replica set web-7d9f8b6c5d to 1',
      '',
    ].join('\n'))
  })
  it('describes a replicaset with its pod counts', () => {
    const out = describeObject(rs, ctx)
    expect(out).toContain('Controlled By:  Deployment/web\nReplicas:       1 current / 1 desired\nPods Status:    1 Running / 0 Waiting / 0 Succeeded / 0 Failed\n')
    expect(out.endsWith('Events:            <none>\n')).toBe(true)
  })
})
