import { describe, it, expect } from 'vitest'
import { containerArgv, executableExists } from './lookup'
import { fakeFs, image } from './testkit'

describe('containerArgv (Kubernetes: command replaces ENTRYPOINT and drops CMD; args replace CMD)', () => {
  const img = { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] }
  it.each([
    ['neither', {}, ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']],
    ['args only', { args: ['nginx-debug'] }, ['/docker-entrypoint.sh', 'nginx-debug']],
    ['command only', { command: ['sleep', '10'] }, ['sleep', '10']],
    ['both', { command: ['sh', '-c'], args: ['echo hi'] }, ['sh', '-c', 'echo hi']],
    ['empty lists count as unset', { command: [], args: [] }, ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']],
  ])('%s', (_name, container, argv) => {
    expect(containerArgv(container, img)).toEqual(argv)
  })
})

describe('executableExists', () => {
  const known = (n: string) => ['echo', 'cd', 'sleep'].includes(n)
  it.each([
    ['sleep', true],
    ['/bin/sleep', true],
    ['/opt/sleep', false],
    ['cd', false],
    ['bash', false],
    ['sh', true],
    ['web', true],
    ['nope', false],
    ['wget', true],
  ])('%s in busybox → %s', async (argv0, found) => {
    expect(await executableExists(image({ tools: ['wget'] }), fakeFs(), '/', argv0, known)).toBe(found)
  })

  it('a script file exists; nothing exists without a shell but programs', async () => {
    const fs = fakeFs([{ path: '/app/run.sh', content: 'echo\n' }])
    expect(await executableExists(image(), fs, '/', '/app/run.sh', known)).toBe(true)
    expect(await executableExists(image(), fs, '/app', './run.sh', known)).toBe(true)
    expect(await executableExists(image({ shell: 'none' }), fs, '/', 'sleep', known)).toBe(false)
    expect(await executableExists(image({ shell: 'none' }), fs, '/', '/usr/bin/web', known)).toBe(true)
  })
})
