// The course notes' container situations (issue 4, point 9) on the whole engine: the image
// library's programs as PID 1, the prober, volumes, logs and exec, seen through the learner's
// kubectl as a learner would diagnose them.
import { describe, it, expect } from 'vitest'
import { TestCluster } from './TestCluster'

const file = (path: string, content: string) => ({ path: `/home/learner/${path}`, content })

const WEB_DEPLOYMENT = (port: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: kovtalex/simple-web:0.1
        readinessProbe:
          httpGet:
            path: /index.html
            port: ${port}
        volumeMounts:
        - name: app
          mountPath: /app
      initContainers:
      - name: init-web
        image: busybox:1.31.1
        command: ['sh', '-c', 'echo "<h1>web</h1>" > /app/index.html']
        volumeMounts:
        - name: app
          mountPath: /app
      volumes:
      - name: app
        emptyDir: {}
`

const row = async (c: TestCluster, what: string) => (await c.run(`kubectl get ${what} --no-headers`)).stdout.trim().split(/\s{2,}/)

describe('probes', () => {
  it('a readinessProbe on port 80 while simple-web listens on 8000: 0/1 Running, the probe event, Available False; fixing the port', async () => {
    const c = new TestCluster({ seed: 61, files: [file('web.yaml', WEB_DEPLOYMENT(80))] })
    await c.sh('kubectl apply -f web.yaml').advance('60s')
    const pod = c.pods('app=web')[0]
    expect((await row(c, `pod ${pod.metadata.name}`)).slice(1, 4)).toEqual(['0/1', 'Running', '0'])
    const ip = pod.status.podIP
    const describe = (await c.run(`kubectl describe pod ${pod.metadata.name}`)).stdout
    expect(describe).toContain(`Readiness probe failed: Get "http://${ip}:80/index.html": dial tcp ${ip}:80: connect: connection refused`)
    const deploy = (await c.run('kubectl describe deployment web')).stdout
    expect(deploy).toMatch(/Available +False +MinimumReplicasUnavailable/)
    c.fs.writeFile('/home/learner/web.yaml', WEB_DEPLOYMENT(8000))
    await c.sh('kubectl apply -f web.yaml').advance('60s')
    expect((await row(c, 'deployment web')).slice(0, 4)).toEqual(['web', '1/1', '1', '1'])
    expect((await c.run('kubectl describe deployment web')).stdout).toMatch(/Available +True +MinimumReplicasAvailable/)
  })

  it('a tcpSocket liveness probe: on the right port the pod stays up; on a closed port it is restarted', async () => {
    const pod = (name: string, port: number) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: redis
    image: redis:7
    livenessProbe:
      tcpSocket:
        port: ${port}
      initialDelaySeconds: 5
      periodSeconds: 5
`
    const c = new TestCluster({ seed: 62, files: [file('good.yaml', pod('good', 6379)), file('bad.yaml', pod('bad', 6380))] })
    await c.sh('kubectl apply -f good.yaml').sh('kubectl apply -f bad.yaml').advance('60s')
    expect((await row(c, 'pod good')).slice(1, 4)).toEqual(['1/1', 'Running', '0'])
    const bad = (await c.run('kubectl describe pod bad')).stdout
    expect(bad).toMatch(/Liveness probe failed: dial tcp 10\.244\.0\.\d+:6380: connect: connection refused/)
    expect(bad).toContain('Container redis failed liveness probe, will be restarted')
    expect(Number((await row(c, 'pod bad'))[3].split(' ')[0])).toBeGreaterThanOrEqual(1)
  })
})

describe('init containers and volumes', () => {
  const WEB_POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: web
    image: kovtalex/simple-web:0.1
    volumeMounts:
    - name: app
      mountPath: /app
  initContainers:
  - name: init-web
    image: busybox:1.31.1
    command: ['sh', '-c', 'echo "<h1>Hello from init</h1>" > /app/index.html']
    volumeMounts:
    - name: app
      mountPath: /app
  volumes:
  - name: app
    emptyDir: {}
`

  it('an init container writes /app/index.html into an emptyDir; the web container serves it on 8000', async () => {
    const c = new TestCluster({ seed: 63, files: [file('web-pod.yaml', WEB_POD)] })
    await c.sh('kubectl apply -f web-pod.yaml').advance('1500ms')
    expect((await row(c, 'pod web'))[2]).toMatch(/^Init:0\/1$|^PodInitializing$/)
    await c.advance('30s')
    expect((await row(c, 'pod web')).slice(1, 3)).toEqual(['1/1', 'Running'])
    expect((await c.run('kubectl exec web -- cat /app/index.html')).stdout).toBe('<h1>Hello from init</h1>\n')
    const ip = c.pods('app=web')[0].status.podIP
    const res = await c.cluster.fabric.listenerAt(ip, 8000)?.http?.({ method: 'GET', path: '/index.html', headers: {}, remoteIP: '10.244.0.1', localIP: ip, localPort: 8000 })
    expect(res?.status).toBe(200)
    expect(res?.body).toBe('<h1>Hello from init</h1>\n')
  })

  it('two containers share an emptyDir', async () => {
    const POD = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: writer
    image: busybox:1.36
    command: ['sh', '-c', 'while true; do date >> /data/dates; sleep 1; done']
    volumeMounts:
    - name: shared
      mountPath: /data
  - name: reader
    image: busybox:1.36
    command: ['sleep', '3600']
    volumeMounts:
    - name: shared
      mountPath: /shared
  volumes:
  - name: shared
    emptyDir: {}
`
    const c = new TestCluster({ seed: 64, files: [file('two.yaml', POD)] })
    await c.sh('kubectl apply -f two.yaml').advance('20s')
    expect((await row(c, 'pod two')).slice(1, 3)).toEqual(['2/2', 'Running'])
    const lines = (await c.run('kubectl exec two -c reader -- cat /shared/dates')).stdout.trim().split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(15)
    expect(lines[0]).toMatch(/2026/)
  })
})

describe('configMap volumes', () => {
  it('follow an edit of the ConfigMap within a sync period, not at once', async () => {
    const POD = `apiVersion: v1
kind: Pod
metadata:
  name: reader
spec:
  containers:
  - name: reader
    image: busybox:1.36
    command: ['sleep', '3600']
    volumeMounts:
    - name: cfg
      mountPath: /etc/app
  volumes:
  - name: cfg
    configMap:
      name: app
`
    const c = new TestCluster({ seed: 65, files: [file('reader.yaml', POD)] })
    await c.sh('kubectl create configmap app --from-literal=mode=blue').sh('kubectl apply -f reader.yaml').advance('10s')
    expect((await c.run('kubectl exec reader -- cat /etc/app/mode')).stdout).toBe('blue')
    await c.sh(`kubectl patch configmap app -p '{"data":{"mode":"green"}}'`)
    expect((await c.run('kubectl exec reader -- cat /etc/app/mode')).stdout).toBe('blue')
    await c.advance('70s')
    expect((await c.run('kubectl exec reader -- cat /etc/app/mode')).stdout).toBe('green')
    expect((await c.run('kubectl exec reader -- sh -c "echo x > /etc/app/mode"')).stderr).toMatch(/Read-only file system/)
  })
})

describe('environment, logs and exits', () => {
  it('kubectl exec pod-env -- printenv shows the pod env and the service variables', async () => {
    const POD = `apiVersion: v1
kind: Pod
metadata:
  name: pod-env
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
    env:
    - name: GREETING
      value: hello
`
    const c = new TestCluster({ seed: 65, files: [file('pod-env.yaml', POD)] })
    await c.sh('kubectl apply -f pod-env.yaml').advance('20s')
    const env = (await c.run('kubectl exec pod-env -- printenv')).stdout
    expect(env).toContain('GREETING=hello\n')
    expect(env).toContain('HOSTNAME=pod-env\n')
    expect(env).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n')
    expect(env).toContain('KUBERNETES_SERVICE_PORT=443\n')
  })

  it('the Online Boutique frontend: Error, CrashLoopBackOff until its addresses are set, then Running', async () => {
    const c = new TestCluster({ seed: 66 })
    await c.sh('kubectl create deployment frontend --image=gcr.io/google-samples/microservices-demo/frontend:v0.10.2').advance('40s')
    const name = c.pods('app=frontend')[0].metadata.name
    expect((await row(c, `pod ${name}`))[2]).toMatch(/^(Error|CrashLoopBackOff)$/)
    expect((await c.run(`kubectl logs ${name}`)).stdout).toContain('panic: environment variable "PRODUCT_CATALOG_SERVICE_ADDR" not set')
    // v0.10 also wants the shopping assistant's address (the frontend names each missing one in turn).
    const vars = ['PRODUCT_CATALOG_SERVICE_ADDR', 'CURRENCY_SERVICE_ADDR', 'CART_SERVICE_ADDR', 'RECOMMENDATION_SERVICE_ADDR', 'CHECKOUT_SERVICE_ADDR', 'SHIPPING_SERVICE_ADDR', 'AD_SERVICE_ADDR', 'SHOPPING_ASSISTANT_SERVICE_ADDR']
    await c.sh(`kubectl set env deployment/frontend ${vars.map((v) => `${v}=x:1`).join(' ')}`).advance('60s')
    const pods = c.pods('app=frontend').filter((p) => !p.metadata.deletionTimestamp)
    expect(pods).toHaveLength(1)
    expect((await row(c, `pod ${pods[0].metadata.name}`)).slice(1, 3)).toEqual(['1/1', 'Running'])
  })

  it('a tag that does not exist in the library: ErrImagePull / ImagePullBackOff with the registry message', async () => {
    const c = new TestCluster({ seed: 67 })
    await c.sh('kubectl run web --image=kovtalex/simple-web:0.2').advance('20s')
    expect((await row(c, 'pod web'))[2]).toMatch(/^(ErrImagePull|ImagePullBackOff)$/)
    expect((await c.run('kubectl describe pod web')).stdout).toContain('Failed to pull image "kovtalex/simple-web:0.2": rpc error: code = Unknown desc = Error response from daemon: manifest for kovtalex/simple-web:0.2 not found: manifest unknown: manifest unknown')
  })

  it('a countdown pod logs 9 … 1 and completes, under Never and OnFailure', async () => {
    for (const policy of ['Never', 'OnFailure']) {
      const c = new TestCluster({ seed: 68 })
      await c.sh(`kubectl run countdown --image=busybox:1.36 --restart=${policy} -- sh -c 'for i in 9 8 7 6 5 4 3 2 1; do echo $i; done'`).advance('20s')
      expect((await row(c, 'pod countdown')).slice(1, 4)).toEqual(['0/1', 'Completed', '0'])
      expect((await c.run('kubectl logs countdown')).stdout).toBe('9\n8\n7\n6\n5\n4\n3\n2\n1\n')
    }
  })

  it('a date loop logs one line per virtual second', async () => {
    const c = new TestCluster({ seed: 69 })
    await c.sh(`kubectl run clock --image=busybox:1.36 -- sh -c 'while true; do date; sleep 1; done'`).advance('5s')
    const before = (await c.run('kubectl logs clock')).stdout.trim().split('\n').length
    await c.advance('30s')
    const after = (await c.run('kubectl logs clock')).stdout.trim().split('\n').length
    expect(after - before).toBeGreaterThanOrEqual(29)
    expect(after - before).toBeLessThanOrEqual(31)
  })

  it('postgres without POSTGRES_PASSWORD exits with its message', async () => {
    const c = new TestCluster({ seed: 70 })
    await c.sh('kubectl run db --image=postgres:16').advance('30s')
    expect((await row(c, 'pod db'))[2]).toMatch(/^(Error|CrashLoopBackOff)$/)
    expect((await c.run('kubectl logs db')).stdout + (await c.run('kubectl logs db')).stderr).toContain('superuser password is not specified')
  })

  it('polinux/stress over its memory limit is OOMKilled', async () => {
    const POD = `apiVersion: v1
kind: Pod
metadata:
  name: memory-demo
spec:
  restartPolicy: Never
  containers:
  - name: memory-demo-ctr
    image: polinux/stress
    resources:
      limits:
        memory: "100Mi"
      requests:
        memory: "50Mi"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
`
    const c = new TestCluster({ seed: 71, files: [file('mem.yaml', POD)] })
    await c.sh('kubectl apply -f mem.yaml').advance('30s')
    expect((await row(c, 'pod memory-demo'))[2]).toBe('OOMKilled')
    expect(c.api.get('pods', 'default', 'memory-demo').status as never).toMatchObject({ containerStatuses: [{ state: { terminated: { exitCode: 137, reason: 'OOMKilled' } } }] })
  })

  it('graceful termination: nginx stops at once, `sleep 3600` waits the 30 s grace period', async () => {
    const c = new TestCluster({ seed: 72 })
    await c.sh('kubectl run web --image=nginx:1.25').sh('kubectl run sleeper --image=busybox:1.36 -- sleep 3600').advance('20s')
    const gone: Record<string, number> = {}
    const t0 = c.cluster.clock.now()
    c.api.watch('pods', { namespace: 'default' }, (ev) => { if (ev.type === 'DELETED') gone[ev.object.metadata.name!] = c.cluster.clock.now() - t0 })
    await c.sh('kubectl delete pod web sleeper --wait=false').advance('5s')
    expect((await c.run('kubectl get pods --no-headers')).stdout).toMatch(/^sleeper +1\/1 +Terminating/)
    await c.advance('40s')
    expect(gone.web).toBeLessThan(1000)
    expect(gone.sleeper).toBeGreaterThanOrEqual(30_000)
    expect(gone.sleeper).toBeLessThan(31_000)
  })
})
