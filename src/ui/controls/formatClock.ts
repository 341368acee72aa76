// How the virtual clock reads in the top bar: the virtual wall clock in UTC (the cluster's
// timestamps and `kubectl get events` are UTC too), e.g. 2026-01-01 00:03:07.
export function formatClock(ms: number): { time: string; date: string; iso: string } {
  const d = new Date(ms)
  const iso = d.toISOString()
  return { date: iso.slice(0, 10), time: iso.slice(11, 19), iso }
}

/** "1×", "0.25×": the speed select's labels. */
export function speedLabel(speed: number): string {
  return `${speed}×`
}
