import { describe, expect, it } from 'vitest'
import { testShell } from '../testkit'

const home = (p: string) => `/home/learner/${p}`

describe('cat and tee', () => {
  it('concatenates files and stdin (-)', async () => {
    const { run } = testShell({ files: [{ path: home('a'), content: 'A\n' }, { path: home('b'), content: 'B\n' }] })
    expect((await run('cat a b')).stdout).toBe('A\nB\n')
    expect((await run('echo S | cat a - b')).stdout).toBe('A\nS\nB\n')
    expect((await run('cat -n a b')).stdout).toBe('     1\tA\n     2\tB\n')
  })

  it('reports missing files and directories, continuing with the rest', async () => {
    const { run } = testShell({ files: [{ path: home('a'), content: 'A\n' }, { path: home('d/x'), content: '' }] })
    expect(await run('cat nope a')).toEqual({ status: 1, stdout: 'A\n', stderr: 'cat: nope: No such file or directory\n' })
    expect(await run('cat d')).toEqual({ status: 1, stdout: '', stderr: 'cat: d: Is a directory\n' })
  })

  it('tee writes stdout and files, -a appends', async () => {
    const { run, fs } = testShell()
    expect((await run('echo one | tee f | tr a-z A-Z')).stdout).toBe('ONE\n')
    await run('echo two | tee -a f > /dev/null')
    expect(await run('echo dev | tee /dev/null')).toEqual({ status: 0, stdout: 'dev\n', stderr: '' })
    expect(fs.readFile(home('f'))).toBe('one\ntwo\n')
  })
})

describe('ls', () => {
  const files = [
    { path: home('web.yaml'), content: 'kind: Pod\n' },
    { path: home('db.yaml'), content: '' },
    { path: home('.hidden'), content: '' },
    { path: home('dir/inner.txt'), content: 'x' },
  ]

  it('lists one per line when not a terminal, hiding dotfiles unless -a', async () => {
    const { run } = testShell({ files })
    expect((await run('ls')).stdout).toBe('db.yaml\ndir\nweb.yaml\n')
    expect((await run('ls -a')).stdout).toBe('.\n..\n.hidden\ndb.yaml\ndir\nweb.yaml\n')
    expect((await run('ls dir web.yaml')).stdout).toBe('web.yaml\n\ndir:\ninner.txt\n')
  })

  it('lays out columns on a terminal', async () => {
    const { run } = testShell({ files })
    expect((await run('ls', { isTTY: true })).stdout).toBe('db.yaml  dir  web.yaml\n')
    expect((await run('ls -1', { isTTY: true })).stdout).toBe('db.yaml\ndir\nweb.yaml\n')
  })

  it('shows -l and -R', async () => {
    const { run } = testShell({ files })
    expect((await run('ls -l')).stdout).toBe(
      [
        'total 8',
        '-rw-r--r-- 1 learner learner    0 Jan  1 00:00 db.yaml',
        'drwxr-xr-x 2 learner learner 4096 Jan  1 00:00 dir',
        '-rw-r--r-- 1 learner learner   10 Jan  1 00:00 web.yaml',
        '',
      ].join('\n'),
    )
    expect((await run('ls -R dir')).stdout).toBe('dir:\ninner.txt\n')
  })

  it("says cannot access for a missing path, status 2", async () => {
    const { run } = testShell({ files })
    expect(await run('ls nope')).toEqual({ status: 2, stdout: '', stderr: "ls: cannot access 'nope': No such file or directory\n" })
  })
})

describe('rm, mv, cp, touch, mkdir', () => {
  it('rm removes files, needs -r for directories, -f silences', async () => {
    const { run, fs } = testShell({ files: [{ path: home('a'), content: '' }, { path: home('d/x'), content: '' }] })
    expect(await run('rm a')).toEqual({ status: 0, stdout: '', stderr: '' })
    expect(fs.exists(home('a'))).toBe(false)
    expect(await run('rm a')).toEqual({ status: 1, stdout: '', stderr: "rm: cannot remove 'a': No such file or directory\n" })
    expect(await run('rm -f a')).toEqual({ status: 0, stdout: '', stderr: '' })
    expect(await run('rm d')).toEqual({ status: 1, stdout: '', stderr: "rm: cannot remove 'd': Is a directory\n" })
    expect((await run('rm -rf d')).status).toBe(0)
    expect(fs.exists(home('d'))).toBe(false)
    expect(await run('rm')).toEqual({ status: 1, stdout: '', stderr: "rm: missing operand\nTry 'rm --help' for more information.\n" })
    expect((await run('rm -z x')).stderr).toBe("rm: invalid option -- 'z'\nTry 'rm --help' for more information.\n")
  })

  it('mv renames and moves into directories', async () => {
    const { run, fs } = testShell({ files: [{ path: home('a'), content: 'A' }, { path: home('d/x'), content: '' }] })
    await run('mv a b')
    expect(fs.readFile(home('b'))).toBe('A')
    await run('mv b d')
    expect(fs.readFile(home('d/b'))).toBe('A')
    expect(await run('mv nope d')).toEqual({ status: 1, stdout: '', stderr: "mv: cannot stat 'nope': No such file or directory\n" })
    expect((await run('mv x')).stderr).toBe("mv: missing destination file operand after 'x'\nTry 'mv --help' for more information.\n")
  })

  it('cp copies files and, with -r, directories', async () => {
    const { run, fs } = testShell({ files: [{ path: home('a'), content: 'A' }, { path: home('d/x'), content: 'X' }] })
    await run('cp a b')
    expect(fs.readFile(home('b'))).toBe('A')
    expect(await run('cp d e')).toEqual({ status: 1, stdout: '', stderr: "cp: -r not specified; omitting directory 'd'\n" })
    await run('cp -r d e')
    expect(fs.readFile(home('e/x'))).toBe('X')
    expect((await run('cp nope z')).stderr).toBe("cp: cannot stat 'nope': No such file or directory\n")
  })

  it('touch creates empty files; mkdir (-p) creates directories', async () => {
    const { run, fs } = testShell()
    await run('touch t')
    expect(fs.readFile(home('t'))).toBe('')
    expect((await run('touch no/t')).stderr).toBe("touch: cannot touch 'no/t': No such file or directory\n")
    expect(await run('mkdir m')).toEqual({ status: 0, stdout: '', stderr: '' })
    expect(fs.isDir(home('m'))).toBe(true)
    expect(await run('mkdir m')).toEqual({ status: 1, stdout: '', stderr: "mkdir: cannot create directory 'm': File exists\n" })
    expect((await run('mkdir x/y')).stderr).toBe("mkdir: cannot create directory 'x/y': No such file or directory\n")
    expect((await run('mkdir -p x/y && mkdir -p x/y')).status).toBe(0)
    expect(fs.isDir(home('x/y'))).toBe(true)
  })
})

describe('cd and pwd', () => {
  it('changes directory, with ~, -, .. and errors', async () => {
    const { run, shell } = testShell({ files: [{ path: home('d/f'), content: '' }] })
    expect((await run('cd d; pwd; cd ..; pwd; cd /; cd; pwd')).stdout).toBe('/home/learner/d\n/home/learner\n/home/learner\n')
    expect((await run('cd /tmp 2>/dev/null; cd d; cd -')).stdout).toBe('/home/learner\n')
    expect(await run('cd /x')).toEqual({ status: 1, stdout: '', stderr: 'sh: cd: /x: No such file or directory\n' })
    expect(await run('cd d/f')).toEqual({ status: 1, stdout: '', stderr: 'sh: cd: d/f: Not a directory\n' })
    expect(shell.cwd).toBe('/home/learner')
  })
})
