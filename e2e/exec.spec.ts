// kubectl exec -it as a learner meets it: the terminal enters the container (its prompt), runs
// lines there, and `exit` brings the learner's prompt back.
import { test, expect } from './fixtures'
import { PROMPT } from './pages/TerminalPanel'

test.beforeEach(async ({ page, terminal }) => {
  await page.goto('/')
  await terminal.waitForPrompt()
})

test('kubectl exec -it into busybox: ls /, exit, the learner prompt is back', async ({ terminal, clock }) => {
  await clock.setSpeed(10)
  expect(await terminal.run('kubectl run bb --image=busybox -- sleep 3600')).toBe('pod/bb created')
  await expect(async () => {
    expect(await terminal.run('kubectl get pod bb')).toMatch(/^bb\s+1\/1\s+Running\s+0\s+\S+$/m)
  }).toPass({ timeout: 45_000, intervals: [1_000] })

  await terminal.start('kubectl exec -it bb -- sh')
  // busybox's sh prompt for root in / is `/ # `.
  await expect.poll(() => terminal.currentLine(), { message: 'the container prompt shows' }).toBe('/ #')
  await terminal.start('ls /')
  await expect.poll(async () => (await terminal.rows()).join('\n'), { message: 'ls / lists the root' }).toMatch(/^\/ # ls \/\nbin\s+dev\s+etc\b.*\n\/ #$/m)
  await terminal.start('exit')
  await expect.poll(() => terminal.currentLine(), { message: 'the learner prompt returns' }).toBe(PROMPT.trimEnd())
  expect(await terminal.run('echo back')).toBe('back')
})

test('kubectl port-forward in the background, then curl on the laptop reaches nginx', async ({ terminal, clock }) => {
  await clock.setSpeed(10)
  expect(await terminal.run('kubectl run web --image=nginx')).toBe('pod/web created')
  await expect(async () => {
    expect(await terminal.run('kubectl get pod web')).toMatch(/^web\s+1\/1\s+Running\s+0\s+\S+$/m)
  }).toPass({ timeout: 45_000, intervals: [1_000] })
  expect(await terminal.run('kubectl port-forward pod/web 8000:80 &')).toBe('Forwarding from 127.0.0.1:8000 -> 80\nForwarding from [::1]:8000 -> 80')
  await terminal.start('curl -s localhost:8000/index.html')
  await expect.poll(async () => (await terminal.rows()).join('\n'), { message: 'the welcome page arrives through the forward' })
    .toMatch(/<h1>Welcome to nginx!<\/h1>/)
  await expect.poll(() => terminal.currentLine(), { message: 'the prompt returns' }).toBe(PROMPT.trimEnd())
})
