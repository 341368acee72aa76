// The kubelet expands `$(VAR)` in command and args with the container's environment
// (ExpandContainerCommandAndArgs), as the Kubernetes docs' "Use environment variables to define
// arguments" example does; `$$(VAR)` stays literal and an undefined variable is left as written.
import { describe, it, expect } from 'vitest'
import { TestCluster } from './TestCluster'

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: greet
spec:
  restartPolicy: Never
  containers:
  - name: greet
    image: busybox:1.36
    env:
    - name: MESSAGE
      value: hello from the env
    command: ["echo"]
    args: ["$(MESSAGE)", "$$(MESSAGE)", "$(UNSET)"]
`

describe('command and args expansion', () => {
  it('replaces $(MESSAGE), keeps $$(MESSAGE) as $(MESSAGE) and leaves $(UNSET)', async () => {
    const c = new TestCluster({ files: [{ path: '/home/learner/greet.yaml', content: POD }] })
    await c.sh('kubectl apply -f greet.yaml').advance('30s')
    expect((await c.run('kubectl logs greet')).stdout).toBe('hello from the env $(MESSAGE) $(UNSET)\n')
  })
})
