import { describe, it, expect } from 'vitest'
import { FakeApi } from './testing/fakeApi'
import { addPod } from './testing/fixtures'
import { completeKubectl } from './complete'
import { newFs } from './testing/harness'

describe('completeKubectl', () => {
  const api = new FakeApi()
  addPod(api, 'web'); addPod(api, 'worker'); addPod(api, 'db')
  it('verbs, subcommands and flags', () => {
    expect(completeKubectl(api, ['kubectl', 'ge'])).toEqual(['get'])
    expect(completeKubectl(api, ['kubectl', 'config', 'use'])).toEqual(['use-context'])
    expect(completeKubectl(api, ['kubectl', 'get', '--all-n'])).toEqual(['--all-namespaces'])
  })
  it('resource types, then object names from the API', () => {
    expect(completeKubectl(api, ['kubectl', 'get', 'po'])).toEqual(['pods'])
    expect(completeKubectl(api, ['kubectl', 'get', 'pods', 'w'])).toEqual(['web', 'worker'])
    expect(completeKubectl(api, ['kubectl', 'exec', '-it', 'w'])).toEqual(['web', 'worker'])
    expect(completeKubectl(api, ['kubectl', 'port-forward', 'pod/we'])).toEqual(['pod/web'])
    expect(completeKubectl(api, ['kubectl', 'cp', 'wo'])).toEqual(['worker:'])
    expect(completeKubectl(api, ['kubectl', 'exec', 'web', '--', 'l'])).toEqual([])
    expect(completeKubectl(api, ['kubectl', 'describe', 'pod/d'])).toEqual(['pod/db'])
    expect(completeKubectl(api, ['kubectl', 'delete', 'pods', '-n', 'kube-system', ''])).toEqual([])
  })
  it('namespaces after -n', () => {
    expect(completeKubectl(api, ['kubectl', 'get', 'pods', '-n', 'kube-'])).toEqual(['kube-node-lease', 'kube-public', 'kube-system'])
  })
  it('context names after config use-context', () => {
    const fs = newFs()
    expect(completeKubectl(api, ['kubectl', 'config', 'use-context', 'mini'], { cwd: '/home/learner', fs, env: { HOME: '/home/learner' } })).toEqual(['minikube'])
  })
  it('output formats after -o', () => {
    expect(completeKubectl(api, ['kubectl', 'get', 'pods', '-o', 'j'])).toEqual(['json', 'jsonpath='])
  })
  it('nothing after -f, so the shell completes file names', () => {
    expect(completeKubectl(api, ['kubectl', 'apply', '-f', 'we'])).toEqual([])
  })
})

describe('completion of the workload verbs', () => {
  it('rollout/set subcommands and scale complete types and names', () => {
    const api = new FakeApi()
    api.create('deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: {} })
    expect(completeKubectl(api, ['kubectl', 'rollout', 'st'])).toEqual(['status'])
    expect(completeKubectl(api, ['kubectl', 'rollout', 'status', 'deploy/'])).toEqual(['deploy/web'])
    expect(completeKubectl(api, ['kubectl', 'rollout', 'undo', 'deployments', ''])).toEqual(['web'])
    expect(completeKubectl(api, ['kubectl', 'set', 'image', 'deployment', 'w'])).toEqual(['web'])
    expect(completeKubectl(api, ['kubectl', 'scale', 'deploy'])).toEqual(['deployments'])
  })
})

describe('completion of the networking words', () => {
  const api = new FakeApi()
  api.create('deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: {} })
  api.create('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-svc', namespace: 'default' }, spec: {} })
  api.create('ingresses', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web-ing', namespace: 'default' }, spec: {} })
  it('the new resource types and their names', () => {
    expect(completeKubectl(api, ['kubectl', 'get', 'end'])).toEqual(['endpoints', 'endpointslices'])
    expect(completeKubectl(api, ['kubectl', 'get', 'ingress'])).toEqual(['ingressclasses', 'ingresses'])
    expect(completeKubectl(api, ['kubectl', 'get', 'ip'])).toEqual(['ipaddresspools'])
    expect(completeKubectl(api, ['kubectl', 'describe', 'ing', ''])).toEqual(['web-ing'])
    expect(completeKubectl(api, ['kubectl', 'describe', 'svc/w'])).toEqual(['svc/web-svc'])
    expect(completeKubectl(api, ['kubectl', 'port-forward', 'svc/w'])).toEqual(['svc/web-svc'])
  })
  it('expose offers what it can expose, then names', () => {
    expect(completeKubectl(api, ['kubectl', 'ex'])).toEqual(['exec', 'explain', 'expose'])
    expect(completeKubectl(api, ['kubectl', 'expose', 'de'])).toEqual(['deployment'])
    expect(completeKubectl(api, ['kubectl', 'expose', 'deployment', ''])).toEqual(['web'])
    expect(completeKubectl(api, ['kubectl', 'expose', 'svc/'])).toEqual(['svc/web-svc'])
    expect(completeKubectl(api, ['kubectl', 'expose', 'deploy', 'web', '--ty'])).toEqual(['--type'])
  })
  it('create service offers its four subcommands', () => {
    expect(completeKubectl(api, ['kubectl', 'create', 'se'])).toEqual(['secret', 'service', 'serviceaccount'])
    expect(completeKubectl(api, ['kubectl', 'create', 'service', ''])).toEqual(['clusterip', 'externalname', 'loadbalancer', 'nodeport'])
    expect(completeKubectl(api, ['kubectl', 'create', 'svc', 'n'])).toEqual(['nodeport'])
  })
})
