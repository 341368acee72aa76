// kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] | -l SELECTOR.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go (Complete, Validate, RunLogs) and
// polymorphichelpers/logsforobject.go (logs-requests.ts). Logs are read only through pods/log.
import type { PodLogOptions } from '../../api/client'
import type { KubeObject } from '../../api/types'
import { flagBool, flagInt, flagStr, has } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { parseGoDuration } from '../duration'
import { parseResourceArgs } from '../resources'
import { rfc3339Error } from './logs-time'
import { goTypeName } from './workloads'
import { firstPod, podRequests, selectorOf, type LogRequest } from './logs-requests'
import { consume, parallel } from './logs-stream'

const USAGE = 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'
const USAGE_ERR = `expected '${USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`
/** With -l and no --tail, only the last 10 lines of each container (selectorTail). */
const SELECTOR_TAIL = 10
/** --pod-running-timeout's default (defaultPodLogsTimeout = 20 s). */
const DEFAULT_POD_TIMEOUT = '20s'
/** 128 + SIGINT: Ctrl-C while following. */
const EXIT_INTERRUPTED = 130

const usageError = (msg: string): CmdError => new CmdError(`error: ${msg}\nSee 'kubectl logs -h' for help and examples`)

const GO_UNITS = new Set(['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h'])

/** time.ParseDuration's complaint about a value it cannot read (`time: unknown unit "x" in duration "5x"`). */
function goDurationError(s: string): string {
  const q = JSON.stringify(s)
  let rest = s.replace(/^[+-]/, '')
  if (rest === '0') return ''
  if (rest === '') return `time: invalid duration ${q}`
  while (rest !== '') {
    const num = /^(\d*)(\.\d*)?/.exec(rest)![0]
    if (num === '' || num === '.') return `time: invalid duration ${q}`
    rest = rest.slice(num.length)
    const unit = /^[^\d.]*/.exec(rest)![0]
    if (unit === '') return `time: missing unit in duration ${q}`
    if (!GO_UNITS.has(unit)) return `time: unknown unit ${JSON.stringify(unit)} in duration ${q}`
    rest = rest.slice(unit.length)
  }
  return ''
}

/** A Go duration flag as pflag parses it (its error, with the help hint, exits before anything runs). */
function durationFlag(inv: Invocation, name: string, dflt: string): number {
  const raw = flagStr(inv.args, name) ?? dflt
  const why = goDurationError(raw)
  if (why !== '') throw new CmdError(`error: invalid argument ${JSON.stringify(raw)} for "--${name}" flag: ${why}\nSee 'kubectl logs --help' for usage.`)
  return parseGoDuration(raw, `--${name}`)
}

/** The object named on the command line (Builder.ResourceNames("pods", arg)). */
function fetchObject(inv: Invocation, ns: string, arg: string): KubeObject {
  const [req] = parseResourceArgs(inv.api.discovery(), arg.includes('/') ? [arg] : ['pods', arg])
  return inv.api.get(req.kind.plural, req.kind.namespaced ? ns : undefined, req.names[0])
}

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  const args = p.positional
  const selector = flagStr(p, 'selector') ?? ''
  let container = flagStr(p, 'container') ?? ''
  const sinceMs = durationFlag(inv, 'since', '0s')
  // Complete: the arguments, the namespace, the timeout, the log options, then the object.
  if (args.length === 0 && selector === '') throw usageError(USAGE_ERR)
  if (args.length === 1 && selector !== '') throw usageError('only a selector (-l) or a POD name is allowed')
  if (args.length === 2) container = args[1]
  if (args.length > 2) throw usageError(USAGE_ERR)
  const ns = inv.target().namespace
  const timeoutMs = durationFlag(inv, 'pod-running-timeout', DEFAULT_POD_TIMEOUT)
  if (timeoutMs <= 0) throw fail('--pod-running-timeout must be higher than zero')
  const sinceTime = flagStr(p, 'since-time') ?? ''
  const badTime = sinceTime === '' ? '' : rfc3339Error(sinceTime)
  if (badTime !== '') throw fail(badTime)
  const tail = flagInt(p, 'tail') ?? -1
  const limitBytes = flagInt(p, 'limit-bytes') ?? 0
  // time.Duration.Round(time.Second): halves round away from zero.
  const sinceSeconds = sinceMs === 0 ? undefined : Math.sign(sinceMs) * Math.round(Math.abs(sinceMs) / 1000)
  const opts: PodLogOptions = {
    ...(container ? { container } : {}),
    ...(flagBool(p, 'follow') ? { follow: true } : {}),
    ...(flagBool(p, 'previous') ? { previous: true } : {}),
    ...(flagBool(p, 'timestamps') ? { timestamps: true } : {}),
    ...(sinceTime ? { sinceTime } : {}),
    ...(limitBytes !== 0 ? { limitBytes } : {}),
    ...(sinceSeconds !== undefined ? { sinceSeconds } : {}),
  }
  if (selector !== '' && tail === -1 && !has(p, 'tail')) opts.tailLines = SELECTOR_TAIL
  else if (tail !== -1) opts.tailLines = tail
  let object: KubeObject | KubeObject[]
  if (selector !== '') {
    object = inv.api.list('pods', { namespace: ns, labelSelector: selector }).items
    if (object.length === 0) inv.err(`No resources found in ${ns} namespace.`)
  } else {
    object = fetchObject(inv, ns, args[0])
  }
  // Validate.
  const allContainers = flagBool(p, 'all-containers')
  if (sinceTime !== '' && sinceMs !== 0) throw fail('at most one of `sinceTime` or `sinceSeconds` may be specified')
  if (allContainers && container) throw fail(`--all-containers=true should not be specified with container name ${container}`)
  if (has(p, 'container') && args.length === 2) throw fail('only one of -c or an inline [CONTAINER] arg is allowed')
  if (limitBytes < 0) throw fail('--limit-bytes must be greater than 0')
  if (sinceSeconds !== undefined && sinceSeconds < 0) throw fail('--since must be greater than 0')
  if (opts.tailLines !== undefined && opts.tailLines < -1) throw fail('--tail must be greater than or equal to -1')
  // RunLogs.
  let reqs: LogRequest[]
  if (Array.isArray(object)) {
    reqs = object.flatMap((pod) => podRequests(inv, pod, opts, allContainers))
  } else if (object.kind === 'Pod') {
    reqs = podRequests(inv, object, opts, allContainers)
  } else {
    const kind = inv.api.discovery().find((k) => k.kind === object.kind)
    const sel = selectorOf(object, kind ? goTypeName(kind) : `*v1.${object.kind}`)
    const found = await firstPod(inv, object.metadata.namespace ?? ns, sel, timeoutMs)
    if (found === 'abort') return EXIT_INTERRUPTED
    if (found.count > 1) inv.err(`Found ${found.count} pods, using pod/${found.pod.metadata.name ?? ''}`)
    reqs = podRequests(inv, found.pod, opts, allContainers)
  }
  const prefix = flagBool(p, 'prefix')
  if (opts.follow && reqs.length > 1) {
    const max = flagInt(p, 'max-log-requests') ?? 5
    if (reqs.length > max) throw fail(`you are attempting to follow ${reqs.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`)
    await parallel(inv, ns, reqs, prefix, flagBool(p, 'ignore-errors'))
  } else {
    for (const r of reqs) {
      if (inv.ctx.signal.aborted) break
      await consume(inv, ns, r, prefix, inv.ctx.signal)
    }
  }
  return inv.ctx.signal.aborted ? EXIT_INTERRUPTED : 0
}

export const logsCommand: Cmd = {
  name: 'logs',
  help: {
    short: 'Print the logs for a container in a pod',
    long: 'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.',
    examples: `  # Return snapshot logs from pod nginx with only one container
  kubectl logs nginx

  # Return snapshot logs from pod nginx with multi containers
  kubectl logs nginx --all-containers=true

  # Return snapshot logs from all containers in pods defined by label app=nginx
  kubectl logs -l app=nginx --all-containers=true

  # Return snapshot of previous terminated ruby container logs from pod web-1
  kubectl logs -p -c ruby web-1

  # Begin streaming the logs of the ruby container in pod web-1
  kubectl logs -f -c ruby web-1

  # Begin streaming the logs from all containers in pods defined by label app=nginx
  kubectl logs -f -l app=nginx --all-containers=true

  # Display only the most recent 20 lines of output in pod nginx
  kubectl logs --tail=20 nginx

  # Show all logs from pod nginx written in the last hour
  kubectl logs --since=1h nginx

  # Show logs from a kubelet with an expired serving certificate
  kubectl logs --insecure-skip-tls-verify-backend nginx

  # Return snapshot logs from first container of a job named hello
  kubectl logs job/hello

  # Return snapshot logs from container nginx-1 of a deployment named nginx
  kubectl logs deployment/nginx -c nginx-1`,
    usage: `kubectl ${USAGE}`,
  },
  flags: [
    { name: 'all-containers', type: 'bool', default: 'false', usage: "Get all containers' logs in the pod(s)." },
    { name: 'container', short: 'c', type: 'string', usage: 'Print the logs of this container' },
    { name: 'follow', short: 'f', type: 'bool', default: 'false', usage: 'Specify if the logs should be streamed.' },
    { name: 'ignore-errors', type: 'bool', default: 'false', usage: 'If watching / following pod logs, allow for any errors that occur to be non-fatal' },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool', default: 'false', usage: 'Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.' },
    { name: 'limit-bytes', type: 'int', default: '0', usage: 'Maximum bytes of logs to return. Defaults to no limit.' },
    { name: 'max-log-requests', type: 'int', default: '5', usage: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.' },
    { name: 'pod-running-timeout', type: 'string', default: '20s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'prefix', type: 'bool', default: 'false', usage: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'previous', short: 'p', type: 'bool', default: 'false', usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on.' },
    { name: 'since', type: 'string', default: '0s', usage: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'since-time', type: 'string', usage: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'tail', type: 'int', default: '-1', usage: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
    { name: 'timestamps', type: 'bool', default: 'false', usage: 'Include timestamps on each line in the log output' },
  ],
  run,
}
