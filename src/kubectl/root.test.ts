import { describe, it, expect } from 'vitest'
import { FakeApi } from './testing/fakeApi'
import { kubectl, newFs } from './testing/harness'
import { addPod } from './testing/fixtures'
import { MemFs } from './testing/fakeFs'
import { KINDS } from '../api/kinds'

describe('kubectl (root)', () => {
  it('bare kubectl prints the command overview and exits 0', async () => {
    const r = await kubectl(new FakeApi(), newFs(), '')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^kubectl controls the Kubernetes cluster manager\.\n\n Find more information at: https:\/\/kubernetes\.io\/docs\/reference\/kubectl\/\n\nBasic Commands \(Beginner\):\n  create          Create a resource from a file or from stdin\n/)
    expect(r.out).toContain('\nUsage:\n  kubectl [flags] [options]\n')
  })

  it('unknown commands: cobra\'s words, with suggestions when close', async () => {
    expect(await kubectl(new FakeApi(), newFs(), 'frobnicate')).toEqual({ code: 1, out: '', err: 'error: unknown command "frobnicate" for "kubectl"\n' })
    expect((await kubectl(new FakeApi(), newFs(), 'foo')).err).toBe('error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n')
    expect((await kubectl(new FakeApi(), newFs(), 'gte pods')).err).toBe('error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n')
    expect((await kubectl(new FakeApi(), newFs(), 'log web')).err).toBe('error: unknown command "log" for "kubectl"\n\nDid you mean this?\n\tlogs\n\ttop\n')
  })

  it('verbs not built yet say so plainly', async () => {
    for (const verb of ['attach', 'proxy']) {
      expect(await kubectl(new FakeApi(), newFs(), `${verb} web`)).toEqual({ code: 1, out: '', err: `error: kubectl ${verb} is not supported in Kubelab yet\n` })
    }
  })

  it('top: without metrics-server (no metrics.k8s.io in discovery)', async () => {
    const bare = () => new FakeApi(undefined, KINDS.filter((k) => k.group !== 'metrics.k8s.io'))
    expect(await kubectl(bare(), newFs(), 'top pods')).toEqual({ code: 1, out: '', err: 'error: Metrics API not available\n' })
    expect((await kubectl(bare(), newFs(), 'top node')).err).toBe('error: Metrics API not available\n')
  })

  it('flag errors point at the verb\'s help', async () => {
    expect(await kubectl(new FakeApi(), newFs(), 'get pods --foo')).toEqual({ code: 1, out: '', err: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n" })
    expect((await kubectl(new FakeApi(), newFs(), 'get pods -z')).err).toBe("error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n")
    expect((await kubectl(new FakeApi(), newFs(), 'get pods -n')).err).toBe("error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n")
    expect((await kubectl(new FakeApi(), newFs(), '--foo')).err).toBe("error: unknown flag: --foo\nSee 'kubectl --help' for usage.\n")
  })

  it('global flags may come before the verb', async () => {
    const api = new FakeApi()
    addPod(api, 'dns', 'kube-system')
    const r = await kubectl(api, newFs(), '-n kube-system get pods -o name')
    expect(r).toEqual({ code: 0, out: 'pod/dns\n', err: '' })
  })

  it('--help prints the verb\'s help and exits 0', async () => {
    const r = await kubectl(new FakeApi(), newFs(), 'get --help')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^Display one or many resources\./)
    expect(r.out).toContain('\nExamples:\n  # List all pods in ps output format\n  kubectl get pods\n')
    expect(r.out).toContain('\nOptions:\n    -A, --all-namespaces=false:\n\tIf present, list the requested object(s) across all namespaces.')
    expect(r.out).toContain('\nUsage:\n  kubectl get [(-o|--output=)')
    expect((await kubectl(new FakeApi(), newFs(), 'config')).out).toContain('Available Commands:\n  current-context')
  })

  it('without a kubeconfig the server is localhost:8080, refused', async () => {
    const r = await kubectl(new FakeApi(), new MemFs(), 'get pods')
    expect(r).toEqual({ code: 1, out: '', err: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n' })
  })

  it('a broken kubeconfig is an error loading config file', async () => {
    const r = await kubectl(new FakeApi(), new MemFs({ '/home/learner/.kube/config': 'contexts: [\n' }), 'get pods')
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/^error: error loading config file "\/home\/learner\/\.kube\/config": /)
  })
})

describe('kubectl help and command groups', () => {
  it('kubectl help [verb]', async () => {
    expect((await kubectl(new FakeApi(), newFs(), 'help')).out).toMatch(/^kubectl controls the Kubernetes cluster manager\./)
    expect((await kubectl(new FakeApi(), newFs(), 'help get')).out).toMatch(/^Display one or many resources\./)
  })
  it('an unknown subcommand of a group', async () => {
    expect(await kubectl(new FakeApi(), newFs(), 'config foo')).toEqual({ code: 1, out: '', err: "error: unknown command \"foo\"\nSee 'kubectl config -h' for help and examples\n" })
  })
  it('create generators Kubelab lacks say so; stray words are unexpected args', async () => {
    expect((await kubectl(new FakeApi(), newFs(), 'create cronjob web --image=nginx --schedule="* * * * *"')).err).toBe('error: kubectl create cronjob is not supported in Kubelab yet\n')
    expect((await kubectl(new FakeApi(), newFs(), 'create foo')).err).toBe("error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n")
  })
})
