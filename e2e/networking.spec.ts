// A Service as a learner meets it: expose a Deployment as a NodePort, watch the graph draw the
// Service's lines to the pods behind its endpoints, and reach it from the learner's own terminal
// (the laptop) on the node's IP — where the ClusterIP itself does not answer.
import { test, expect } from './fixtures'

test.beforeEach(async ({ page, terminal }) => {
  await page.goto('/')
  await terminal.waitForPrompt()
})

test('expose a Deployment: the graph links the Service to its ready pods; curl reaches the NodePort, not the ClusterIP', async ({ terminal, clock, graph }) => {
  await clock.setSpeed(10)
  expect(await terminal.run('kubectl create deployment web --image=nginx:1.25 --replicas=2')).toBe('deployment.apps/web created')
  expect(await terminal.run('kubectl expose deployment web --port 80 --type NodePort')).toBe('service/web exposed')

  // Two ready pods behind the Service, drawn as solid (ready) endpoint lines.
  await expect.poll(() => graph.edgesFrom('Service/web', 'endpoint'), { timeout: 45_000, message: 'two ready endpoints' }).toEqual([
    expect.stringMatching(/^Pod\/web-\w+-\w{5} ready$/),
    expect.stringMatching(/^Pod\/web-\w+-\w{5} ready$/),
  ])

  // Short lines: a command that wraps in the terminal is harder to read back.
  expect(await terminal.run("PORT=$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')")).toBe('')
  expect(await terminal.run("curl -s http://$(minikube ip):$PORT/ | grep '<title>'")).toBe('<title>Welcome to nginx!</title>')
  // The ClusterIP lives only inside the cluster: from the laptop the connection times out (curl 28).
  expect(await terminal.run("CIP=$(kubectl get svc web -o jsonpath='{.spec.clusterIP}')")).toBe('')
  expect(await terminal.run('curl -s --max-time 2 http://$CIP/; echo "exit $?"', 30_000)).toBe('exit 28')

  // Scale to 3: a third line appears.
  expect(await terminal.run('kubectl scale deployment web --replicas=3')).toBe('deployment.apps/web scaled')
  await expect.poll(async () => (await graph.edgesFrom('Service/web', 'endpoint')).length, { timeout: 45_000 }).toBe(3)
})
