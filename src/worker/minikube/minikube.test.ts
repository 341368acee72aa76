import { describe, it, expect, afterEach } from 'vitest'
import { MemoryFileSystem, collectWriter, createCancel } from '../../shell'
import { createCluster } from '../../engine/cluster'
import { ADDONS } from '../../engine/addons'
import { createSession, type Session } from '../session'

function session(nodes = 1): Session {
  return createSession({ cluster: createCluster({ seed: 1, topology: { nodes } }), fs: new MemoryFileSystem(), clock: 'instant' })
}

async function run(s: Session, line: string): Promise<{ code: number; out: string; err: string }> {
  const out = collectWriter()
  const err = collectWriter()
  const code = await s.run(line, { stdout: out, stderr: err, signal: createCancel().signal })
  return { code, out: out.text(), err: err.text() }
}

describe('minikube ssh', () => {
  it('opens a node shell as docker, sudo -i makes root, exit leaves one shell at a time', async () => {
    const s = session()
    expect((await run(s, 'minikube ssh')).code).toBe(0)
    expect(s.prompt()).toBe('docker@minikube:~$ ')
    expect((await run(s, 'whoami; pwd; hostname')).out).toBe('docker\n/home/docker\nminikube\n')
    await run(s, 'sudo -i')
    expect(s.prompt()).toBe('root@minikube:~# ')
    expect((await run(s, 'whoami; pwd; echo $USER')).out).toBe('root\n/root\nroot\n')
    expect((await run(s, 'exit')).out).toBe('logout\n')
    expect(s.prompt()).toBe('docker@minikube:~$ ')
    expect((await run(s, 'exit')).out).toBe('logout\n')
    expect(s.prompt()).toBeUndefined()
    expect((await run(s, 'echo $?; whoami')).out).toBe('0\nlearner\n')
  })

  it('passes the node shell exit status back to the laptop', async () => {
    const s = session()
    await run(s, 'minikube ssh')
    await run(s, 'exit 3')
    expect((await run(s, 'echo $?')).out).toBe('3\n')
  })

  it('runs one command with `--` and shares the filesystem the kubelet gives hostPath volumes', async () => {
    const s = session()
    expect(await run(s, 'minikube ssh -- cat /etc/hostname')).toEqual({ code: 0, out: 'minikube\n', err: '' })
    await run(s, "minikube ssh 'echo hi > /tmp/x'")
    expect(s.cluster.kubelets[0].hostFs.readFile('/tmp/x')).toBe('hi\n')
    expect((await run(s, 'minikube ssh -- sudo whoami')).out).toBe('root\n')
    expect((await run(s, 'minikube ssh -- sudo nosuch')).err).toBe('sudo: nosuch: command not found\n')
  })

  it("reads the node kernel: iptables refuses the docker user, sudo's root gets the tables", async () => {
    const s = session()
    const denied = await run(s, 'minikube ssh -- iptables -L')
    expect(denied.code).toBe(3)
    expect(denied.err).toMatch(/^iptables v1\.8\.7 \(legacy\): can't initialize iptables table `filter': Permission denied \(you must be root\)\n/)
    const nat = await run(s, 'minikube ssh -- sudo iptables-save -t nat')
    expect(nat.code).toBe(0)
    expect(nat.out).toMatch(/^\*nat\n:PREROUTING ACCEPT \[\d+:\d+\]\n/m)
    expect((await run(s, 'docker exec minikube ip addr show eth0')).out).toMatch(/inet 192\.168\.49\.2\/24 /)
  })

  it('has kicbase network tools (curl, ping, nc) but no wget', async () => {
    const s = session()
    expect((await run(s, 'minikube ssh -- command -v curl ping nc')).code).toBe(0)
    const r = await run(s, 'minikube ssh -- wget -qO- 10.96.0.1')
    expect(r.code).toBe(127)
  })

  it('reaches other nodes with -n and refuses unknown ones', async () => {
    const s = session(2)
    await run(s, 'minikube ssh -n minikube-m02')
    expect(s.prompt()).toBe('docker@minikube-m02:~$ ')
    await run(s, 'exit')
    const r = await run(s, 'minikube ssh -n minikube-m05')
    expect(r.code).toBe(85)
    expect(r.err).toBe('\n❌  Exiting due to GUEST_NODE_RETRIEVE: retrieving node: Could not find node minikube-m05\n\n')
  })
})

describe('minikube ip, status, version, unknown commands', () => {
  it('prints the node IPs', async () => {
    const s = session(2)
    expect((await run(s, 'minikube ip')).out).toBe('192.168.49.2\n')
    expect((await run(s, 'minikube ip -n minikube-m02')).out).toBe('192.168.49.3\n')
  })

  it('prints status per node and the version', async () => {
    const s = session(2)
    expect((await run(s, 'minikube status')).out).toBe(
      'minikube\ntype: Control Plane\nhost: Running\nkubelet: Running\napiserver: Running\nkubeconfig: Configured\n\n'
      + 'minikube-m02\ntype: Worker\nhost: Running\nkubelet: Running\n\n')
    expect((await run(s, 'minikube version')).out).toBe('minikube version: v1.33.1\ncommit: 5883c09216182566a63dff4c326a6fc9ed2982ff\n')
  })

  it('runs kubectl through minikube kubectl --', async () => {
    const s = session()
    const r = await run(s, 'minikube kubectl -- get nodes -o name')
    expect(r).toEqual({ code: 0, out: 'node/minikube\n', err: '' })
  })

  it('without a terminal, minikube ssh runs its stdin on the node', async () => {
    const s = session()
    const out = collectWriter()
    const code = await s.run('echo "hostname; whoami" | minikube ssh', { stdout: out, stderr: out, signal: createCancel().signal, interactive: false })
    expect([code, out.text()]).toEqual([0, 'minikube\ndocker\n'])
  })

  it('answers unknown and unmodelled commands', async () => {
    const s = session()
    expect(await run(s, 'minikube frobnicate')).toEqual({ code: 14, out: '', err: 'Error: unknown command "frobnicate" for "minikube"\nRun \'minikube --help\' for usage.\n' })
    expect((await run(s, 'minikube shh')).err).toBe('Error: unknown command "shh" for "minikube"\n\nDid you mean this?\n\tssh\n\nRun \'minikube --help\' for usage.\n')
    expect((await run(s, 'minikube tunnel')).err).toBe("❗  'minikube tunnel' is not supported in Kubelab yet\n")
  })
})

describe('minikube addons', () => {
  afterEach(() => { delete ADDONS['kubelab-test'] })

  it('lists the always-on addons and the registered ones in minikube’s table', async () => {
    const saved = { ...ADDONS }
    for (const k of Object.keys(ADDONS)) delete ADDONS[k]
    try {
      const s = session()
      expect((await run(s, 'minikube addons list')).out).toBe([
        '|----------------------|----------|------------|------------|',
        '|      ADDON NAME      | PROFILE  |   STATUS   | MAINTAINER |',
        '|----------------------|----------|------------|------------|',
        '| default-storageclass | minikube | enabled ✅ | Kubernetes |',
        '| storage-provisioner  | minikube | enabled ✅ | minikube   |',
        '|----------------------|----------|------------|------------|',
        '',
      ].join('\n'))
    } finally {
      Object.assign(ADDONS, saved)
    }
  })

  it('enables an addon by creating its objects, then lists it enabled, and disables it', async () => {
    ADDONS['kubelab-test'] = {
      name: 'kubelab-test', maintainer: '3rd party (Test)',
      manifests: () => [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kt' } },
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'kt' }, data: { a: '1' } },
      ],
    }
    const s = session()
    expect((await run(s, 'minikube addons list')).out).toMatch(/\| kubelab-test +\| minikube \| disabled +\| 3rd party \(Test\) +\|/)
    const r = await run(s, 'minikube addons enable kubelab-test')
    expect(r).toEqual({ code: 0, err: '', out: [
      '❗  kubelab-test is a 3rd party addon and is not maintained or verified by minikube maintainers, enable at your own risk.',
      '❗  kubelab-test does not currently have an associated maintainer.',
      "🌟  The 'kubelab-test' addon is enabled",
      '',
    ].join('\n') })
    expect(s.cluster.api.get('configmaps', 'kt', 'cfg').data).toEqual({ a: '1' })
    expect((await run(s, 'minikube addons list')).out).toMatch(/\| kubelab-test +\| minikube \| enabled ✅ +\|/)
    expect((await run(s, 'minikube addons disable kubelab-test')).out).toBe(`🌑  "The 'kubelab-test' addon is disabled\n`)
    expect(() => s.cluster.api.get('configmaps', 'kt', 'cfg')).toThrow()
  })

  it('enables ingress and metallb with minikube v1.33’s words; the ingress-nginx controller appears', async () => {
    const s = session()
    expect((await run(s, 'minikube addons enable ingress')).out).toBe([
      '💡  ingress is an addon maintained by Kubernetes. For any concerns contact minikube on GitHub.',
      'You can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS',
      '    ▪ Using image registry.k8s.io/ingress-nginx/controller:v1.10.1',
      '    ▪ Using image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.1',
      '    ▪ Using image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.1',
      '🔎  Verifying ingress addon...',
      "🌟  The 'ingress' addon is enabled",
      '',
    ].join('\n'))
    expect(s.cluster.api.get('deployments', 'ingress-nginx', 'ingress-nginx-controller').metadata.name).toBe('ingress-nginx-controller')
    expect((await run(s, 'minikube addons enable metallb')).out).toBe([
      '❗  metallb is a 3rd party addon and is not maintained or verified by minikube maintainers, enable at your own risk.',
      '❗  metallb does not currently have an associated maintainer.',
      '    ▪ Using image quay.io/metallb/speaker:v0.9.6',
      '    ▪ Using image quay.io/metallb/controller:v0.9.6',
      "🌟  The 'metallb' addon is enabled",
      '',
    ].join('\n'))
    expect((await run(s, 'minikube addons list')).out).toMatch(/\| ingress +\| minikube \| enabled ✅ +\| Kubernetes +\|\n\| metallb +\| minikube \| enabled ✅ +\| 3rd party \(MetalLB\) \|/)
  })

  it("says which addons Kubelab lacks, and fails on names minikube does not know", async () => {
    const s = session()
    expect(await run(s, 'minikube addons enable dashboard')).toEqual({ code: 10, out: '', err: "❗  The 'dashboard' addon is not supported in Kubelab yet\n" })
    expect(await run(s, 'minikube addons enable nope')).toEqual({ code: 10, out: '', err: '\n❌  Exiting due to MK_ADDON_ENABLE: enable failed: set: nope is not a valid addon\n\n' })
    expect((await run(s, 'minikube addons enable')).err).toBe('\n❌  Exiting due to MK_USAGE: usage: minikube addons enable ADDON_NAME\n\n')
  })
})

describe('minikube service', () => {
  it('prints the NodePort URL on the node IP, or the table', async () => {
    const s = session()
    s.cluster.api.create('services', {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' },
      spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP', nodePort: 30552 }] },
    })
    expect((await run(s, 'minikube service web --url')).out).toBe('http://192.168.49.2:30552\n')
    expect((await run(s, 'minikube service web')).out).toBe([
      '|-----------|------|-------------|---------------------------|',
      '| NAMESPACE | NAME | TARGET PORT |            URL            |',
      '|-----------|------|-------------|---------------------------|',
      '| default   | web  |          80 | http://192.168.49.2:30552 |',
      '|-----------|------|-------------|---------------------------|',
      '🎉  Opening service default/web in default browser...',
      '',
    ].join('\n'))
  })

  it('says when a Service is missing or has no node port', async () => {
    const s = session()
    const r = await run(s, 'minikube service nope -n kube-system')
    expect(r.code).toBe(95)
    expect(r.err).toBe("\n❌  Exiting due to SVC_NOT_FOUND: Service 'nope' was not found in 'kube-system' namespace.\nYou may select another namespace by using 'minikube service nope -n <namespace>'. Or list out all the services using 'minikube service list'\n\n")
    s.cluster.api.create('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'default' }, spec: { ports: [{ port: 5432 }] } })
    expect((await run(s, 'minikube service db --url')).err).toBe('😿  service default/db has no node port\n')
  })
})

describe('docker (the docker driver’s node containers)', () => {
  it('lists the node containers, newest first', async () => {
    const s = session(2)
    s.cluster.advance(10 * 60_000)
    const out = (await run(s, 'docker ps')).out.split('\n')
    expect(out[0]).toMatch(/^CONTAINER ID +IMAGE +COMMAND +CREATED +STATUS +PORTS +NAMES$/)
    expect(out[1]).toMatch(/^[0-9a-f]{12} +gcr\.io\/k8s-minikube\/kicbase:v0\.0\.44 +"\/usr\/local\/bin\/entr…" +10 minutes ago +Up 10 minutes +127\.0\.0\.1:32777->22\/tcp, 127\.0\.0\.1:32776->2376\/tcp, 127\.0\.0\.1:32775->5000\/tcp, 127\.0\.0\.1:32774->8443\/tcp, 127\.0\.0\.1:32773->32443\/tcp +minikube-m02$/)
    expect(out[2]).toMatch(/127\.0\.0\.1:32772->22\/tcp, .*127\.0\.0\.1:32768->32443\/tcp +minikube$/)
  })

  it('docker exec -it <node> bash is a root shell in /; exec runs one command; unknown containers fail', async () => {
    const s = session()
    await run(s, 'docker exec -it minikube bash')
    expect(s.prompt()).toBe('root@minikube:/# ')
    expect((await run(s, 'exit')).out).toBe('exit\n')
    expect(s.prompt()).toBeUndefined()
    expect((await run(s, 'docker exec minikube cat /etc/hostname')).out).toBe('minikube\n')
    expect(await run(s, 'docker exec -it kind-control-plane bash')).toEqual({ code: 1, out: '', err: 'Error response from daemon: No such container: kind-control-plane\n' })
  })
})
