// The ingress-nginx annotations Kubelab models, parsed the way the controller's annotation parsers
// read them (internal/ingress/annotations/{rewrite,canary,sslredirect}): a missing or malformed
// value falls back to the default, so `canary-weight: "abc"` behaves as weight 0.
import type { Ingress } from '../../../api/types'

/** Every annotation the controller reads starts with this (its --annotations-prefix default). */
export const ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/'
/** The legacy class annotation (still honoured by ingress-nginx v1.10 when --ingress-class matches). */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class'

/** canary-weight-total's default: weights are percentages unless a larger total is given. */
export const DEFAULT_WEIGHT_TOTAL = 100

export interface CanaryConfig {
  enabled: boolean
  /** canary-weight: requests out of weightTotal routed to the canary when no header/cookie decides. */
  weight: number
  weightTotal: number
  header: string
  headerValue: string
  headerPattern: string
  cookie: string
}

export interface IngressAnnotations {
  /** rewrite-target: the replacement nginx's `rewrite` uses (`/`, `/$2`); '' = none. */
  rewriteTarget: string
  /** use-regex: paths are nginx regular expressions (case-insensitive, anchored at the start). */
  useRegex: boolean
  /** app-root: `/` redirects (302) here. */
  appRoot: string
  /** ssl-redirect (default true): http → https (308) when the host has TLS. */
  sslRedirect: boolean
  /** force-ssl-redirect (default false): redirect even without TLS for the host. */
  forceSslRedirect: boolean
  canary: CanaryConfig
}

function get(ing: Ingress, name: string): string | undefined {
  return ing.metadata?.annotations?.[ANNOTATION_PREFIX + name]
}

/** parser.GetBoolAnnotation: strconv.ParseBool; anything else is an error (→ default). */
function bool(ing: Ingress, name: string, def: boolean): boolean {
  const v = get(ing, name)
  if (v === undefined) return def
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false
  return def
}

/** parser.GetIntAnnotation: strconv.Atoi; malformed → default. */
function int(ing: Ingress, name: string, def: number): number {
  const v = get(ing, name)
  if (v === undefined || !/^[+-]?\d+$/.test(v.trim())) return def
  return Number(v.trim())
}

const str = (ing: Ingress, name: string): string => (get(ing, name) ?? '').trim()

export function parseAnnotations(ing: Ingress): IngressAnnotations {
  return {
    rewriteTarget: str(ing, 'rewrite-target'),
    useRegex: bool(ing, 'use-regex', false),
    appRoot: str(ing, 'app-root'),
    sslRedirect: bool(ing, 'ssl-redirect', true),
    forceSslRedirect: bool(ing, 'force-ssl-redirect', false),
    canary: {
      enabled: bool(ing, 'canary', false),
      weight: int(ing, 'canary-weight', 0),
      weightTotal: int(ing, 'canary-weight-total', DEFAULT_WEIGHT_TOTAL),
      header: str(ing, 'canary-by-header'),
      headerValue: str(ing, 'canary-by-header-value'),
      headerPattern: str(ing, 'canary-by-header-pattern'),
      cookie: str(ing, 'canary-by-cookie'),
    },
  }
}
