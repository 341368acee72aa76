import { describe, it, expect } from 'vitest'
import { CLUSTER_TABLE, dnsShell } from './dnstesting'

describe('nslookup (busybox 1.36)', () => {
  it('finds a Service by its full name; the empty AAAA reply leaves a blank line', async () => {
    const { run } = dnsShell({ table: CLUSTER_TABLE, flavour: 'busybox' })
    const r = await run('nslookup web.default.svc.cluster.local')
    expect(r.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.12.34\n\n\n')
    expect(r.status).toBe(0)
  })

  it('tries a dotless name under every search domain (never bare), prints each NXDOMAIN and exits 1', async () => {
    const { run, asked } = dnsShell({ table: CLUSTER_TABLE, flavour: 'busybox' })
    const r = await run('nslookup web')
    expect(asked).toEqual([
      'A web.default.svc.cluster.local', 'A web.svc.cluster.local', 'A web.cluster.local',
      'AAAA web.default.svc.cluster.local', 'AAAA web.svc.cluster.local', 'AAAA web.cluster.local',
    ])
    expect(r.stdout).toBe([
      'Server:\t\t10.96.0.10', 'Address:\t10.96.0.10:53', '',
      'Name:\tweb.default.svc.cluster.local', 'Address: 10.96.12.34', '',
      "** server can't find web.svc.cluster.local: NXDOMAIN", '',
      "** server can't find web.cluster.local: NXDOMAIN", '',
      '',
      "** server can't find web.svc.cluster.local: NXDOMAIN", '',
      "** server can't find web.cluster.local: NXDOMAIN", '', '',
    ].join('\n'))
    expect(r.status).toBe(1)
  })

  it('asks a dotted short name as is: `svc.ns` fails under busybox', async () => {
    const { run } = dnsShell({ table: CLUSTER_TABLE, flavour: 'busybox' })
    const r = await run('nslookup web.default')
    expect(r.stdout).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find web.default: SERVFAIL\n\n** server can't find web.default: SERVFAIL\n\n")
    expect(r.status).toBe(1)
  })

  it('looks up the PTR of an address, and answers headless names with every pod IP', async () => {
    const { run } = dnsShell({ table: CLUSTER_TABLE, flavour: 'busybox' })
    expect((await run('nslookup 10.96.0.10')).stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n10.0.96.10.in-addr.arpa\tname = kube-dns.kube-system.svc.cluster.local\n\n')
    expect((await run('nslookup nginx.default.svc.cluster.local')).stdout).toContain('Name:\tnginx.default.svc.cluster.local\nAddress: 10.244.0.7\nName:\tnginx.default.svc.cluster.local\nAddress: 10.244.0.8\n')
  })

  it('gives up after 5 s when nothing answers', async () => {
    const { run } = dnsShell({ table: CLUSTER_TABLE, flavour: 'busybox', servers: [] })
    const r = await run('nslookup web.default.svc.cluster.local')
    expect(r.stdout).toBe(';; connection timed out; no servers could be reached\n\n')
    expect(r.status).toBe(1)
    expect(r.elapsedMs).toBe(5000)
  })

  it('prints its usage without a host', async () => {
    const { run } = dnsShell({ table: CLUSTER_TABLE, flavour: 'busybox' })
    const r = await run('nslookup')
    expect(r.stderr).toContain('Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]')
    expect(r.status).toBe(1)
  })
})

describe('nslookup (bind9, dnsutils)', () => {
  it('walks the search list with ndots:5 and prints the first hit', async () => {
    const { run } = dnsShell({ table: CLUSTER_TABLE, flavour: 'bind9' })
    for (const name of ['web', 'web.default', 'web.default.svc.cluster.local']) {
      const r = await run(`nslookup ${name}`)
      expect(r.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.12.34\n\n')
      expect(r.status).toBe(0)
    }
  })

  it("says the server can't find a name with the name as typed, exit 1", async () => {
    const { run } = dnsShell({ table: CLUSTER_TABLE, flavour: 'bind9' })
    const r = await run('nslookup nope.default.svc.cluster.local.')
    expect(r.stdout).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nope.default.svc.cluster.local.: NXDOMAIN\n\n")
    expect(r.status).toBe(1)
    // Offline, the last try (the bare name) goes upstream and fails: SERVFAIL is what is left.
    expect((await run('nslookup nope')).stdout).toContain("** server can't find nope: SERVFAIL\n")
  })

  it('reports SERVFAIL for names outside the cluster (the offline upstream)', async () => {
    const { run } = dnsShell({ table: CLUSTER_TABLE, flavour: 'bind9' })
    const r = await run('nslookup google.com')
    expect(r.stdout).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find google.com: SERVFAIL\n\n")
  })

  it('asks the server given on the command line (the notes\' DNS through a LoadBalancer IP)', async () => {
    const { run } = dnsShell({ table: CLUSTER_TABLE, flavour: 'bind9', servers: ['172.17.255.2'], resolvConf: '' })
    const r = await run('nslookup web.default.svc.cluster.local 172.17.255.2')
    expect(r.stdout).toBe('Server:\t\t172.17.255.2\nAddress:\t172.17.255.2#53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.12.34\n\n')
  })

  it('times out with no server after 15 s', async () => {
    const { run } = dnsShell({ table: CLUSTER_TABLE, flavour: 'bind9', servers: [] })
    const r = await run('nslookup web')
    expect(r.stdout).toBe(';; connection timed out; no servers could be reached\n')
    expect(r.status).toBe(1)
    expect(r.elapsedMs).toBe(15000)
  })
})

describe('nslookup (busybox 1.28, the Kubernetes docs\' DNS debugging image)', () => {
  it('resolves through the search list and names each address by its PTR', async () => {
    const { run } = dnsShell({ table: { ...CLUSTER_TABLE, '34.12.96.10.in-addr.arpa.': { PTR: ['web.default.svc.cluster.local.'] } }, flavour: 'busybox-1.28' })
    const r = await run('nslookup web.default')
    expect(r.stdout).toBe('Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web.default\nAddress 1: 10.96.12.34 web.default.svc.cluster.local\n')
    expect(r.status).toBe(0)
  })

  it("says it can't resolve a name, exit 1", async () => {
    const { run } = dnsShell({ table: CLUSTER_TABLE, flavour: 'busybox-1.28' })
    const r = await run('nslookup nope')
    expect(r.stdout).toBe('Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n')
    expect(r.stderr).toBe("nslookup: can't resolve 'nope'\n")
    expect(r.status).toBe(1)
  })
})
