// A probe's settings with the API's defaults filled in, and the two bits of container lookup the
// handlers share: named ports (upstream pkg/probe/util.go ResolveContainerPort) and $(VAR)
// expansion of exec commands (kubecontainer.ExpandContainerCommandOnlyStatic).
import type { Container } from '../../../api/types'
import type { ProbeKind } from './types'

type Probe = NonNullable<Container['livenessProbe']>

/** API defaults (pkg/apis/core/v1/defaults.go SetDefaults_Probe). */
export const DEFAULT_PERIOD_SECONDS = 10
export const DEFAULT_TIMEOUT_SECONDS = 1
export const DEFAULT_SUCCESS_THRESHOLD = 1
export const DEFAULT_FAILURE_THRESHOLD = 3

export interface ProbeSettings {
  initialDelaySeconds: number
  periodMs: number
  timeoutMs: number
  successThreshold: number
  failureThreshold: number
}

/** probeType.String() in upstream: the word that starts every event message. */
export const KIND_WORD: Record<ProbeKind, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' }

/** The container's probe of that kind, if any. */
export function probeOf(spec: Container, kind: ProbeKind): Probe | undefined {
  if (kind === 'liveness') return spec.livenessProbe
  if (kind === 'readiness') return spec.readinessProbe
  return spec.startupProbe
}

/**
 * Defaults as the API server would have set them. Validation (not ours) rejects 0 and negatives;
 * a value ≤ 0 that slips through still gets the default, so a worker can never tick every 0 ms.
 * Liveness/startup must have successThreshold 1 (validation): we force it.
 */
export function probeSettings(kind: ProbeKind, p: Probe): ProbeSettings {
  const pos = (v: number | undefined, d: number) => (v !== undefined && v > 0 ? v : d)
  return {
    initialDelaySeconds: Math.max(0, p.initialDelaySeconds ?? 0),
    periodMs: pos(p.periodSeconds, DEFAULT_PERIOD_SECONDS) * 1000,
    timeoutMs: pos(p.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS) * 1000,
    successThreshold: kind === 'readiness' ? pos(p.successThreshold, DEFAULT_SUCCESS_THRESHOLD) : 1,
    failureThreshold: pos(p.failureThreshold, DEFAULT_FAILURE_THRESHOLD),
  }
}

/**
 * A port by number or by name (`port: web` → the container port named web). An unknown name
 * falls back to strconv.Atoi as upstream did through v1.33, hence the learner-visible
 * `strconv.Atoi: parsing "web": invalid syntax`. Returns the port or Go's error text.
 */
export function resolveContainerPort(param: number | string, container: Container): { port: number } | { error: string } {
  let port: number
  if (typeof param === 'number') {
    port = param
  } else {
    const named = (container.ports ?? []).find((p) => p.name === param)
    if (named) port = named.containerPort
    else {
      const n = goAtoi(param)
      if ('error' in n) return n
      port = n.value
    }
  }
  if (port > 0 && port < 65536) return { port }
  return { error: `invalid port number: ${port}` }
}

/** Go's strconv.Atoi: optional sign, decimal digits only, int64 range. */
export function goAtoi(s: string): { value: number } | { error: string } {
  const q = JSON.stringify(s)
  if (!/^[+-]?[0-9]+$/.test(s)) return { error: `strconv.Atoi: parsing ${q}: invalid syntax` }
  const v = Number(s)
  // int64 bounds: 9223372036854775807; beyond it Go says "value out of range".
  if (Math.abs(v) > 9223372036854775807) return { error: `strconv.Atoi: parsing ${q}: value out of range` }
  return { value: v }
}

/**
 * $(VAR) → the container's static env value (not valueFrom: the prober has no pod context);
 * $$ → $; an unknown $(VAR) stays as written (third_party/forked/golang/expansion).
 */
export function expandCommand(argv: string[], container: Container): string[] {
  const env = new Map<string, string>()
  for (const e of container.env ?? []) if (!e.valueFrom) env.set(e.name, e.value ?? '')
  if (env.size === 0 && !argv.some((a) => a.includes('$'))) return argv
  return argv.map((a) => expand(a, env))
}

function expand(input: string, env: Map<string, string>): string {
  let out = ''
  for (let i = 0; i < input.length; i++) {
    const c = input[i]
    if (c !== '$' || i + 1 >= input.length) {
      out += c
      continue
    }
    const next = input[i + 1]
    if (next === '$') {
      out += '$'
      i++
    } else if (next === '(') {
      const close = input.indexOf(')', i + 2)
      if (close < 0) {
        // Unterminated: upstream emits "$(" and the rest literally.
        out += input.slice(i)
        break
      }
      const name = input.slice(i + 2, close)
      out += env.has(name) ? env.get(name) : `$(${name})`
      i = close
    } else {
      out += c
    }
  }
  return out
}
