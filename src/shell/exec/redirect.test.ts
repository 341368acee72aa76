import { describe, expect, it } from 'vitest'
import { testShell } from '../testkit'

describe('redirections', () => {
  it('writes, appends and reads files through the filesystem', async () => {
    const { run, fs } = testShell()
    const changes: string[] = []
    fs.onChange((p, kind) => changes.push(`${kind} ${p}`))
    await run('echo one > f.txt; echo two >> f.txt')
    expect(fs.readFile('/home/learner/f.txt')).toBe('one\ntwo\n')
    expect(changes).toContain('write /home/learner/f.txt')
    expect((await run('tr a-z A-Z < f.txt')).stdout).toBe('ONE\nTWO\n')
  })

  it('redirects stderr, merges with 2>&1 and &>, discards to /dev/null', async () => {
    const { run, fs } = testShell()
    expect(await run('cat nope 2>/dev/null')).toEqual({ status: 1, stdout: '', stderr: '' })
    expect((await run('cat nope 2>&1')).stdout).toBe('cat: nope: No such file or directory\n')
    await run('{ echo out; cat nope; } &> all.txt')
    expect(fs.readFile('/home/learner/all.txt')).toBe('out\ncat: nope: No such file or directory\n')
    await run('cat nope 2> err.txt; cat nope 2>> err.txt')
    expect(fs.readFile('/home/learner/err.txt')).toBe('cat: nope: No such file or directory\n'.repeat(2))
    expect((await run('echo to-err >&2')).stderr).toBe('to-err\n')
    expect((await run('echo x > /dev/stderr')).stderr).toBe('x\n')
    expect((await run('echo x > /dev/stdout')).stdout).toBe('x\n')
  })

  it('reports a missing input file and a missing directory the way sh does', async () => {
    const { run } = testShell()
    expect(await run('cat < missing.txt')).toEqual({ status: 1, stdout: '', stderr: 'sh: missing.txt: No such file or directory\n' })
    expect(await run('echo x > nodir/f')).toEqual({ status: 1, stdout: '', stderr: 'sh: nodir/f: No such file or directory\n' })
    expect(await run('echo x > /home')).toEqual({ status: 1, stdout: '', stderr: 'sh: /home: Is a directory\n' })
  })

  it('reports a filesystem refusing the write (a read-only mount) and carries on', async () => {
    const { run, fs } = testShell()
    fs.mkdir('/etc/config', { recursive: true })
    const writeFile = fs.writeFile.bind(fs)
    fs.writeFile = (path: string, content: string) => {
      if (path.startsWith('/etc/config/')) throw new Error(`${path}: Read-only file system`)
      writeFile(path, content)
    }
    expect(await run('echo x > /etc/config/a; echo next')).toEqual({ status: 0, stdout: 'next\n', stderr: 'sh: /etc/config/a: Read-only file system\n' })
  })

  it('feeds here-documents and here-strings to stdin', async () => {
    const { run } = testShell()
    expect((await run('N=web; cat <<EOF\nname: $N\nEOF')).stdout).toBe('name: web\n')
    expect((await run("cat <<'EOF'\nname: $N\nEOF")).stdout).toBe('name: $N\n')
    expect((await run('cat <<-EOF\n\tindented\n\tEOF')).stdout).toBe('indented\n')
    expect((await run('wc -l <<< "one"')).stdout).toBe('1\n')
  })

  it('redirects a whole compound command', async () => {
    const { run, fs } = testShell()
    await run('for i in 1 2; do echo $i; done > n.txt')
    expect(fs.readFile('/home/learner/n.txt')).toBe('1\n2\n')
    expect((await run('while read l; do echo "[$l]"; done < n.txt')).stdout).toBe('[1]\n[2]\n')
  })
})
