// The course's ReplicaSet lesson: a new image in the template changes nothing that runs. A
// ReplicaSet only counts pods that match its selector; it never compares them with its template
// (that is the Deployment's job), so old pods keep their image until they are deleted, and only
// pods it creates from then on get the new one.
import { describe, it, expect } from 'vitest'
import { TestCluster } from './TestCluster'

const V1 = 'kovtalex/hipster-frontend:v0.0.1'
const V2 = 'kovtalex/hipster-frontend:v0.0.2'
const FILE = '/home/learner/frontend-replicaset.yaml'

/** The course's manifest sets every address the frontend needs (without them it panics and crash-loops). */
const ENV = ['PRODUCT_CATALOG_SERVICE_ADDR', 'CURRENCY_SERVICE_ADDR', 'CART_SERVICE_ADDR', 'RECOMMENDATION_SERVICE_ADDR', 'CHECKOUT_SERVICE_ADDR', 'SHIPPING_SERVICE_ADDR', 'AD_SERVICE_ADDR']

function frontendRs(image: string, replicas = 3): string {
  return `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
  labels:
    app: frontend
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: frontend
  template:
    metadata:
      labels:
        app: frontend
    spec:
      containers:
      - name: server
        image: ${image}
        env:
${ENV.map((name) => `        - name: ${name}\n          value: "${name.toLowerCase().replace(/_service_addr$/, '')}service:8080"`).join('\n')}
`
}

const PODS_IMAGES = "kubectl get pods -l app=frontend -o jsonpath='{.items[*].spec.containers[0].image}'"
const TEMPLATE_IMAGE = "kubectl get replicaset frontend -o=jsonpath='{.spec.template.spec.containers[0].image}'"
/** The pods' images, sorted: list order follows pod names, which are random. */
const images = async (c: TestCluster) => (await c.run(PODS_IMAGES)).stdout.split(' ').sort()
const names = (c: TestCluster) => c.pods('app=frontend').filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name as string).sort()

describe('a ReplicaSet whose template image changes keeps its old pods', () => {
  it('apply a new image: the template changes, the pods do not; a deleted pod comes back with the new image', async () => {
    const c = new TestCluster({ seed: 71, files: [{ path: FILE, content: frontendRs(V1) }] })
    expect((await c.run('kubectl apply -f frontend-replicaset.yaml')).stdout).toBe('replicaset.apps/frontend created\n')
    await c.advance('30s')
    c.expectPods('app=frontend', { total: 3, ready: 3, phase: 'Running' })
    const before = names(c)

    c.fs.writeFile(FILE, frontendRs(V2))
    expect((await c.run('kubectl apply -f frontend-replicaset.yaml')).stdout).toBe('replicaset.apps/frontend configured\n')
    await c.advance('1m')
    // The template says v0.0.2 …
    expect((await c.run(TEMPLATE_IMAGE)).stdout).toBe(V2)
    // … but the three pods are the same three, still on v0.0.1 (3 desired, 3 match: nothing to do).
    expect((await c.run(PODS_IMAGES)).stdout).toBe(`${V1} ${V1} ${V1}`)
    expect((await c.run("kubectl get pods -l app=frontend -o=jsonpath='{.items[0:3].spec.containers[0].image}'")).stdout).toBe(`${V1} ${V1} ${V1}`)
    expect(names(c)).toEqual(before)
    c.expectPods('app=frontend', { total: 3, ready: 3, phase: 'Running' })
    // `get rs -o wide` shows the template's image, which no pod runs yet.
    expect((await c.run('kubectl get rs frontend -o wide --no-headers')).stdout).toMatch(new RegExp(`^frontend +3 +3 +3 +\\S+ +server +${V2.replace(/[.]/g, '\\.')} +app=frontend\\n$`))

    // Deleting one pod: 2 match, 3 desired → one new pod, made from today's template.
    expect((await c.run(`kubectl delete pod ${before[0]}`)).stdout).toBe(`pod "${before[0]}" deleted\n`)
    await c.advance('30s')
    c.expectPods('app=frontend', { total: 3, ready: 3, phase: 'Running' })
    expect(await images(c)).toEqual([V1, V1, V2].sort())
    expect(names(c)).not.toContain(before[0])

    // Deleting the rest replaces them too: only now does every pod run v0.0.2.
    await c.sh(`kubectl delete pod ${before[1]} ${before[2]}`).advance('30s')
    c.expectPods('app=frontend', { total: 3, ready: 3, phase: 'Running' })
    expect((await c.run(PODS_IMAGES)).stdout).toBe(`${V2} ${V2} ${V2}`)
  })

  it('a new image and more replicas at once: the old pods stay, only the added pod runs the new image', async () => {
    const c = new TestCluster({ seed: 72, files: [{ path: FILE, content: frontendRs(V1) }] })
    await c.sh('kubectl apply -f frontend-replicaset.yaml').advance('30s')
    c.expectPods('app=frontend', { total: 3, ready: 3 })
    c.fs.writeFile(FILE, frontendRs(V2, 4))
    expect((await c.run('kubectl apply -f frontend-replicaset.yaml')).stdout).toBe('replicaset.apps/frontend configured\n')
    await c.advance('30s')
    // 4 desired − 3 matching = 1 pod to create, from the new template.
    c.expectPods('app=frontend', { total: 4, ready: 4, phase: 'Running' })
    expect(await images(c)).toEqual([V1, V1, V1, V2].sort())
  })
})
