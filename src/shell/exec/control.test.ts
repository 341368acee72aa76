import { describe, expect, it } from 'vitest'
import { testShell } from '../testkit'

describe('control flow', () => {
  it('runs if/elif/else by status', async () => {
    const { run } = testShell()
    const script = (n: number) => `n=${n}; if [ $n -eq 1 ]; then echo one; elif [ $n -eq 2 ]; then echo two; else echo other; fi`
    expect((await run(script(1))).stdout).toBe('one\n')
    expect((await run(script(2))).stdout).toBe('two\n')
    expect((await run(script(3))).stdout).toBe('other\n')
  })

  it('loops with for, while and until, honouring break and continue', async () => {
    const { run } = testShell()
    expect((await run('for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done')).stdout).toBe('1\n3\n')
    expect((await run('i=0; until [ $i -ge 2 ]; do echo $i; i=$((i+1)); done')).stdout).toBe('0\n1\n')
    expect((await run('for a in x y; do for b in 1 2; do [ $b = 2 ] && continue 2; echo $a$b; done; done')).stdout).toBe('x1\ny1\n')
    expect((await run('while true; do while true; do break 2; done; done; echo out')).stdout).toBe('out\n')
  })

  it('matches case patterns', async () => {
    const { run } = testShell()
    const c = (w: string) => `case ${w} in *.yaml|*.yml) echo yaml;; [0-9]*) echo number;; *) echo other;; esac`
    expect((await run(c('pod.yml'))).stdout).toBe('yaml\n')
    expect((await run(c('42'))).stdout).toBe('number\n')
    expect((await run(c('x'))).stdout).toBe('other\n')
  })

  it('short-circuits && and ||', async () => {
    const { run } = testShell()
    expect((await run('true && echo a || echo b; false && echo c || echo d')).stdout).toBe('a\nd\n')
  })

  it('keeps subshell changes inside ( ) but not inside { }', async () => {
    const { run, shell } = testShell()
    expect((await run('X=1; (X=2; cd /); echo $X; pwd')).stdout).toBe('1\n/home/learner\n')
    expect((await run('{ X=3; cd /; }; echo $X; pwd')).stdout).toBe('3\n/\n')
    expect(shell.cwd).toBe('/')
  })

  it('defines functions with return', async () => {
    const { run } = testShell()
    expect(await run('ok() { return 3; echo no; }; ok; echo $?')).toMatchObject({ stdout: '3\n' })
    expect((await run('function greet { echo "hi $1"; }\ngreet you')).stdout).toBe('hi you\n')
  })

  it('applies VAR=value prefixes to one command only', async () => {
    const { run } = testShell()
    expect((await run('GREETING=hi printenv GREETING; echo "[$GREETING]"')).stdout).toBe('hi\n[]\n')
    expect((await run('A=1; export B=2; env | grep -E "^(A|B)="')).stdout).toBe('B=2\n')
  })

  it('runs a multi-line input and returns the last status', async () => {
    const { run } = testShell()
    expect(await run('echo a\n\n# comment\nfalse')).toEqual({ status: 1, stdout: 'a\n', stderr: '' })
  })

  it('exit ends the session and reports the code; in a subshell it ends only that', async () => {
    const { run, shell } = testShell()
    expect((await run('(exit 4); echo $?')).stdout).toBe('4\n')
    expect(shell.exited).toBe(false)
    expect(await run('echo before; exit 5; echo after')).toEqual({ status: 5, stdout: 'before\n', stderr: '' })
    expect(shell.exited).toBe(true)
    expect(shell.exitCode).toBe(5)
  })

  it('runs sh -c and scripts by path', async () => {
    const { run } = testShell({ files: [{ path: '/home/learner/s.sh', content: 'echo "script $1"\nexit 7\n' }] })
    expect(await run('sh -c \'echo "$0 $1"; exit 3\' me arg; echo $?')).toMatchObject({ stdout: 'me arg\n3\n' })
    expect(await run('./s.sh x')).toEqual({ status: 7, stdout: 'script x\n', stderr: '' })
    expect(await run('sh s.sh y')).toEqual({ status: 7, stdout: 'script y\n', stderr: '' })
    expect(await run('./nope.sh')).toEqual({ status: 127, stdout: '', stderr: 'sh: ./nope.sh: No such file or directory\n' })
  })

  it('expands aliases in command position', async () => {
    const { run } = testShell()
    expect((await run('alias say="echo said"\nsay hi; echo say')).stdout).toBe('said hi\nsay\n')
    expect((await run("alias up='tr a-z A-Z'; alias shout='echo hey | up'\nshout; alias kw='echo web-1 | grep'; kw web > o.txt; cat o.txt")).stdout).toBe('HEY\nweb-1\n')
  })

  it('says break and return are meaningless outside loops and functions, and carries on', async () => {
    const { run } = testShell()
    expect(await run('break; echo after')).toEqual({ status: 0, stdout: 'after\n', stderr: "sh: break: only meaningful in a `for', `while', or `until' loop\n" })
    expect(await run('return 3')).toEqual({ status: 1, stdout: '', stderr: "sh: return: can only `return' from a function or sourced script\n" })
  })

  it('lets a sourced file return', async () => {
    const { run } = testShell({ files: [{ path: '/home/learner/r.sh', content: 'echo in\nreturn 4\necho never\n' }] })
    expect(await run('. ./r.sh; echo $?')).toEqual({ status: 0, stdout: 'in\n4\n', stderr: '' })
  })

  it('set -e stops at the first failing command, except in conditions', async () => {
    const { run, shell } = testShell()
    const script = ['set -euo pipefail', 'if false; then echo no; fi', 'false || echo rescued', 'false && echo no', '! true', 'echo before', 'false', 'echo after'].join('\n')
    expect(await run(`sh -c '${script}'; echo "status $?"`)).toEqual({ status: 0, stdout: 'rescued\nbefore\nstatus 1\n', stderr: '' })
    expect(shell.exited).toBe(false)
  })

  it('set -o pipefail reports the last failing stage', async () => {
    const { run } = testShell()
    expect((await run('false | true; echo $?; set -o pipefail; false | true; echo $?; set +o pipefail; false | true; echo $?')).stdout).toBe('0\n1\n0\n')
    expect((await run('set -o bogus')).stderr).toBe('sh: set: bogus: invalid option name\n')
  })

  it('set -x traces each command on stderr, quoting as bash does', async () => {
    const { run } = testShell()
    const r = await run('set -x; n=web; echo "$n pod" x; set +x; echo quiet')
    expect(r.stdout).toBe('web pod x\nquiet\n')
    expect(r.stderr).toBe("+ n=web\n+ echo 'web pod' x\n+ set +x\n")
  })

  it('set -- replaces the positional parameters', async () => {
    const { run } = testShell()
    expect((await run('set -- a "b c"; echo $# "$2"; set x; echo $1')).stdout).toBe('2 b c\nx\n')
  })
})
