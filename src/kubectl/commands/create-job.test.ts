import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs } from '../testing/harness'

const YAML = `apiVersion: batch/v1
kind: Job
metadata:
  creationTimestamp: null
  name: countdown
spec:
  template:
    metadata:
      creationTimestamp: null
    spec:
      containers:
      - command:
        - sh
        - -c
        - echo hi
        image: busybox
        name: countdown
        resources: {}
      restartPolicy: Never
status: {}
`

describe('kubectl create job', () => {
  it('prints the Job it would send with --dry-run=client -o yaml', async () => {
    const api = new FakeApi()
    expect(await kubectl(api, newFs(), 'create job countdown --image=busybox --dry-run=client -o yaml -- sh -c "echo hi"')).toEqual({ code: 0, out: YAML, err: '' })
  })

  it('creates a Job with one container named after it, restartPolicy Never', async () => {
    const api = new FakeApi()
    expect(await kubectl(api, newFs(), 'create job pi --image=perl')).toEqual({ code: 0, out: 'job.batch/pi created\n', err: '' })
    const j = api.get('jobs', 'default', 'pi') as unknown as { spec: { template: { spec: { containers: Array<{ name: string; image: string }>; restartPolicy: string } } } }
    expect(j.spec.template.spec.containers.map((c) => [c.name, c.image])).toEqual([['pi', 'perl']])
    expect(j.spec.template.spec.restartPolicy).toBe('Never')
  })

  it('errors in kubectl words', async () => {
    const api = new FakeApi()
    expect(await kubectl(api, newFs(), 'create job pi')).toEqual({ code: 1, out: '', err: 'error: either --image or --from must be specified\n' })
    expect(await kubectl(api, newFs(), 'create job --image=perl')).toEqual({ code: 1, out: '', err: "error: exactly one NAME is required, got 0\nSee 'kubectl create job -h' for help and examples\n" })
    expect(await kubectl(api, newFs(), 'create job pi --from=cronjob/x -- date')).toEqual({ code: 1, out: '', err: 'error: cannot specify --from and command\n' })
    expect((await kubectl(api, newFs(), 'create job pi --from=cronjob/x')).err).toBe('error: --from is not supported in Kubelab: there is no CronJob kind yet (use --image)\n')
  })
})
