// The learner's shell, composed: the workspace filesystem, a registry with kubectl (alias `k`),
// the learner's environment, and a ShellClock on the cluster's virtual clock. Two clock flavours:
//   browser  `sleep 5` resolves when the virtual clock reaches now + 5 s (the driver moves it);
//   instant  `sleep 5` advances the cluster clock itself (headless runner, tests).
import { loadDefinitions } from '../api/schemas'
import { Shell, createRegistry, type FileSystem, type ShellClock, type CancelSignal, type NetworkAccess } from '../shell'
import { createKubectl, defaultKubeconfig } from '../kubectl'
import type { Cluster } from '../engine/cluster'
import { AttachRouter, type TerminalRunIO } from './attach'
import { registerNetTools } from './nettools'
import { registerMinikube } from './minikube'

export const LEARNER_USER = 'learner'
export const LEARNER_HOME = '/home/learner'
export const LEARNER_HOSTNAME = 'kubelab'
export const LEARNER_PATH = '/usr/local/bin:/usr/bin:/bin'
export const KUBECONFIG_PATH = `${LEARNER_HOME}/.kube/config`

export type ClockFlavour = 'browser' | 'instant'

/** A ShellClock that also says whether it is moving the cluster clock right now (instant sleeps). */
export interface SessionClock extends ShellClock {
  readonly busy: boolean
}

export function browserClock(cluster: Cluster): SessionClock {
  return {
    busy: false,
    now: () => cluster.clock.now(),
    sleep: (ms: number, signal: CancelSignal) => new Promise<void>((resolve) => {
      const cancelTimer = cluster.clock.after(ms, () => { stop(); resolve() })
      const stop = signal.onAbort(() => { cancelTimer(); resolve() })
    }),
  }
}

export function instantClock(cluster: Cluster): SessionClock {
  let busy = 0
  return {
    get busy() { return busy > 0 },
    now: () => cluster.clock.now(),
    async sleep(ms: number, signal: CancelSignal) {
      if (signal.aborted) return
      busy++
      try { await cluster.advanceAsync(ms) } finally { busy-- }
    },
  }
}

export interface SessionOptions {
  cluster: Cluster
  fs: FileSystem
  /** Write the minikube kubeconfig to ~/.kube/config when missing (default true). */
  seedKubeconfig?: boolean
  clock?: ClockFlavour
  cwd?: string
  /** `kubectl edit` and friends ask the UI to open a file. */
  openInEditor?(path: string): void
}

export interface Session {
  shell: Shell
  fs: FileSystem
  cluster: Cluster
  clock: SessionClock
  /**
   * Resolves when what commands load lazily (the API schemas behind `kubectl explain`) is in
   * memory. Instant-clock drivers wait for it: they cannot tell a command waiting on the network
   * or disk from one waiting on virtual time.
   */
  ready: Promise<void>
  /**
   * Runs one terminal line: in the learner's shell (which may hand the terminal to `kubectl exec
   * -it`'s nested session), or in the nested session while one is attached. Every host that drives
   * the learner's terminal (worker/handle.ts, worker/drive.ts, TestCluster.sh) calls this, not shell.run.
   */
  run(line: string, io: TerminalRunIO): Promise<number>
  /** Tab completion for the current owner of the terminal. */
  complete(line: string, cursor: number): { word: string; items: string[] }
  /** The nested session's prompt (`/ # `) while one is attached; undefined = the learner's own. */
  prompt(): string | undefined
  /** Ends a nested session the terminal still has (a new `hello`). */
  dispose(): void
}

/** The learner's laptop on the cluster's network: curl reaches a port-forward, minikube's node IP. */
export function laptopNetwork(cluster: Cluster): NetworkAccess {
  return cluster.fabric.access({ kind: 'laptop' })
}

export function createSession(o: SessionOptions): Session {
  if (o.seedKubeconfig !== false && !o.fs.exists(KUBECONFIG_PATH)) {
    o.fs.mkdir(`${LEARNER_HOME}/.kube`, { recursive: true })
    o.fs.writeFile(KUBECONFIG_PATH, defaultKubeconfig(LEARNER_HOME))
  }
  if (!o.fs.exists(LEARNER_HOME)) o.fs.mkdir(LEARNER_HOME, { recursive: true })
  const registry = createRegistry()
  registry.register('kubectl', createKubectl({ api: o.cluster.api, openInEditor: o.openInEditor }))
  registerNetTools(registry)
  registerMinikube(registry, o.cluster)
  const clock = o.clock === 'instant' ? instantClock(o.cluster) : browserClock(o.cluster)
  const cwd = o.cwd && o.fs.isDir(o.cwd) ? o.cwd : LEARNER_HOME
  const shell = new Shell({
    fs: o.fs,
    registry,
    clock,
    // KUBECONFIG stays unset: kubectl falls back to $HOME/.kube/config, as on a fresh laptop.
    env: { HOME: LEARNER_HOME, USER: LEARNER_USER, PATH: LEARNER_PATH },
    cwd,
    aliases: { k: 'kubectl' },
    hostname: LEARNER_HOSTNAME,
    user: LEARNER_USER,
    net: laptopNetwork(o.cluster),
  })
  // Only instant clocks need it; in the browser the schema chunk loads when explain first asks,
  // rather than competing with the worker's start-up.
  const ready = o.clock === 'instant' ? loadDefinitions().then(() => undefined, () => undefined) : Promise.resolve()
  const router = new AttachRouter(shell)
  return {
    shell, fs: o.fs, cluster: o.cluster, clock, ready,
    run: (line, io) => router.run(line, io),
    complete: (line, cursor) => router.complete(line, cursor),
    prompt: () => router.prompt(),
    dispose: () => router.dispose(),
  }
}
