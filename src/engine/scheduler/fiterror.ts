// FitError.Error() from pkg/scheduler/framework/types.go, plus the default preemption plugin's
// PostFilter message: the text of `FailedScheduling` events and the PodScheduled=False condition.
//   0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1
//   nodes are available: 1 Preemption is not helpful for scheduling.
import type { FilterStatus } from './plugins'

/** framework.NoNodeAvailableMsg */
const noNodeAvailable = (n: number) => `0/${n} nodes are available`
/** preemption: nodes whose failure no eviction can fix (taints, selectors). */
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling'
/** preemption: a node that lacks resources but has no lower-priority pod to evict. */
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod'

/** "N reason" strings, counted over nodes and sorted as Go's sort.Strings does (byte order). */
function histogram(reasonsPerNode: string[][]): string[] {
  const counts = new Map<string, number>()
  for (const rs of reasonsPerNode) for (const r of rs) counts.set(r, (counts.get(r) ?? 0) + 1)
  return [...counts].map(([r, n]) => `${n} ${r}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

function fitMessage(numNodes: number, reasonsPerNode: string[][], postFilter?: string): string {
  let msg = `${noNodeAvailable(numNodes)}:`
  const h = histogram(reasonsPerNode)
  if (h.length) msg += ` ${h.join(', ')}.`
  if (postFilter) msg += ` ${postFilter}.`
  return msg
}

/**
 * The whole message for a pod that fits no node. `statuses` has one entry per node. Nodes failing
 * only with Unschedulable (resources) are preemption candidates; with no lower-priority victims
 * (pods of equal priority cannot preempt each other) they report NO_PREEMPTION_VICTIMS.
 */
export function fitErrorMessage(statuses: FilterStatus[]): string {
  const n = statuses.length
  const preemption = statuses.map((s) => [s.code === 'UnschedulableAndUnresolvable' ? PREEMPTION_NOT_HELPFUL : NO_PREEMPTION_VICTIMS])
  // The PostFilter message is itself a FitError message prefixed with "preemption: ", without the final dot
  // (SeparatorFormat adds it).
  const post = `preemption: ${fitMessage(n, preemption).replace(/\.$/, '')}`
  return fitMessage(n, statuses.map((s) => s.reasons), post)
}
