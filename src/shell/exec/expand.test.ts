import { describe, expect, it } from 'vitest'
import { testShell } from '../testkit'

describe('expansion', () => {
  it('splits unquoted expansions but not quoted ones', async () => {
    const { run } = testShell()
    const r = await run('x="a  b"; for w in $x "$x" \'$x\'; do echo "<$w>"; done')
    expect(r.stdout).toBe('<a>\n<b>\n<a  b>\n<$x>\n')
  })

  it('expands ${VAR:-default} and friends', async () => {
    const { run } = testShell()
    expect((await run('echo ${NOPE:-dflt} ${NOPE-dash} "${E:-empty}"')).stdout).toBe('dflt dash empty\n')
    expect((await run('E=; echo "[${E-set}]" "[${E:-unset-or-empty}]"')).stdout).toBe('[] [unset-or-empty]\n')
    expect((await run('echo ${N:=assigned}; echo $N')).stdout).toBe('assigned\nassigned\n')
    expect((await run('V=x; echo ${V:+alt} "${U:+alt}"')).stdout).toBe('alt \n')
    expect((await run('P=/a/b/c.yaml; echo ${#P} ${P##*/} ${P%.yaml} ${P#/*/} ${P%%/*}x')).stdout).toBe('11 c.yaml /a/b/c b/c.yaml x\n')
  })

  it('does bash substrings and replacements', async () => {
    const { run } = testShell()
    expect((await run('f=pod.yaml; echo ${f/%.yaml/.json} ${f/#p/P}')).stdout).toBe('pod.json Pod.yaml\n')
    expect((await run('v=kubernetes; echo ${v:0:4} ${v:4} ${v: -3} ${v:1:-1}')).stdout).toBe('kube rnetes tes ubernete\n')
    expect((await run('img=nginx:1.25; echo ${img/1.25/1.26} ${img//n/N} ${img/#ng/X} "${img/:*/}"')).stdout).toBe('nginx:1.26 NgiNx:1.25 Xinx:1.25 nginx\n')
  })

  it('reports ${VAR:?message} as an error with status 1', async () => {
    const { run } = testShell()
    const r = await run('echo ${MISSING:?need it}; echo after')
    expect(r.stderr).toBe('sh: MISSING: need it\n')
    expect(r.stdout).toBe('after\n')
  })

  it('expands $?, $#, $1, $@ and "$@"', async () => {
    const { run } = testShell()
    expect((await run('false; echo $?')).stdout).toBe('1\n')
    const r = await run('f() { echo $# "$1"; for a in "$@"; do echo "[$a]"; done; }; f "x y" z')
    expect(r.stdout).toBe('2 x y\n[x y]\n[z]\n')
    expect((await run('f() { for a in "$@"; do echo "[$a]"; done; echo n=$#; }; f')).stdout).toBe('n=0\n')
  })

  it('substitutes commands, trimming trailing newlines', async () => {
    const { run } = testShell()
    expect((await run('echo "[$(printf "a\\n\\n")]" [`echo b`]')).stdout).toBe('[a] [b]\n')
    expect((await run('x=$(false); echo $?')).stdout).toBe('1\n')
    expect((await run('echo $(echo $(echo nested))')).stdout).toBe('nested\n')
  })

  it('evaluates arithmetic with variables', async () => {
    const { run } = testShell()
    expect((await run('i=5; echo $((i * 2 + 1)) $(( (1+2) * 3 )) $((7 / 2)) $((7 % 3)) $((2 < 3)) $((i == 5))')).stdout).toBe('11 9 3 1 1 1\n')
    expect((await run('n=0; while [ $n -lt 3 ]; do n=$((n+1)); done; echo $n')).stdout).toBe('3\n')
    const r = await run('echo $((1/0))')
    expect(r.status).toBe(1)
    expect(r.stderr).toBe('sh: 1/0: division by 0 (error token is "0")\n')
  })

  it('expands ~ to HOME at the start of words and assignments', async () => {
    const { run } = testShell()
    expect((await run('echo ~ ~/x "~" a~; K=~/.kube; echo $K')).stdout).toBe('/home/learner /home/learner/x ~ a~\n/home/learner/.kube\n')
    expect((await run('export KUBECONFIG=~/.kube/config; printenv KUBECONFIG; echo a=~ "b=~"')).stdout).toBe('/home/learner/.kube/config\na=/home/learner b=~\n')
  })

  it('globs against the filesystem, sorted; no match stays literal', async () => {
    const { run } = testShell({ files: [{ path: '/home/learner/b.yaml', content: '' }, { path: '/home/learner/a.yaml', content: '' }, { path: '/home/learner/.hidden.yaml', content: '' }, { path: '/home/learner/d/c.yaml', content: '' }] })
    expect((await run('echo *.yaml')).stdout).toBe('a.yaml b.yaml\n')
    expect((await run('echo */*.yaml')).stdout).toBe('d/c.yaml\n')
    expect((await run('echo ?.yaml [ab].yaml')).stdout).toBe('a.yaml b.yaml a.yaml b.yaml\n')
    expect((await run('echo *.json "*.yaml"')).stdout).toBe('*.json *.yaml\n')
    expect((await run('echo /home/learner/d/*')).stdout).toBe('/home/learner/d/c.yaml\n')
  })

  it('handles escapes: backslash outside quotes, inside double quotes', async () => {
    const { run } = testShell()
    expect((await run('echo a\\ b "\\$HOME \\"q\\" \\n" \'\\n\'')).stdout).toBe('a b $HOME "q" \\n \\n\n')
  })
})
