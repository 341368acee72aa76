import { describe, expect, it } from 'vitest'
import { createRegistry } from '../registry'
import { testShell } from '../testkit'

describe('base64', () => {
  it('encodes UTF-8, wraps at 76, -w0, decodes', async () => {
    const { run } = testShell()
    expect((await run('echo héllo | base64')).stdout).toBe('aMOpbGxvCg==\n')
    const long = 'x'.repeat(60)
    const enc = (await run(`echo -n ${long} | base64`)).stdout
    expect(enc.split('\n').map((l) => l.length)).toEqual([76, 4, 0])
    expect((await run(`echo -n ${long} | base64 -w0`)).stdout).toBe(enc.replace(/\n/g, '') + '\n')
    expect((await run('echo aMOpbGxvCg== | base64 -d')).stdout).toBe('héllo\n')
    expect((await run('echo aMOpbGxvCg== | base64 --decode')).stdout).toBe('héllo\n')
    expect(await run('echo "!!" | base64 -d')).toEqual({ status: 1, stdout: '', stderr: 'base64: invalid input\n' })
  })
})

describe('sleep', () => {
  it('sleeps in virtual time with suffixes and fractions', async () => {
    const { run, clock } = testShell()
    await run('sleep 1; sleep 0.5; sleep 2m; sleep 1h 1s')
    expect(clock.sleeps).toEqual([1000, 500, 120_000, 3_601_000])
    expect(await run('sleep')).toEqual({ status: 1, stdout: '', stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n" })
    expect((await run('sleep x')).stderr).toBe("sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n")
  })
})

describe('date', () => {
  it('prints GNU default format and +FORMAT in UTC from the clock', async () => {
    const { run } = testShell()
    await run('sleep 5')
    expect((await run('date')).stdout).toBe('Thu Jan  1 00:00:05 UTC 2026\n')
    expect((await run('date -u +"%Y-%m-%dT%H:%M:%SZ %s %j %A %B"')).stdout).toBe('2026-01-01T00:00:05Z 1767225605 001 Thursday January\n')
    expect((await run('date -I; date --iso-8601=seconds; date -R')).stdout).toBe('2026-01-01\n2026-01-01T00:00:05+00:00\nThu, 01 Jan 2026 00:00:05 +0000\n')
    expect((await run('date -d @0 +%F')).stdout).toBe('1970-01-01\n')
    expect((await run('date -d nonsense')).stderr).toBe("date: invalid date 'nonsense'\n")
  })
})

describe('clear, true, false, yes', () => {
  it('behave', async () => {
    const { run } = testShell()
    expect((await run('clear')).stdout).toBe('\x1b[H\x1b[2J\x1b[3J')
    expect((await run('true')).status).toBe(0)
    expect((await run('false')).status).toBe(1)
    expect((await run('yes | head -n 3 | wc -l')).stdout).toBe('3\n')
  })
})

describe('variables and environment', () => {
  it('export, export -p, unset, printenv, env', async () => {
    const { run } = testShell({ env: { HOME: '/home/learner', PATH: '/bin' } })
    await run('export A=1 B="x y"; C=local')
    expect((await run('export -p | grep -E " (A|B)="')).stdout).toBe('declare -x A="1"\ndeclare -x B="x y"\n')
    expect((await run('printenv A; printenv C; echo $?')).stdout).toBe('1\n1\n')
    expect((await run('env | grep ^A=')).stdout).toBe('A=1\n')
    expect((await run('env Z=9 printenv Z')).stdout).toBe('9\n')
    expect(await run('env nope')).toEqual({ status: 127, stdout: '', stderr: "env: 'nope': No such file or directory\n" })
    await run('unset A')
    expect((await run('echo "[$A]"; printenv A')).stdout).toBe('[]\n')
    expect((await run('export 1x=2')).stderr).toBe("sh: export: `1x=2': not a valid identifier\n")
  })

  it('read splits a line into variables', async () => {
    const { run } = testShell()
    expect((await run('read a b rest; echo "$a|$b|$rest"', { stdin: '  one two three four\n' })).stdout).toBe('one|two|three four\n')
    expect((await run('read x; echo "[$x]" $?', { stdin: '' })).stdout).toBe('[] 1\n')
    expect((await run('echo "a\\\\b" | { read -r v; echo "$v"; }')).stdout).toBe('a\\b\n')
  })

  it('alias and unalias', async () => {
    const { run } = testShell()
    await run("alias k=kubectl ll='ls -l'")
    expect((await run('alias')).stdout).toBe("alias k='kubectl'\nalias ll='ls -l'\n")
    expect((await run('alias k')).stdout).toBe("alias k='kubectl'\n")
    await run('unalias k')
    expect(await run('alias k')).toEqual({ status: 1, stdout: '', stderr: 'sh: alias: k: not found\n' })
    expect((await run('unalias k')).stderr).toBe('sh: unalias: k: not found\n')
  })

  it('source runs a file in the current shell', async () => {
    const { run } = testShell({ files: [{ path: '/home/learner/env.sh', content: 'export NS=prod\ncd /\n' }] })
    expect((await run('. ./env.sh; echo $NS; pwd')).stdout).toBe('prod\n/\n')
    expect((await run('source nope.sh')).stderr).toBe('sh: nope.sh: No such file or directory\n')
  })
})

describe('test and [', () => {
  it('compares strings and integers and inspects files', async () => {
    const { run } = testShell({ files: [{ path: '/home/learner/f', content: 'x' }, { path: '/home/learner/empty', content: '' }] })
    const t = async (expr: string) => (await run(`[ ${expr} ]`)).status
    expect(await t('-z ""')).toBe(0)
    expect(await t('-n ""')).toBe(1)
    expect(await t('a = a')).toBe(0)
    expect(await t('a != a')).toBe(1)
    expect(await t('2 -eq 2')).toBe(0)
    expect(await t('2 -ne 2')).toBe(1)
    expect(await t('1 -lt 2 -a 2 -le 2')).toBe(0)
    expect(await t('3 -gt 4 -o 4 -ge 4')).toBe(0)
    expect(await t('! -f f')).toBe(1)
    expect(await t('-f f')).toBe(0)
    expect(await t('-d /home')).toBe(0)
    expect(await t('-e nope')).toBe(1)
    expect(await t('-s f')).toBe(0)
    expect(await t('-s empty')).toBe(1)
    expect(await t('')).toBe(1)
    expect((await run('test abc')).status).toBe(0)
  })

  it('[[ ]] matches globs with == and regexes with =~', async () => {
    const { run } = testShell()
    expect((await run('x=web-1; [[ $x == web* ]] && echo glob; [[ $x =~ ^web-[0-9]+$ ]] && echo re; [[ $x != db* ]] && echo not')).stdout).toBe('glob\nre\nnot\n')
    expect((await run('[[ a == a')).stderr).toBe("sh: [[: missing `]]'\n")
  })

  it('words errors as bash', async () => {
    const { run } = testShell()
    expect(await run('[ 1 -eq 1')).toEqual({ status: 2, stdout: '', stderr: "sh: [: missing `]'\n" })
    expect(await run('[ a -eq 1 ]')).toEqual({ status: 2, stdout: '', stderr: 'sh: [: a: integer expression expected\n' })
  })
})

describe('help, type, which, command -v', () => {
  const registry = createRegistry()
  registry.register('kubectl', { run: () => 0, summary: 'kubectl controls the Kubernetes cluster manager' })

  it('help lists registered commands and builtins with summaries', async () => {
    const { run } = testShell({ registry })
    const out = (await run('help')).stdout
    expect(out).toMatch(/^Commands:\n  kubectl +kubectl controls the Kubernetes cluster manager\n\nShell builtins and utilities:\n/)
    expect(out).toMatch(/\n {2}grep +Print lines that match patterns\n/)
    expect((await run('help cd')).stdout).toBe('cd: Change the shell working directory\n')
    expect((await run('help nope')).stderr).toBe("sh: help: no help topics match `nope'.  Try `help help' or `man -k nope' or `info nope'.\n")
  })

  it('type, which and command -v describe names', async () => {
    const { run } = testShell({ registry })
    await run('alias k=kubectl')
    expect((await run('type k cd ls kubectl echo')).stdout).toBe("k is aliased to `kubectl'\ncd is a shell builtin\nls is /usr/bin/ls\nkubectl is /usr/local/bin/kubectl\necho is a shell builtin\n")
    expect(await run('type nope')).toEqual({ status: 1, stdout: '', stderr: 'sh: type: nope: not found\n' })
    expect(await run('which kubectl ls nope')).toEqual({ status: 1, stdout: '/usr/local/bin/kubectl\n/usr/bin/ls\n', stderr: '' })
    expect((await run('command -v kubectl cd k')).stdout).toBe("/usr/local/bin/kubectl\ncd\nalias k='kubectl'\n")
    expect((await run('command echo hi')).stdout).toBe('hi\n')
  })
})
