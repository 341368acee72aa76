import { describe, it, expect } from 'vitest'
import { KINDS, type KindInfo } from '../../api/kinds'
import { tableFor, formatTable, TableStream, type PrintOptions } from './table'
import {
  NOW, at, runningPod, creatingPod, crashPod, initPod, completedPod, terminatingPod, errImagePullPod,
  minikubeNode, defaultNamespace, appConfig, webEvents,
} from './testdata/fixtures'
import type { KubeObject } from '../../api/types'

const kind = (k: string) => KINDS.find((x) => x.kind === k)!
const print = (k: KindInfo, objs: KubeObject[], opts: Partial<PrintOptions> = {}) =>
  formatTable(tableFor(k, objs, { now: NOW, ...opts }), { noHeaders: opts.noHeaders })
const pods = [runningPod, creatingPod, crashPod, initPod, completedPod, terminatingPod, errImagePullPod]

describe('pod table', () => {
  it('prints every state like kubectl get pods', async () => {
    await expect(print(kind('Pod'), pods)).toMatchFileSnapshot('./__golden__/pods.txt')
  })
  it('prints -o wide', async () => {
    await expect(print(kind('Pod'), pods, { output: 'wide' })).toMatchFileSnapshot('./__golden__/pods-wide.txt')
  })
  it('computes the STATUS column per state', () => {
    const t = tableFor(kind('Pod'), pods, { now: NOW })
    expect(t.headers).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'])
    expect(t.rows.map((r) => r[2])).toEqual(['Running', 'ContainerCreating', 'CrashLoopBackOff', 'Init:0/2', 'Completed', 'Terminating', 'ErrImagePull'])
    expect(t.rows[2][3]).toBe('3 (42s ago)')
    expect(t.rows[0]).toEqual(['web', '1/1', 'Running', '0', '10m'])
  })
  it('adds NAMESPACE, kind prefix, -L and LABELS columns', () => {
    const out = print(kind('Pod'), [runningPod], { withNamespace: true, withKind: true, labelColumns: ['app', 'example.com/tier'], showLabels: true })
    expect(out).toBe(
      'NAMESPACE   NAME      READY   STATUS    RESTARTS   AGE   APP   TIER   LABELS\n' +
      'default     pod/web   1/1     Running   0          10m   web          app=web\n')
  })
  it('omits headers with --no-headers', () => {
    expect(print(kind('Pod'), [runningPod], { noHeaders: true })).toBe('web   1/1   Running   0     10m\n')
  })
})

describe('other kinds', () => {
  it('prints the node table and -o wide', async () => {
    await expect(print(kind('Node'), [minikubeNode])).toMatchFileSnapshot('./__golden__/nodes.txt')
    await expect(print(kind('Node'), [minikubeNode], { output: 'wide' })).toMatchFileSnapshot('./__golden__/nodes-wide.txt')
    expect(print(kind('Node'), [minikubeNode])).toBe('NAME       STATUS   ROLES           AGE   VERSION\nminikube   Ready    control-plane   70m   v1.30.0\n')
  })
  it('prints Ready,SchedulingDisabled for a cordoned node and <none> roles', () => {
    const cordoned = { ...minikubeNode, metadata: { ...minikubeNode.metadata, labels: {} }, spec: { unschedulable: true } }
    expect(tableFor(kind('Node'), [cordoned], { now: NOW }).rows[0].slice(1, 3)).toEqual(['Ready,SchedulingDisabled', '<none>'])
  })
  it('prints namespaces and configmaps', () => {
    expect(print(kind('Namespace'), [defaultNamespace])).toBe('NAME      STATUS   AGE\ndefault   Active   70m\n')
    expect(print(kind('ConfigMap'), [appConfig])).toBe('NAME         DATA   AGE\napp-config   2      10m\n')
  })
  it('prints events like kubectl get events', async () => {
    await expect(print(kind('Event'), webEvents)).toMatchFileSnapshot('./__golden__/events.txt')
    await expect(print(kind('Event'), webEvents, { output: 'wide' })).toMatchFileSnapshot('./__golden__/events-wide.txt')
  })
  it('falls back to NAME AGE for kinds without columns', () => {
    const k: KindInfo = { group: 'example.com', version: 'v1', kind: 'Widget', plural: 'widgets', singular: 'widget', shortNames: [], namespaced: true, verbs: [], hasStatus: false }
    const w = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w1', creationTimestamp: at(0) } }
    expect(print(k, [w], { withKind: true })).toBe(`${'NAME'.padEnd(24)}AGE\nwidget.example.com/w1   10m\n`)
  })
  it('prints deployments, replicasets and services', () => {
    const dk: KindInfo = { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], namespaced: true, verbs: [], hasStatus: true }
    const d = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', creationTimestamp: at(0) },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
      status: { replicas: 3, readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    }
    expect(print(dk, [d], { output: 'wide' })).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR\n' +
      'web    2/3     3            2           10m   nginx        nginx:1.25   app=web\n')
    const sk: KindInfo = { group: '', version: 'v1', kind: 'Service', plural: 'services', singular: 'service', shortNames: ['svc'], namespaced: true, verbs: [], hasStatus: true }
    const s = {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', creationTimestamp: at(0) },
      spec: { type: 'NodePort', clusterIP: '10.96.14.7', clusterIPs: ['10.96.14.7'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }], selector: { app: 'web' } },
    }
    expect(print(sk, [s])).toBe('NAME   TYPE       CLUSTER-IP   EXTERNAL-IP   PORT(S)        AGE\nweb    NodePort   10.96.14.7   <none>        80:30080/TCP   10m\n')
  })
})

describe('TableStream (get -w)', () => {
  it('keeps column widths from earlier writes', () => {
    const s = new TableStream()
    const first = s.format(tableFor(kind('Pod'), [creatingPod], { now: NOW }))
    const next = s.format(tableFor(kind('Pod'), [runningPod], { now: NOW }), { noHeaders: true })
    expect(first).toBe('NAME       READY   STATUS              RESTARTS   AGE\ncreating   0/1     ContainerCreating   0          10m\n')
    expect(next).toBe('web        1/1     Running             0          10m\n')
  })
})
