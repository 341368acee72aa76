// The container runtime's process layer: starting a container's PID 1 (an image program, or the
// command/args through the project's shell) in the container's view (fs, env, network), capturing
// its output as the container log, delivering SIGTERM/SIGKILL, and running `exec`s beside it.
// containers.ts (the lifecycle) calls spawnContainer; server.ts (NodeServer) uses exec/session.
import type { Container, KubeObject, Pod } from '../../../api/types'
import type { InteractiveSession, Reader, Writer, CancelSignal } from '../../../shell'
import type { VirtualClock } from '../../runtime/clock'
import type { ImageSpec, InCluster } from '../../images/types'
import type { Fabric, Netns } from '../../network/types'
import type { ContainerFileSystem } from '../volumes/types'

/** One log line as the runtime stores it (CRI log format: time, stream, text). */
export interface LogLine {
  /** Virtual epoch ms when written. */
  atMs: number
  stream: 'stdout' | 'stderr'
  /** Without the trailing newline. */
  text: string
}

/** Where a container instance's output goes (logs.ts keeps current and previous instances). */
export interface ContainerLogSink {
  /**
   * `atMs`: when the process wrote it in its own virtual time (a shell that woke from `sleep 1`
   * at :01 but ran late writes at :01); absent = now. Sinks never stamp later lines earlier.
   */
  write(stream: 'stdout' | 'stderr', chunk: string, atMs?: number): void
}

export interface SpawnOptions {
  pod: Pod & KubeObject
  container: Container
  image: ImageSpec
  init: boolean
  podIP: string
  nodeName: string
  nodeIP: string
  fs: ContainerFileSystem
  /** The container's full environment (image ENV, then the pod's env, service variables, HOSTNAME). */
  env: Record<string, string>
  log: ContainerLogSink
  fabric: Fabric
  netns: Netns
  clock: VirtualClock
  /** resources.limits.memory in bytes, if any: usage above it is an OOM kill. */
  memoryLimitBytes?: number
  /** The API server and, for hostNetwork pods, the node (ProcessHost.cluster). */
  cluster?: InCluster
}

export type ExitReason = 'Completed' | 'Error' | 'OOMKilled' | 'StartError'

export interface ProcessExit {
  exitCode: number
  reason: ExitReason
  /** For StartError: the runtime's message (`exec: "foo": executable file not found in $PATH`). */
  message?: string
  /** When the process ended (virtual ms). */
  atMs: number
}

export interface ContainerProcess {
  /** Resolves once, when PID 1 ends (its own exit, OOM kill or SIGKILL). */
  readonly exited: Promise<ProcessExit>
  /** SIGTERM: reaches a program running as PID 1; a shell as PID 1 ignores it. */
  term(): void
  /** SIGKILL: ends at once with 137 (reason Error). */
  kill(): void
  /** Working set and CPU now (for kubectl top). */
  usage(): { cpuMillicores: number; memoryBytes: number }
  /** `kubectl exec` / exec probes: run argv beside PID 1 in the same view; resolves with its exit code. */
  exec(argv: string[], io: { stdout: Writer; stderr: Writer; stdin?: Reader; signal: CancelSignal; tty?: boolean }): Promise<number>
  /** `kubectl exec -it … -- sh`: an interactive shell in the container (argv[0] must be a shell). */
  session(argv: string[]): InteractiveSession
  /** Processes for `ps`: PID 1 first. */
  processes(): { pid: number; user: string; command: string; startedAtMs: number }[]
}

export type SpawnContainer = (o: SpawnOptions) => ContainerProcess
