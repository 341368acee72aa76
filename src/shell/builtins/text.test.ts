import { describe, expect, it } from 'vitest'
import { testShell } from '../testkit'

describe('echo', () => {
  it('handles -n, -e and non-options', async () => {
    const { run } = testShell()
    expect((await run('echo -n a; echo b')).stdout).toBe('ab\n')
    expect((await run('echo -e "a\\tb\\nc"')).stdout).toBe('a\tb\nc\n')
    expect((await run('echo "a\\tb"')).stdout).toBe('a\\tb\n')
    expect((await run('echo -e "stop\\cnot"; echo')).stdout).toBe('stop\n')
    expect((await run('echo -x -- a')).stdout).toBe('-x -- a\n')
    expect((await run('echo')).stdout).toBe('\n')
  })
})

describe('printf', () => {
  it('formats and reuses the format for extra arguments', async () => {
    const { run } = testShell()
    expect((await run('printf "%s-%s\\n" a b c')).stdout).toBe('a-b\nc-\n')
    expect((await run('printf "%d %i %5.2f %x %X %o %%\\n" 42 -7 3.14159 255 255 8')).stdout).toBe('42 -7  3.14 ff FF 10 %\n')
    expect((await run('printf "[%5s][%-5s][%05d]\\n" ab cd 42')).stdout).toBe('[   ab][cd   ][00042]\n')
    expect((await run('printf "no newline"')).stdout).toBe('no newline')
    expect((await run("printf '%s\\n'")).stdout).toBe('\n')
  })

  it('complains about non-numbers like GNU printf', async () => {
    const { run } = testShell()
    expect(await run('printf "%d\\n" abc')).toEqual({ status: 1, stdout: '0\n', stderr: "printf: 'abc': expected a numeric value\n" })
  })
})

describe('grep', () => {
  const text = 'apple\nBanana\ncherry pie\napple pie\n'
  it('matches with -i -v -c -n -o -w -q -E', async () => {
    const { run } = testShell({ files: [{ path: '/home/learner/f.txt', content: text }] })
    expect((await run('grep pie f.txt')).stdout).toBe('cherry pie\napple pie\n')
    expect((await run('grep -i banana f.txt')).stdout).toBe('Banana\n')
    expect((await run('grep -v pie f.txt')).stdout).toBe('apple\nBanana\n')
    expect((await run('grep -c apple f.txt')).stdout).toBe('2\n')
    expect((await run('grep -n pie f.txt')).stdout).toBe('3:cherry pie\n4:apple pie\n')
    expect((await run('grep -o "p[a-z]*" f.txt')).stdout).toBe('pple\npie\npple\npie\n')
    expect((await run('grep -w app f.txt')).status).toBe(1)
    expect((await run('grep -w pie f.txt')).stdout).toBe('cherry pie\napple pie\n')
    expect((await run('grep -ic APPLE f.txt')).stdout).toBe('2\n')
    expect((await run('grep -q cherry f.txt')).stdout).toBe('')
    expect((await run('grep -E "^(apple|Banana)$" f.txt')).stdout).toBe('apple\nBanana\n')
    expect((await run('grep "\\(an\\)\\{2\\}" f.txt')).stdout).toBe('Banana\n')
    expect((await run('grep "a|b" f.txt')).status).toBe(1)
  })

  it('prints context with -A, -B, -C (and -NUM), GNU separators between groups', async () => {
    const lines = 'a\nb\nmatch1\nc\nd\ne\nf\nmatch2\ng\n'
    const { run } = testShell({ files: [{ path: '/home/learner/l.txt', content: lines }] })
    expect((await run('grep -A1 match l.txt')).stdout).toBe('match1\nc\n--\nmatch2\ng\n')
    expect((await run('grep -B 2 match2 l.txt')).stdout).toBe('e\nf\nmatch2\n')
    expect((await run('grep -C1 -n match l.txt')).stdout).toBe('2-b\n3:match1\n4-c\n--\n7-f\n8:match2\n9-g\n')
    expect((await run('grep -2 match1 l.txt')).stdout).toBe('a\nb\nmatch1\nc\nd\n')
    expect((await run('grep -A3 match1 l.txt')).stdout).toBe('match1\nc\nd\ne\n')
    expect((await run('grep --after-context=1 -c match l.txt')).stdout).toBe('2\n')
    expect(await run('grep -A x match l.txt')).toEqual({ status: 2, stdout: '', stderr: 'grep: x: invalid context length argument\n' })
  })

  it('prefixes file names with several files and reads stdin', async () => {
    const { run } = testShell({ files: [{ path: '/home/learner/a', content: 'x\n' }, { path: '/home/learner/b', content: 'x\ny\n' }] })
    expect((await run('grep x a b')).stdout).toBe('a:x\nb:x\n')
    expect((await run('echo hello | grep ell')).stdout).toBe('hello\n')
    expect((await run('grep -r y .')).stdout).toBe('./b:y\n')
  })

  it('exits 1 on no match and 2 on a missing file', async () => {
    const { run } = testShell()
    expect(await run('echo a | grep b')).toEqual({ status: 1, stdout: '', stderr: '' })
    expect(await run('grep a nope')).toEqual({ status: 2, stdout: '', stderr: 'grep: nope: No such file or directory\n' })
  })
})

describe('sed', () => {
  it('substitutes with flags g, i and N', async () => {
    const { run } = testShell()
    expect((await run('echo aaa | sed s/a/b/')).stdout).toBe('baa\n')
    expect((await run('echo aaa | sed s/a/b/g')).stdout).toBe('bbb\n')
    expect((await run('echo aaa | sed s/a/b/2')).stdout).toBe('aba\n')
    expect((await run('echo Hello | sed s/hello/bye/i')).stdout).toBe('bye\n')
    expect((await run('echo "image: nginx:1.25" | sed "s/nginx:\\(.*\\)/[\\1] &/"')).stdout).toBe('image: [1.25] nginx:1.25\n')
    expect((await run("echo a.b | sed -E 's/(a)\\.(b)/\\2\\1/'")).stdout).toBe('ba\n')
    expect((await run('echo /a/b | sed "s|/|_|g"')).stdout).toBe('_a_b\n')
  })

  it('supports -n with p, addresses, $, d and several -e', async () => {
    const { run } = testShell()
    const five = 'seq 5 | sed'
    expect((await run(`${five} -n 2p`)).stdout).toBe('2\n')
    expect((await run(`${five} -n '$p'`)).stdout).toBe('5\n')
    expect((await run(`${five} 2,4d`)).stdout).toBe('1\n5\n')
    expect((await run(`${five} '/3/d'`)).stdout).toBe('1\n2\n4\n5\n')
    expect((await run(`${five} -n '/2/,/4/p'`)).stdout).toBe('2\n3\n4\n')
    expect((await run(`${five} -e 1d -e 's/5/five/'`)).stdout).toBe('2\n3\n4\nfive\n')
    expect((await run(`${five} '3q'`)).stdout).toBe('1\n2\n3\n')
  })

  it('edits files in place with -i', async () => {
    const { run, fs } = testShell({ files: [{ path: '/home/learner/d.yaml', content: 'replicas: 1\nimage: nginx\n' }] })
    expect(await run('sed -i "s/replicas: 1/replicas: 3/" d.yaml')).toEqual({ status: 0, stdout: '', stderr: '' })
    expect(fs.readFile('/home/learner/d.yaml')).toBe('replicas: 3\nimage: nginx\n')
  })

  it("words errors as GNU sed", async () => {
    const { run } = testShell()
    expect(await run('echo a | sed s/a/b')).toEqual({ status: 1, stdout: '', stderr: "sed: -e expression #1, char 5: unterminated `s' command\n" })
    expect((await run('echo a | sed k')).stderr).toBe("sed: -e expression #1, char 1: unknown command: `k'\n")
    expect(await run('sed p nope')).toEqual({ status: 2, stdout: '', stderr: "sed: can't read nope: No such file or directory\n" })
  })
})

describe('head and tail', () => {
  it('take lines from the start and the end', async () => {
    const { run } = testShell()
    expect((await run('seq 20 | head')).stdout).toBe('1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n')
    expect((await run('seq 5 | head -n 2; seq 5 | head -3')).stdout).toBe('1\n2\n1\n2\n3\n')
    expect((await run('seq 5 | head -n -3')).stdout).toBe('1\n2\n')
    expect((await run('seq 5 | tail -n 2; seq 5 | tail -1')).stdout).toBe('4\n5\n5\n')
    expect((await run('seq 5 | tail -n +4')).stdout).toBe('4\n5\n')
    expect((await run('echo abcdef | head -c 3; echo; echo abcdef | tail -c 3')).stdout).toBe('abc\nef\n')
  })

  it('print headers for several files and GNU errors', async () => {
    const { run } = testShell({ files: [{ path: '/home/learner/a', content: '1\n' }, { path: '/home/learner/b', content: '2\n' }] })
    expect((await run('head a b')).stdout).toBe('==> a <==\n1\n\n==> b <==\n2\n')
    expect(await run('tail nope')).toEqual({ status: 1, stdout: '', stderr: "tail: cannot open 'nope' for reading: No such file or directory\n" })
    expect((await run('head -n x a')).stderr).toBe("head: invalid number of lines: 'x'\n")
  })
})

describe('wc', () => {
  it('formats like GNU for stdin and files', async () => {
    const { run } = testShell({ files: [{ path: '/home/learner/f', content: 'one two\nthree\n' }, { path: '/home/learner/g', content: 'x\n' }] })
    expect((await run('echo hi | wc')).stdout).toBe('      1       1       3\n')
    expect((await run('echo hi | wc -l')).stdout).toBe('1\n')
    expect((await run('wc -l f')).stdout).toBe('2 f\n')
    expect((await run('wc f')).stdout).toBe(' 2  3 14 f\n')
    expect((await run('wc -c f g')).stdout).toBe('14 f\n 2 g\n16 total\n')
    expect((await run('printf "a b" | wc -w')).stdout).toBe('2\n')
    expect(await run('wc nope')).toEqual({ status: 1, stdout: '', stderr: 'wc: nope: No such file or directory\n' })
  })
})

describe('sort and uniq', () => {
  it('sort: default, -r, -n, -u, -k, -t', async () => {
    const { run } = testShell()
    expect((await run('printf "b\\nB\\na\\n" | sort')).stdout).toBe('B\na\nb\n')
    expect((await run('printf "10\\n9\\n100\\n" | sort -n')).stdout).toBe('9\n10\n100\n')
    expect((await run('printf "10\\n9\\n100\\n" | sort -rn')).stdout).toBe('100\n10\n9\n')
    expect((await run('printf "a\\nb\\na\\n" | sort -u')).stdout).toBe('a\nb\n')
    expect((await run('printf "x 3\\ny 1\\nz 2\\n" | sort -k 2 -n')).stdout).toBe('y 1\nz 2\nx 3\n')
    expect((await run('printf "x:3\\ny:1\\n" | sort -t : -k 2')).stdout).toBe('y:1\nx:3\n')
    expect(await run('sort nope')).toEqual({ status: 2, stdout: '', stderr: 'sort: cannot read: nope: No such file or directory\n' })
  })

  it('uniq: -c and -d', async () => {
    const { run } = testShell()
    expect((await run('printf "a\\na\\nb\\na\\n" | uniq')).stdout).toBe('a\nb\na\n')
    expect((await run('printf "a\\na\\nb\\n" | uniq -c')).stdout).toBe('      2 a\n      1 b\n')
    expect((await run('printf "a\\na\\nb\\n" | uniq -d')).stdout).toBe('a\n')
  })
})

describe('cut and tr', () => {
  it('cut fields and characters', async () => {
    const { run } = testShell()
    expect((await run('echo "a,b,c,d" | cut -d, -f2,4')).stdout).toBe('b,d\n')
    expect((await run('echo "a,b,c,d" | cut -d , -f 2-')).stdout).toBe('b,c,d\n')
    expect((await run('echo "abcdef" | cut -c1-3')).stdout).toBe('abc\n')
    expect((await run('printf "a\\tb\\n" | cut -f2')).stdout).toBe('b\n')
    expect((await run('echo nodelim | cut -d, -f2')).stdout).toBe('nodelim\n')
    expect((await run('echo x | cut -d,')).stderr).toBe("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n")
  })

  it('tr translates, deletes and squeezes', async () => {
    const { run } = testShell()
    expect((await run('echo hello | tr a-z A-Z')).stdout).toBe('HELLO\n')
    expect((await run('echo hello | tr "[:lower:]" "[:upper:]"')).stdout).toBe('HELLO\n')
    expect((await run('echo hello | tr -d l')).stdout).toBe('heo\n')
    expect((await run('echo "a   b" | tr -s " "')).stdout).toBe('a b\n')
    expect((await run('echo abc | tr abc x')).stdout).toBe('xxx\n')
    expect((await run('echo a,b | tr , "\\n"')).stdout).toBe('a\nb\n')
  })
})

describe('tac and rev', () => {
  it('reverse lines and characters', async () => {
    const { run } = testShell()
    expect((await run('seq 3 | tac; echo abc | rev')).stdout).toBe('3\n2\n1\ncba\n')
  })
})

describe('seq', () => {
  it('counts like GNU seq', async () => {
    const { run } = testShell()
    expect((await run('seq 3')).stdout).toBe('1\n2\n3\n')
    expect((await run('seq 2 4')).stdout).toBe('2\n3\n4\n')
    expect((await run('seq 10 -3 1')).stdout).toBe('10\n7\n4\n1\n')
    expect((await run('seq 0 0.5 1')).stdout).toBe('0.0\n0.5\n1.0\n')
    expect((await run('seq -s, 3')).stdout).toBe('1,2,3\n')
    expect((await run('seq -w 8 10')).stdout).toBe('08\n09\n10\n')
    expect((await run('seq 0')).stdout).toBe('')
  })
})
