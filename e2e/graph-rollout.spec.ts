// The graph during a rolling update, as a learner sees it: create a Deployment in the terminal,
// change its image, and watch the graph's objects (the hidden list mirrors the canvas) show both
// ReplicaSets while pods move from the old one to the new one.
import { test, expect } from './fixtures'

/** `web-<hash>`: a ReplicaSet of Deployment web (the hash alphabet is upstream's). */
const WEB_RS = /^web-[bcdfghjklmnpqrstvwxz2456789]+ \d+\/\d+$/

test.beforeEach(async ({ page, terminal }) => {
  await page.goto('/')
  await terminal.waitForPrompt()
})

test('a rollout shows both ReplicaSets, ending with the new at 3/3 and the old at 0/0', async ({ terminal, clock, graph }) => {
  await clock.setSpeed(10)
  expect(await terminal.run('kubectl create deployment web --image=nginx:1.25 --replicas=3'))
    .toBe('deployment.apps/web created')
  await expect(graph.object('Deployment', 'web')).toHaveAttribute('data-status', '3/3', { timeout: 45_000 })
  await expect(graph.object('Deployment', 'web')).toHaveAttribute('data-namespace', 'default')
  const [first] = await graph.statuses('ReplicaSet')
  expect(first).toMatch(WEB_RS)
  expect(first).toMatch(/ 3\/3$/)
  const oldName = first.split(' ')[0]
  expect(await graph.statuses('Pod')).toEqual([
    expect.stringMatching(new RegExp(`^${oldName}-\\w{5} Running$`)),
    expect.stringMatching(new RegExp(`^${oldName}-\\w{5} Running$`)),
    expect.stringMatching(new RegExp(`^${oldName}-\\w{5} Running$`)),
  ])

  // Keep every state the list shows from here on: a rollout at 10× passes each step quickly.
  await graph.record('ReplicaSet')
  expect(await terminal.run('kubectl set image deployment/web nginx=nginx:1.26')).toBe('deployment.apps/web image updated')

  // The end: the new ReplicaSet at 3/3, the old one kept (it is still an object) at 0/0.
  await expect.poll(async () => {
    const rs = await graph.statuses('ReplicaSet')
    return rs.find((r) => r.startsWith(`${oldName} `)) === `${oldName} 0/0` &&
      rs.some((r) => !r.startsWith(`${oldName} `) && r.endsWith(' 3/3'))
  }, { timeout: 45_000, message: 'the new ReplicaSet 3/3 and the old one 0/0' }).toBe(true)
  const rs = await graph.statuses('ReplicaSet')
  expect(rs).toHaveLength(2)
  const newName = rs.find((r) => !r.startsWith(`${oldName} `))!.split(' ')[0]
  expect(`${newName} 3/3`).toMatch(WEB_RS)
  await expect(graph.object('Deployment', 'web')).toHaveAttribute('data-status', '3/3')
  await expect(graph.object('ReplicaSet', oldName)).toHaveAttribute('data-namespace', 'default')
  // Every remaining pod belongs to the new ReplicaSet (the old pods are gone once terminated).
  await expect.poll(() => graph.statuses('Pod'), { timeout: 30_000 }).toEqual([
    expect.stringMatching(new RegExp(`^${newName}-\\w{5} Running$`)),
    expect.stringMatching(new RegExp(`^${newName}-\\w{5} Running$`)),
    expect.stringMatching(new RegExp(`^${newName}-\\w{5} Running$`)),
  ])
  // While the rollout ran the list showed both ReplicaSets with pods wanted in each (old going
  // down, new coming up), and it never lost the old one.
  const desired = (snap: string[], name: string) => {
    const row = snap.find((r) => r.startsWith(`${name} `))
    return row === undefined ? undefined : Number(row.split('/')[1])
  }
  const seen = await graph.recorded()
  expect(seen[0]).toEqual([`${oldName} 3/3`])
  const moving = seen.filter((snap) => snap.length === 2 && desired(snap, oldName)! > 0 && desired(snap, newName)! > 0)
  expect(moving.length, `a state with both ReplicaSets wanting pods among ${JSON.stringify(seen)}`).toBeGreaterThan(0)
  for (const snap of seen) expect(desired(snap, oldName), JSON.stringify(seen)).toBeDefined()
  const oldDesired = seen.map((snap) => desired(snap, oldName)!)
  expect(oldDesired, 'the old ReplicaSet only scales down').toEqual([...oldDesired].sort((a, b) => b - a))
  expect(seen[seen.length - 1]).toEqual(expect.arrayContaining([`${oldName} 0/0`, `${newName} 3/3`]))
  // kubectl agrees with the graph.
  expect(await terminal.run('kubectl get rs --no-headers')).toMatch(new RegExp(`^${oldName}\\s+0\\s+0\\s+0\\s+\\S+$`, 'm'))
})
