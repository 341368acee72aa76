// Percentiles by the nearest-rank method: p95 of 30 samples is the 29th smallest (ceil(0.95 × 30)).
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50)
}

export function ms(n: number): string {
  return `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`
}
