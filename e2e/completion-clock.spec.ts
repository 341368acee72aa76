// Tab completion and the clock control, used as a learner uses them.
import { test, expect } from './fixtures'

test.beforeEach(async ({ page, terminal }) => {
  await page.goto('/')
  await terminal.waitForPrompt()
})

test('Tab completes kubectl verbs, resource types and object names', async ({ terminal }) => {
  expect(await terminal.run('kubectl run web --image=nginx')).toBe('pod/web created')
  await terminal.focus()
  // `kubectl desc` + Tab → `kubectl describe `, `po` + Tab → `pod`/`pods` candidates, `w` + Tab → `web`.
  await terminal.type('kubectl desc')
  await terminal.press('Tab')
  await expect.poll(() => terminal.currentLine()).toBe('learner@kubelab:~$ kubectl describe')
  await terminal.type('pod w')
  await terminal.press('Tab')
  await expect.poll(() => terminal.currentLine()).toBe('learner@kubelab:~$ kubectl describe pod web')
  await terminal.press('Enter')
  // The top of describe's output scrolls away; its Events table is the last thing it prints.
  await expect.poll(() => terminal.text()).toMatch(/Successfully assigned default\/web to minikube/)
  await terminal.waitForPrompt()
})

test('Pause stops virtual time; Step moves it by one second', async ({ page, terminal, clock }) => {
  await clock.button('Pause').click()
  await expect(clock.button('Play')).toBeVisible()
  expect(await terminal.run('kubectl run paused --image=nginx')).toBe('pod/paused created')
  // With the clock stopped, nothing is scheduled: the pod stays Pending however long we wait.
  await page.waitForTimeout(1_500)
  expect(await terminal.run('kubectl get pod paused --no-headers')).toMatch(/^paused\s+0\/1\s+Pending\s+0\s+0s$/)
  await clock.button('Step').click()
  await expect.poll(async () => terminal.run('kubectl get pod paused --no-headers')).toMatch(/^paused\s+0\/1\s+ContainerCreating\s+0\s+1s$/)
  await clock.button('Play').click()
  await expect(clock.button('Pause')).toBeVisible()
})
