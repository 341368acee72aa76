// A scenario harness: a seeded cluster, the learner's real shell with kubectl on an instant clock,
// and a transcript. Methods queue onto one promise chain and return the harness, and the harness
// is awaitable, so a story reads top to bottom:
//   const c = new TestCluster({ seed: 7 })
//   await c.sh('kubectl run web --image=nginx').advance('30s')
//   c.expectPods('run=web', { ready: 1, phase: 'Running' })
import { MemoryFileSystem } from '../shell'
import { createCluster, type Cluster, type ClusterOptions } from '../engine/cluster'
import type { ApiServer } from '../engine/apiserver'
import { createSession, type Session } from '../worker/session'
import { runToCompletion } from '../worker/drive'
import { matchesSelectorString } from '../api/labels'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

export interface TestClusterOptions {
  seed?: number
  /** Workspace files to start with (absolute paths, e.g. /home/learner/web.yaml). */
  files?: { path: string; content: string }[]
  columns?: number
  /** Kubelet dependencies to replace (a made-up registry, scripted processes). */
  kubelet?: ClusterOptions['kubelet']
  /** Nodes and kubelet limits (`{ nodes: 2 }`: minikube + minikube-m02). */
  topology?: ClusterOptions['topology']
}

export interface RunResult {
  code: number
  stdout: string
  stderr: string
  /** stdout and stderr interleaved as a terminal shows them. */
  output: string
}

export interface PodExpectation {
  ready?: number
  total?: number
  phase?: string
  namespace?: string
}

/** `30s`, `2m`, `1h30m`, `500ms`, or a number of ms. */
export function parseDuration(d: string | number): number {
  if (typeof d === 'number') return d
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g
  let total = 0
  let matched = ''
  for (let m = re.exec(d); m; m = re.exec(d)) {
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h']
    matched += m[0]
  }
  if (matched !== d) throw new Error(`bad duration: ${d}`)
  return total
}

/**
 * Move the cluster's clock `ms` forward one instant at a time, draining promise continuations
 * after each (cluster.advanceAsync; the only advancer while it runs — never two at once, see
 * worker/CONTEXT.md).
 */
export function stepClock(cluster: Cluster, ms: number): Promise<void> {
  return cluster.advanceAsync(ms)
}

export class TestCluster implements PromiseLike<void> {
  readonly cluster: Cluster
  readonly session: Session
  readonly fs: MemoryFileSystem
  private chain: Promise<void> = Promise.resolve()
  private pendingOps = 0
  private transcript = ''
  private last: RunResult = { code: 0, stdout: '', stderr: '', output: '' }

  constructor(private readonly opts: TestClusterOptions = {}) {
    this.cluster = createCluster({ seed: opts.seed ?? 1, kubelet: opts.kubelet, topology: opts.topology })
    this.fs = new MemoryFileSystem(opts.files ?? [])
    this.session = createSession({ cluster: this.cluster, fs: this.fs, clock: 'instant' })
  }

  get api(): ApiServer {
    return this.cluster.api
  }

  private enqueue(op: () => void | Promise<void>): this {
    this.pendingOps++
    this.chain = this.chain.then(op).finally(() => { this.pendingOps-- })
    return this
  }

  /** Run a line through the shell (queued); its output goes to the transcript. */
  sh(line: string): this {
    return this.enqueue(async () => { await this.exec(line) })
  }

  /** Run a line (after anything queued) and get its result. */
  run(line: string): Promise<RunResult> {
    let result!: RunResult
    this.enqueue(async () => { result = await this.exec(line) })
    return this.chain.then(() => result)
  }

  /**
   * Advance virtual time (queued after earlier steps; await the harness before looking). Timer by
   * timer, letting promise continuations run in between, so a container's shell loop
   * (`while true; do date; sleep 1; done`) and a process's exit keep pace with the clock.
   */
  advance(d: string | number): this {
    const ms = parseDuration(d)
    return this.enqueue(() => stepClock(this.cluster, ms))
  }

  then<A = void, B = never>(onFulfilled?: ((v: void) => A | PromiseLike<A>) | null, onRejected?: ((e: unknown) => B | PromiseLike<B>) | null): PromiseLike<A | B> {
    return this.chain.then(onFulfilled, onRejected)
  }

  private async exec(line: string): Promise<RunResult> {
    let stdout = ''
    let stderr = ''
    let output = ''
    const code = await runToCompletion(this.session, line, {
      stdout: { write: (s) => { stdout += s; output += s } },
      stderr: { write: (s) => { stderr += s; output += s } },
      columns: this.opts.columns,
    })
    this.transcript += `$ ${line}\n${output}`
    this.last = { code, stdout, stderr, output }
    return this.last
  }

  /** Everything shown so far, as `$ command` lines followed by their output. */
  output(): string {
    return this.transcript
  }

  /** The last command's result. */
  lastResult(): RunResult {
    return this.last
  }

  /** Pods matching a label selector (default namespace unless given). */
  pods(selector = '', namespace = 'default'): Loose[] {
    return this.api.list('pods', { namespace }).items.filter((p) => matchesSelectorString(selector || undefined, p.metadata.labels))
  }

  /** Check pod counts now; throws with what was found. Await queued steps first. */
  expectPods(selector: string, want: PodExpectation): this {
    if (this.pendingOps > 0) throw new Error('expectPods: await the harness first (steps are still queued)')
    const pods = this.pods(selector, want.namespace)
    const ready = pods.filter((p) => p.status?.conditions?.some((c: Loose) => c.type === 'Ready' && c.status === 'True')).length
    const problems: string[] = []
    if (want.total !== undefined && pods.length !== want.total) problems.push(`total ${pods.length}, want ${want.total}`)
    if (want.ready !== undefined && ready !== want.ready) problems.push(`ready ${ready}, want ${want.ready}`)
    if (want.phase !== undefined) {
      const off = pods.filter((p) => p.status?.phase !== want.phase)
      if (off.length || pods.length === 0) problems.push(`phase: want all ${want.phase}, got ${pods.map((p) => `${p.metadata.name}=${p.status?.phase}`).join(', ') || 'no pods'}`)
    }
    if (problems.length) throw new Error(`expectPods(${JSON.stringify(selector)}): ${problems.join('; ')}`)
    return this
  }
}
