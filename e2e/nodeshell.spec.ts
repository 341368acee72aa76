// A node shell as a learner meets it: `minikube ssh` hands the terminal to the node (docker's
// prompt), `sudo -i` makes root, kube-proxy's rules are there to read with iptables-save, and each
// `exit` leaves one shell until the learner's laptop prompt is back.
import { test, expect } from './fixtures'
import { PROMPT, type TerminalPanel } from './pages/TerminalPanel'

test.beforeEach(async ({ page, terminal }) => {
  await page.goto('/')
  await terminal.waitForPrompt()
})

const DOCKER_PROMPT = 'docker@minikube:~$'
const ROOT_PROMPT = 'root@minikube:~#'

/** Runs a line under a nested prompt and returns what it printed once that prompt is back. */
async function runAt(terminal: TerminalPanel, prompt: string, line: string): Promise<string> {
  await terminal.start(line)
  let lines: string[] = []
  await expect.poll(async () => {
    const rows = await terminal.rows()
    const at = rows.lastIndexOf(`${prompt} ${line}`)
    const next = rows.findIndex((r, i) => i > at && r.startsWith(prompt))
    if (at < 0 || next < 0) return false
    lines = rows.slice(at + 1, next)
    return true
  }, { message: `\`${line}\` finishes under ${prompt}` }).toBe(true)
  return lines.join('\n')
}

test('minikube ssh, sudo -i, iptables-save shows KUBE-SERVICES, exit, exit', async ({ terminal, clock }) => {
  await clock.setSpeed(10)
  await terminal.start('minikube ssh')
  await expect.poll(() => terminal.currentLine(), { message: 'the node prompt shows' }).toBe(DOCKER_PROMPT)
  expect(await runAt(terminal, DOCKER_PROMPT, 'hostname; whoami')).toBe('minikube\ndocker')

  await terminal.start('sudo -i')
  await expect.poll(() => terminal.currentLine(), { message: 'root’s prompt shows' }).toBe(ROOT_PROMPT)
  // kube-proxy's first sync writes the nat table's KUBE-SERVICES rules (default/kubernetes, kube-dns).
  await expect(async () => {
    expect(Number(await runAt(terminal, ROOT_PROMPT, 'iptables-save | grep -c -- "-A KUBE-SERVICES"'))).toBeGreaterThan(0)
  }).toPass({ timeout: 45_000, intervals: [1_000] })

  await terminal.start('exit')
  await expect.poll(() => terminal.currentLine(), { message: 'back to docker' }).toBe(DOCKER_PROMPT)
  await terminal.start('exit')
  await expect.poll(() => terminal.currentLine(), { message: 'the learner prompt returns' }).toBe(PROMPT.trimEnd())
  expect(await terminal.run('minikube ip')).toBe('192.168.49.2')
})
