// The contract between the shell and the commands registered into it. The shell knows only its
// POSIX builtins; whoever composes it (the worker for the learner's terminal, the kubelet for a
// container) registers the rest — kubectl, curl, nslookup... — through a CommandRegistry.

/** Where a command writes. Chunks go to the terminal (or the next pipe stage) as they are written. */
export interface Writer {
  write(chunk: string): void
}

/** Where a command reads. A pipe stage's stdin is the previous stage's stdout. */
export interface Reader {
  /** Next chunk, or null at end of input. */
  read(): Promise<string | null>
  /** Everything until end of input. */
  readAll(): Promise<string>
}

/** The workspace filesystem: paths are absolute and POSIX (`/home/learner/web.yaml`). */
export interface FileSystem {
  readFile(path: string): string | undefined
  writeFile(path: string, content: string): void
  exists(path: string): boolean
  isDir(path: string): boolean
  mkdir(path: string, opts?: { recursive?: boolean }): void
  /** Names (not paths) in a directory, sorted; undefined when it is not a directory. */
  readdir(path: string): string[] | undefined
  remove(path: string, opts?: { recursive?: boolean }): void
  rename(from: string, to: string): void
  /** Called after every change, with the changed path (used to mirror files to the editor). */
  onChange?(listener: (path: string, kind: 'write' | 'remove') => void): () => void
}

/** Cancellation: Ctrl-C in the terminal aborts the running command line. */
export interface CancelSignal {
  readonly aborted: boolean
  /** Runs `fn` once when aborted (immediately if already aborted); returns an unsubscribe. */
  onAbort(fn: () => void): () => void
}

/** Time as the host provides it: virtual time in the engine, advanced by the host. */
export interface ShellClock {
  /** Virtual epoch milliseconds. */
  now(): number
  /** Resolves after `ms` of virtual time (or rejects/returns early when `signal` aborts). */
  sleep(ms: number, signal: CancelSignal): Promise<void>
  /**
   * Optional: give the host's event loop a turn (a macrotask). The shell calls it every 1000 loop
   * iterations (and between `yes` chunks) so that `while true; do :; done` can still receive
   * Ctrl-C; without it the shell uses `sleep(0, signal)`. Added by the shell.
   */
  yield?(): Promise<void>
}

export interface CommandContext {
  /** argv[0] is the command name as typed (after alias expansion: `k` → `kubectl`). */
  argv: string[]
  stdin: Reader
  stdout: Writer
  stderr: Writer
  /** Exported environment visible to the command (copy: changes do not leak back). */
  env: Record<string, string>
  cwd: string
  fs: FileSystem
  clock: ShellClock
  signal: CancelSignal
  /** Terminal width in columns, when known (kubectl wraps nothing, but `help` may). */
  columns?: number
  /** True when stdout is the terminal (not a pipe or file): like isatty(1). */
  isTTY: boolean
  /** This machine's network (absent: no network, `curl` says it cannot resolve anything). */
  net?: NetworkAccess
  /**
   * Hand the terminal to a nested interactive session after this command line ends (kubectl exec
   * -it). Absent when the host has no terminal (a container's process, a script run headless).
   */
  attach?(session: InteractiveSession): void
}

/** A command returns its exit status. Throwing is a bug; the shell reports it and returns 1. */
export type Command = (ctx: CommandContext) => number | Promise<number>

export interface CommandInfo {
  run: Command
  /** One line for `help`. */
  summary?: string
  /** Tab completion of arguments: given argv so far (last element is the partial word). */
  complete?: (argv: string[], ctx: { cwd: string; fs: FileSystem; env: Record<string, string> }) => string[]
}

export interface CommandRegistry {
  register(name: string, info: CommandInfo): void
  get(name: string): CommandInfo | undefined
  names(): string[]
}

// ── Network and interactive sessions: given by the host, never built by the shell ──────────────

/** One HTTP request as curl or wget (or a port-forward) sends it. */
export interface HttpRequest {
  /** A name (`web`, `localhost`) or an IPv4 address, as the URL had it. */
  host: string
  port: number
  /** `http` unless the URL said `https` (TLS is not modelled: servers answer in plain HTTP). */
  scheme?: 'http' | 'https'
  method: string
  /** Path and query: `/index.html?x=1`. */
  path: string
  /** Header names as sent (`User-Agent`), in order. */
  headers: [string, string][]
  body?: string
  /** Give up after this long (virtual ms): curl `--max-time`/`--connect-timeout`, wget `-T`. */
  timeoutMs?: number
}

/** What came back: a response, or why none did (a failure the tool turns into its own words). */
export type HttpResult =
  | { kind: 'response'; ip: string; status: number; reason: string; headers: [string, string][]; body: string }
  | { kind: 'error'; code: NetErrorCode; ip?: string; message?: string }

/**
 * resolve: the name does not resolve (curl exit 6); refused: nothing listens there (exit 7);
 * timeout: no answer in time (exit 28); unreachable: no route (exit 7); reset: the peer closed (56).
 */
export type NetErrorCode = 'resolve' | 'refused' | 'timeout' | 'unreachable' | 'reset'

/** The machine's network as a command sees it (curl, wget, kubectl port-forward). */
export interface NetworkAccess {
  /** One HTTP exchange over TCP, on virtual time. Never throws: failures come back as `error`. */
  http(req: HttpRequest, signal: CancelSignal): Promise<HttpResult>
  /** A bare TCP connect (`nc -z`): whether something accepts on host:port. */
  connect(host: string, port: number, timeoutMs: number | undefined, signal: CancelSignal): Promise<{ kind: 'open'; ip: string } | { kind: 'error'; code: NetErrorCode; ip?: string }>
  /** Names to addresses (`nslookup`, `getent hosts`); undefined = NXDOMAIN. */
  resolve(name: string): string[] | undefined
  /**
   * Accept connections on a local port of this machine (`kubectl port-forward` on the learner's
   * laptop). Throws Error('address already in use') when taken. Returns a function that closes it.
   */
  listen?(address: string, port: number, handler: (req: HttpRequest, signal: CancelSignal) => Promise<HttpResult>): () => void
  /**
   * Optional (added by NETWORK): one ICMP echo request (`ping`), answered at once — the tool keeps
   * its own one-second rhythm. 'timeout': nothing will answer (a ClusterIP, an address not routed
   * from here); 'unreachable': no such host on the link; 'resolve': the name does not resolve.
   */
  ping?(host: string): { kind: 'reply'; ip: string; ttl: number; rttMs: number } | { kind: 'error'; code: NetErrorCode; ip?: string }
  /**
   * Optional (added by SERVICES): one DNS exchange with `server` (an IPv4 address) on port 53 over
   * UDP (or TCP with `tcp`), on virtual time (`nslookup`, `dig`). The tool reads /etc/resolv.conf
   * itself for the default server and the search list. Never throws.
   */
  dns?(query: DnsQuery, signal: CancelSignal): Promise<DnsResult>
}

/** A DNS record type the lab's servers answer. */
export type DnsType = 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME' | 'TXT' | 'NS' | 'SOA' | 'ANY'

export interface DnsQuery {
  server: string
  /** Default 53. */
  port?: number
  /** Fully qualified or not; sent as given (search lists are the tool's business). */
  name: string
  type: DnsType
  tcp?: boolean
  /** Give up after this long (virtual ms): dig +time, nslookup -timeout. Default 5,000. */
  timeoutMs?: number
}

/** One resource record. `data` is the presentation form: `10.96.0.10`, `0 100 80 web.default.svc.cluster.local.`, a CNAME target. */
export interface DnsRecord { name: string; type: DnsType; ttl: number; data: string }

export type DnsRcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED'

/** What a DNS server answers (engine: a Listener's `dns`). */
export interface DnsResponse {
  rcode: DnsRcode
  /** Whether the server is authoritative for the name (CoreDNS for cluster.local: `aa` flag). */
  authoritative?: boolean
  answers: DnsRecord[]
  /** The SOA on NXDOMAIN / empty answers (dig prints it in AUTHORITY). */
  authority?: DnsRecord[]
}

export type DnsResult =
  | ({ kind: 'response'; server: string; port: number } & DnsResponse)
  /** timeout: no server answered (nslookup ";; connection timed out; no servers could be reached"); refused: TCP only. */
  | { kind: 'error'; code: NetErrorCode; server: string }

/**
 * A nested interactive shell the host's terminal talks to until it exits (`kubectl exec -it web --
 * sh`): the learner's next lines go to it, its prompt replaces the learner's.
 */
export interface InteractiveSession {
  run(line: string, io: { stdout: Writer; stderr: Writer; signal: CancelSignal; columns?: number }): Promise<number>
  prompt(): string
  complete?(line: string, cursor: number): { word: string; items: string[] }
  /** Set once the session ended (`exit`, the container stopped). */
  readonly exited: boolean
  readonly exitCode: number
  /** Called by the host when the session ends without `exit` (the learner's terminal closes). */
  close?(): void
}
