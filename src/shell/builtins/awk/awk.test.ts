import { describe, expect, it } from 'vitest'
import { testShell } from '../../testkit'

const PODS = [
  'NAME                  READY   STATUS    RESTARTS   AGE',
  'web-7d9c6b5f4-abcde   1/1     Running   0          5m',
  'web-7d9c6b5f4-fghij   0/1     Pending   0          5m',
  'db-0                  1/1     Running   2          1h',
  '',
].join('\n')

describe('awk', () => {
  const { run } = testShell({ files: [{ path: '/home/learner/pods.txt', content: PODS }] })

  it('prints fields, with NR patterns and regex patterns', async () => {
    expect((await run("awk '{print $1}' pods.txt")).stdout).toBe('NAME\nweb-7d9c6b5f4-abcde\nweb-7d9c6b5f4-fghij\ndb-0\n')
    expect((await run("awk 'NR>1 {print $1, $3}' pods.txt")).stdout).toBe('web-7d9c6b5f4-abcde Running\nweb-7d9c6b5f4-fghij Pending\ndb-0 Running\n')
    expect((await run("awk '/Pending/' pods.txt")).stdout).toBe('web-7d9c6b5f4-fghij   0/1     Pending   0          5m\n')
    expect((await run("awk '$1 ~ /^db/ {print $1}' pods.txt")).stdout).toBe('db-0\n')
    expect((await run("seq 10 | awk 'NR==2, NR==4'")).stdout).toBe('2\n3\n4\n')
  })

  it('counts and sums with variables, arrays and END', async () => {
    expect((await run('awk \'$3 == "Running" {n++} END {print n}\' pods.txt')).stdout).toBe('2\n')
    expect((await run('awk \'{s += $4} END {printf "%d restarts\\n", s}\' pods.txt')).stdout).toBe('2 restarts\n')
    expect((await run("awk 'NR > 1 {c[$3]++} END {for (k in c) print k, c[k]}' pods.txt")).stdout).toBe('Running 2\nPending 1\n')
  })

  it('splits with -F, assigns fields and calls functions', async () => {
    expect((await run("echo a:b:c | awk -F: '{print $2, NF}'")).stdout).toBe('b 3\n')
    expect((await run('echo \'a b\' | awk \'{ $2 = "X"; print }\'')).stdout).toBe('a X\n')
    expect((await run('echo hello world | awk \'{ gsub(/o/, "0"); print; print toupper(substr($1, 1, 3)), length($2) }\'')).stdout).toBe('hell0 w0rld\nHEL 5\n')
    expect((await run('echo 5 | awk \'{ if ($1 > 3) print "big"; else print "small" }\'')).stdout).toBe('big\n')
    expect((await run("echo '10 9' | awk '{ print ($1 > $2), $1 $2 }'")).stdout).toBe('1 109\n')
    expect((await run('awk -v who=you \'BEGIN { print "hi " who }\'')).stdout).toBe('hi you\n')
  })

  it('reports syntax errors and missing files with status 2', async () => {
    expect(await run("awk '{print $1' pods.txt")).toEqual({ status: 2, stdout: '', stderr: 'awk: syntax error at source line 1 near end of program\n' })
    expect(await run("awk '{print}' nope")).toEqual({ status: 2, stdout: '', stderr: 'awk: cannot open "nope" (No such file or directory)\n' })
  })
})
