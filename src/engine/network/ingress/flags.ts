// The ingress-nginx controller's command line (cmd/nginx/flags.go), the part Kubelab honours.
import { DEFAULT_CONTROLLER_CLASS, DEFAULT_INGRESS_CLASS, type ClassConfig } from './class'

export interface ControllerFlags {
  classes: ClassConfig
  /** --publish-service=ns/name: the Ingress status copies that Service's address. */
  publishService?: string
  /** --report-node-internal-ip-address: report the node's InternalIP (minikube's addon). */
  reportNodeInternalIP: boolean
  /** --election-id (default ingress-controller-leader; the manifests say ingress-nginx-leader). */
  electionId: string
  /** --configmap=ns/name. */
  configMap?: string
  /** --validating-webhook=:8443 (absent: no webhook server). */
  validatingWebhook?: string
  httpPort: number
  httpsPort: number
  healthzPort: number
}

/** `--flag=value`, `--flag value`, `--flag` (booleans); `$(POD_NAMESPACE)` is already expanded by the kubelet. */
export function parseFlags(argv: string[]): ControllerFlags {
  const v = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith('--')) continue
    const eq = a.indexOf('=')
    if (eq > 0) v.set(a.slice(2, eq), a.slice(eq + 1))
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--') && !BOOLEANS.has(a.slice(2))) v.set(a.slice(2), argv[++i])
    else v.set(a.slice(2), 'true')
  }
  const bool = (k: string, def: boolean) => (v.has(k) ? v.get(k) !== 'false' : def)
  const num = (k: string, def: number) => (v.has(k) && /^\d+$/.test(v.get(k)!) ? Number(v.get(k)) : def)
  return {
    classes: {
      annotationValue: v.get('ingress-class') ?? DEFAULT_INGRESS_CLASS,
      controller: v.get('controller-class') ?? DEFAULT_CONTROLLER_CLASS,
      watchWithoutClass: bool('watch-ingress-without-class', false),
      byName: bool('ingress-class-by-name', false),
    },
    publishService: v.get('publish-service'),
    reportNodeInternalIP: bool('report-node-internal-ip-address', false),
    electionId: v.get('election-id') ?? 'ingress-controller-leader',
    configMap: v.get('configmap'),
    validatingWebhook: v.get('validating-webhook'),
    httpPort: num('http-port', 80),
    httpsPort: num('https-port', 443),
    healthzPort: num('healthz-port', 10254),
  }
}

const BOOLEANS = new Set(['watch-ingress-without-class', 'ingress-class-by-name', 'report-node-internal-ip-address', 'enable-ssl-passthrough', 'update-status', 'enable-metrics'])
