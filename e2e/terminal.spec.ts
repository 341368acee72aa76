// The terminal as a learner first meets it: a prompt, kubectl run, virtual time, kubectl get pods.
import { test, expect } from './fixtures'

test.beforeEach(async ({ page, terminal }) => {
  await page.goto('/')
  await terminal.waitForPrompt()
})

test('kubectl run creates a pod that kubectl get pods shows Running', async ({ terminal, clock, graph }) => {
  await clock.setSpeed(10)
  expect(await terminal.run('kubectl run web --image=nginx')).toBe('pod/web created')
  // Pulling and starting take some virtual seconds: retype `kubectl get pods` until the row is Running.
  await expect(async () => {
    const out = await terminal.run('kubectl get pods')
    expect(out).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/m)
    expect(out).toMatch(/^web\s+1\/1\s+Running\s+0\s+\S+$/m)
  }).toPass({ timeout: 45_000, intervals: [1_000] })
  await expect(graph.object('Pod', 'web')).toHaveCount(1)
  await expect(graph.object('Pod', 'web')).toHaveAttribute('data-status', /Running/)
})

test('Ctrl-C stops kubectl get pods -w and the prompt returns', async ({ page, terminal }) => {
  expect(await terminal.run('kubectl run watched --image=nginx')).toBe('pod/watched created')
  const watch = 'kubectl get pods -w'
  await terminal.start(watch)
  await expect.poll(async () => (await terminal.outputOf(watch))?.lines.join('\n') ?? '',
    { message: 'the watch prints the table' }).toMatch(/^watched\s+/m)
  // A watch never ends by itself: a second later there is still no prompt after it.
  await page.waitForTimeout(1_000)
  expect((await terminal.outputOf(watch))?.done, 'the watch is still running').toBe(false)
  await terminal.press('Control+C')
  await expect.poll(async () => (await terminal.outputOf(watch))?.done ?? false,
    { message: 'the prompt returns after Ctrl-C' }).toBe(true)
  expect(await terminal.run('echo still-here')).toBe('still-here')
})
