// kubectl exec -it, cp and port-forward against the real engine, through the learner's session as
// the terminal drives it (Session.run): the nested shell's prompt and lines, then back.
import { describe, it, expect } from 'vitest'
import { TestCluster } from '../testing/TestCluster'

describe('the learner terminal with kubectl exec -it', () => {
  it('enters a busybox container, runs lines there, and comes back with $?', async () => {
    const c = new TestCluster({ seed: 3 })
    await c.sh('kubectl run bb --image=busybox -- sleep 3600').advance('60s')
    expect((await c.run('kubectl get pod bb -o jsonpath={.status.phase}')).stdout).toBe('Running')
    const enter = await c.run('kubectl exec -it bb -- sh')
    expect(enter).toMatchObject({ code: 0, output: '' })
    expect(c.session.prompt()).toBeDefined()
    const ls = await c.run('ls /')
    expect(ls.code).toBe(0)
    expect(ls.stdout).toMatch(/\bbin\b/)
    expect((await c.run('hostname')).stdout).toBe('bb\n')
    const out = await c.run('exit 3')
    expect(out).toMatchObject({ code: 3, stderr: 'command terminated with exit code 3\n' })
    expect(c.session.prompt()).toBeUndefined()
    expect((await c.run('echo $?')).stdout).toBe('3\n')
  })

  it('runs a one-off exec and reports its status', async () => {
    const c = new TestCluster({ seed: 3 })
    await c.sh('kubectl run bb --image=busybox -- sleep 3600').advance('60s')
    expect(await c.run('kubectl exec bb -- echo hi')).toMatchObject({ code: 0, stdout: 'hi\n' })
    expect(await c.run("kubectl exec bb -- sh -c 'exit 4'")).toMatchObject({ code: 4, stderr: 'command terminated with exit code 4\n' })
  })

  it('copies a workspace file into the container and back', async () => {
    const c = new TestCluster({ seed: 3, files: [{ path: '/home/learner/note.txt', content: 'hello\n' }] })
    await c.sh('kubectl run bb --image=busybox -- sleep 3600').advance('60s')
    expect(await c.run('kubectl cp note.txt bb:/tmp/note.txt')).toMatchObject({ code: 0, output: '' })
    expect((await c.run('kubectl exec bb -- cat /tmp/note.txt')).stdout).toBe('hello\n')
    expect(await c.run('kubectl cp bb:/tmp/note.txt back.txt')).toMatchObject({ code: 0, stdout: "tar: removing leading '/' from member names\n" })
    expect(c.fs.readFile('/home/learner/back.txt')).toBe('hello\n')
  })

  it('port-forward in the background, then curl on the laptop reaches nginx', async () => {
    const c = new TestCluster({ seed: 3 })
    await c.sh('kubectl run web --image=nginx').advance('60s')
    const bg = await c.run('kubectl port-forward pod/web 8000:80 &')
    expect(bg.code).toBe(0)
    const curl = await c.run('curl -s localhost:8000/index.html')
    expect(curl.code).toBe(0)
    expect(curl.output).toContain('Welcome to nginx!')
  })
})
