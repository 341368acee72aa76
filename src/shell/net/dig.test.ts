// dig's full output against golden files (UPDATE_GOLDEN=1 npx vitest run src/shell/net/dig.test.ts
// rewrites them; a missing golden fails).
import { describe, it, expect } from 'vitest'
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { CLUSTER_TABLE, dnsShell } from './dnstesting'
import { recordLine, questionLine, whenLine } from './dig-format'
import { messageSize } from './dnsmsg'

function golden(name: string, actual: string): void {
  const file = join(__dirname, '__golden__', name)
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual)
  expect(existsSync(file), `golden ${name} missing: run with UPDATE_GOLDEN=1`).toBe(true)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

const START_MS = Date.UTC(2026, 0, 1)

async function digAt(line: string, opts: Parameters<typeof dnsShell>[0] = { table: CLUSTER_TABLE }) {
  const s = dnsShell(opts)
  await s.clock.sleep(START_MS - s.clock.now(), { aborted: false, onAbort: () => () => {} })
  return s.run(line)
}

describe('dig', () => {
  it('prints the full answer for a Service name (golden)', async () => {
    const r = await digAt('dig web.default.svc.cluster.local')
    expect(r.status).toBe(0)
    golden('dig-svc.txt', r.stdout)
  })

  it('prints NXDOMAIN with the cluster.local SOA in AUTHORITY, exit 0 (golden)', async () => {
    const r = await digAt('dig nope.default.svc.cluster.local')
    expect(r.status).toBe(0)
    golden('dig-nxdomain.txt', r.stdout)
  })

  it('prints SRV records and PTR with -x (golden)', async () => {
    golden('dig-srv.txt', (await digAt('dig -t SRV _http._tcp.web.default.svc.cluster.local')).stdout)
    golden('dig-ptr.txt', (await digAt('dig -x 10.96.0.10')).stdout)
  })

  it('+short prints the data only; +search walks the search list', async () => {
    expect((await digAt('dig +short nginx.default.svc.cluster.local')).stdout).toBe('10.244.0.7\n10.244.0.8\n')
    expect((await digAt('dig +short web')).stdout).toBe('')
    expect((await digAt('dig +short +search web')).stdout).toBe('10.96.12.34\n')
    expect((await digAt('dig web.default.svc.cluster.local SRV +short')).stdout).toBe('0 100 80 web.default.svc.cluster.local.\n')
    expect((await digAt('dig +noall +answer web.default.svc.cluster.local')).stdout).toBe('web.default.svc.cluster.local. 30 IN\tA\t10.96.12.34\n')
  })

  it('asks @server and reports no reply after 3 × 5 s with exit 9', async () => {
    const r = await digAt('dig @10.96.0.99 web.default.svc.cluster.local')
    expect(r.stdout).toBe('\n; <<>> DiG 9.9.5-9+deb8u19-Debian <<>> @10.96.0.99 web.default.svc.cluster.local\n; (1 server found)\n;; global options: +cmd\n;; connection timed out; no servers could be reached\n')
    expect(r.status).toBe(9)
    expect(r.elapsedMs).toBe(15000)
  })
})

describe('BIND presentation format', () => {
  it('indents to columns 24/32/40/48 with tabs, a space when past', () => {
    expect(recordLine({ name: 'cluster.local.', type: 'SOA', ttl: 30, data: 'x' })).toBe('cluster.local.\t\t30\tIN\tSOA\tx\n')
    expect(recordLine({ name: 'web.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.96.12.34' })).toBe('web.default.svc.cluster.local. 30 IN\tA\t10.96.12.34\n')
    expect(questionLine('web.default.svc.cluster.local.', 'A')).toBe(';web.default.svc.cluster.local.\tIN\tA')
    expect(whenLine(START_MS)).toBe('Thu Jan 01 00:00:00 UTC 2026')
  })

  it('counts message bytes with name compression', () => {
    // 12 header + 35 question + (2 pointer + 10 + 4) answer = 63; + 11 for dig's OPT.
    expect(messageSize({ name: 'web.default.svc.cluster.local', type: 'A' }, [{ name: 'web.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.96.12.34' }])).toBe(63)
    expect(messageSize({ name: 'web.default.svc.cluster.local', type: 'A' }, [{ name: 'web.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.96.12.34' }], true)).toBe(74)
  })
})

describe('dig arguments', () => {
  it('takes a type word before or after the name', async () => {
    expect((await digAt('dig SRV _http._tcp.web.default.svc.cluster.local +short')).stdout).toBe('0 100 80 web.default.svc.cluster.local.\n')
    expect((await digAt('dig +short web.default.svc.cluster.local IN A')).stdout).toBe('10.96.12.34\n')
  })
})
