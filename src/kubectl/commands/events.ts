// kubectl events: the event list as `kubectl events` prints it (LAST SEEN, TYPE, REASON, OBJECT,
// MESSAGE), oldest first. Upstream: staging/src/k8s.io/kubectl/pkg/cmd/events/{events,event_printer}.go.
import type { Event } from '../../api/types'
import { flagBool, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { fail } from '../errors'
import { findKind } from '../resources'
import { formatTable, translateTimestampSince } from '../printers/index'
import { ALL_NAMESPACES_FLAG } from './common'

const EVENT_TYPES = ['Normal', 'Warning']

function time(e: Event): string | undefined {
  return (e.lastTimestamp as string | undefined) || (e.eventTime as string | undefined) || (e.firstTimestamp as string | undefined)
}

/** upstream getInterval: `5s`, or `5s (x3 over 2m)` for repeated events. */
function interval(e: Event, now: number): string {
  const first = translateTimestampSince((e.eventTime as string | undefined) || (e.firstTimestamp as string | undefined), now)
  if (e.series?.count) return `${translateTimestampSince(e.series.lastObservedTime as string | undefined, now)} (x${e.series.count} over ${first})`
  if ((e.count ?? 0) > 1) return `${translateTimestampSince(e.lastTimestamp as string | undefined, now)} (x${e.count} over ${first})`
  return first
}

function run(inv: Invocation): number {
  const p = inv.args
  const target = inv.target()
  const all = flagBool(p, 'all-namespaces')
  const types = (flagStr(p, 'types') ?? '').split(',').map((t) => t.trim()).filter(Boolean)
  for (const t of types) if (!EVENT_TYPES.some((v) => v.toLowerCase() === t.toLowerCase())) throw fail(`valid --types are ${EVENT_TYPES.join(', ')}`)
  let fieldSelector: string | undefined
  const forObj = flagStr(p, 'for')
  if (forObj) {
    const [type, name] = forObj.split('/')
    const kind = type && name ? findKind(inv.api.discovery(), type) : undefined
    if (!kind) throw fail(`--for must be in resource/name form`)
    fieldSelector = `involvedObject.kind=${kind.kind},involvedObject.name=${name}`
  }
  const list = inv.api.list('events', { namespace: all ? undefined : target.namespace, fieldSelector })
  const items = (list.items as unknown as Array<Event & { metadata: NonNullable<Event['metadata']> }>)
    .filter((e) => types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase()))
    .sort((a, b) => (time(a) ?? '').localeCompare(time(b) ?? ''))
  if (items.length === 0) {
    inv.err(all ? 'No events found.' : `No events found in ${target.namespace} namespace.`)
    return 0
  }
  const now = inv.ctx.clock.now()
  const headers = [...(all ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']
  const rows = items.map((e) => [
    ...(all ? [e.metadata.namespace ?? ''] : []),
    interval(e, now), e.type ?? '', e.reason ?? '', `${e.involvedObject.kind ?? ''}/${e.involvedObject.name ?? ''}`, (e.message ?? '').trim(),
  ])
  inv.ctx.stdout.write(formatTable({ headers, rows }, { noHeaders: flagBool(p, 'no-headers') }))
  return 0
}

export const eventsCommand: Cmd = {
  name: 'events',
  help: {
    short: 'List events',
    long: 'Display events.\n\n Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.',
    examples: `  # List recent events in the default namespace
  kubectl events

  # List recent events in all namespaces
  kubectl events --all-namespaces

  # List recent events for the specified pod, then wait for more events and list them as they arrive
  kubectl events --for pod/web-pod-13je7 --watch

  # List recent events in YAML format
  kubectl events -oyaml

  # List recent only events of type 'Warning' or 'Normal'
  kubectl events --types=Warning,Normal`,
    usage: 'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  },
  flags: [
    ALL_NAMESPACES_FLAG,
    { name: 'for', type: 'string', usage: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'types', type: 'string', usage: 'Output only events of given types.' },
    { name: 'no-headers', type: 'bool', usage: "When using the default output format, don't print headers." },
  ],
  run,
}
