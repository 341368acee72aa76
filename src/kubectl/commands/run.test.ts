import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { kubectl, newFs } from '../testing/harness'
import { getPod } from '../testing/fixtures'

describe('kubectl run', () => {
  it('creates a pod labelled run=NAME', async () => {
    const api = new FakeApi()
    expect(await kubectl(api, newFs(), 'run web --image=nginx:1.25')).toEqual({ code: 0, out: 'pod/web created\n', err: '' })
    const pod = getPod(api, 'web')
    expect(pod.metadata.labels).toEqual({ run: 'web' })
    expect(pod.spec?.containers[0]).toEqual({ name: 'web', image: 'nginx:1.25', resources: {} })
  })

  it('--dry-run=client -o yaml prints what kubectl prints', async () => {
    const r = await kubectl(new FakeApi(), newFs(), 'run web --image=nginx --dry-run=client -o yaml')
    expect(r.out).toBe(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: web
  name: web
spec:
  containers:
  - image: nginx
    name: web
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`)
  })

  it('flags: port, env, labels, restart, command vs args', async () => {
    const api = new FakeApi()
    await kubectl(api, newFs(), 'run a --image=busybox --port=80 --env=A=1 --env=B=2 -l app=x,tier=y --restart=Never -- sleep 3600')
    const a = getPod(api, 'a')
    expect(a.metadata.labels).toEqual({ app: 'x', tier: 'y' })
    expect(a.spec?.restartPolicy).toBe('Never')
    expect(a.spec?.containers[0]).toMatchObject({ args: ['sleep', '3600'], ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] })
    await kubectl(api, newFs(), 'run b --image=busybox --command -- sh -c "echo hi"')
    expect(getPod(api, 'b').spec?.containers[0].command).toEqual(['sh', '-c', 'echo hi'])
  })

  it('--overrides merges JSON over the generated pod', async () => {
    const api = new FakeApi()
    await kubectl(api, newFs(), `run web --image=nginx --overrides='{"spec":{"nodeSelector":{"disk":"ssd"}}}'`)
    expect(getPod(api, 'web').spec?.nodeSelector).toEqual({ disk: 'ssd' })
  })

  it('learner mistakes, in kubectl\'s words, create nothing', async () => {
    const api = new FakeApi()
    expect(await kubectl(api, newFs(), 'run web')).toEqual({ code: 1, out: '', err: 'error: required flag(s) "image" not set\n' })
    expect((await kubectl(api, newFs(), 'run web --image=Nginx')).err).toBe('error: Invalid image name "Nginx": invalid reference format\n')
    expect((await kubectl(api, newFs(), 'run --image=nginx')).err).toBe("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n")
    expect((await kubectl(api, newFs(), 'run web --image=nginx -it')).err).toMatch(/^error: attaching to a container .* is not supported in Kubelab yet/)
    expect((await kubectl(api, newFs(), 'run Web --image=nginx')).err).toMatch(/^The Pod "Web" is invalid: metadata\.name: Invalid value: "Web"/)
    expect(api.writes).toEqual([])
  })
})
