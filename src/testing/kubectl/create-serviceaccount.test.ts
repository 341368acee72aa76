import { describe, it, expect } from 'vitest'
import { TestCluster } from '../TestCluster'

describe('kubectl create serviceaccount', () => {
  it('creates, prints, lists and describes as upstream does', async () => {
    const c = new TestCluster()
    expect((await c.run('kubectl create serviceaccount bob')).stdout).toBe('serviceaccount/bob created\n')
    expect((await c.run('kubectl create sa bob')).stderr).toBe('error: failed to create serviceaccount: serviceaccounts "bob" already exists\n')
    expect((await c.run('kubectl create sa')).stderr).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create serviceaccount -h' for help and examples\n")
    expect((await c.run('kubectl create sa dave --dry-run=client -o yaml')).stdout).toBe('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  creationTimestamp: null\n  name: dave\n')
    expect((await c.run('kubectl get sa')).stdout).toBe('NAME      SECRETS   AGE\nbob       0         0s\ndefault   0         0s\n')
    expect((await c.run('kubectl describe sa bob')).stdout).toBe([
      'Name:                bob',
      'Namespace:           default',
      'Labels:              <none>',
      'Annotations:         <none>',
      'Image pull secrets:  <none>',
      'Mountable secrets:   <none>',
      'Tokens:              <none>',
      'Events:              <none>',
      '',
    ].join('\n'))
  })
})
