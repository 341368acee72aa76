// Who a container's processes run as and what the runtime puts around them: user, HOME, hostname.
import type { SpawnOptions } from './types'

/** USER from the image, overridden by runAsUser (container, then pod); uid 0 is root. */
export function userOf(o: SpawnOptions): string {
  const uid = o.container.securityContext?.runAsUser ?? o.pod.spec?.securityContext?.runAsUser
  if (uid !== undefined) return uid === 0 ? 'root' : String(uid)
  return o.image.user ?? 'root'
}

/**
 * The process environment: runc appends HOME when neither image nor pod set it — /root for root,
 * / for a uid without a passwd entry, the user's home for a named one (`node` → /home/node).
 */
export function processEnv(env: Record<string, string>, user: string): Record<string, string> {
  const home = user === 'root' ? '/root' : /^\d+$/.test(user) ? '/' : `/home/${user}`
  return { ...env, HOME: env.HOME ?? home }
}

/** A TTY exec: the runtime adds TERM=xterm (kubectl -t), before runc's HOME. */
export function withTerm(env: Record<string, string>): Record<string, string> {
  const { HOME, ...rest } = env
  return { ...rest, TERM: env.TERM ?? 'xterm', ...(HOME !== undefined ? { HOME } : {}) }
}

/** spec.hostname or the pod's name, truncated to 63 characters (a DNS label) as the kubelet does. */
export function hostnameOf(o: SpawnOptions): string {
  return (o.pod.spec?.hostname ?? o.pod.metadata.name ?? '').slice(0, 63)
}
