// `id`: the container's user as the image's /etc/passwd and /etc/group name it.
//   busybox root:  uid=0(root) gid=0(root) groups=0(root),10(wheel)
//   debian root:   uid=0(root) gid=0(root) groups=0(root)
//   runAsUser 1001 (no passwd entry): uid=1001 gid=0(root) groups=0(root)
import type { CommandInfo } from '../../../shell'
import type { ContainerView } from './view'

/** Users images commonly define (name → uid), so `USER nginx` prints as the image would. */
const KNOWN_USERS: Record<string, number> = { root: 0, daemon: 1, bin: 2, nobody: 65534, www_data: 33, 'www-data': 33, nginx: 101, redis: 999, postgres: 999, mysql: 999, mongodb: 999, node: 1000 }
/** Group names images define. */
const KNOWN_GROUPS: Record<number, string> = { 0: 'root', 1: 'daemon', 2: 'bin', 10: 'wheel', 33: 'www-data', 101: 'nginx', 65534: 'nogroup' }

/** The uid and, when the image has a passwd entry for it, its name. */
export function resolveUser(user: string): { uid: number; name?: string } {
  if (/^\d+$/.test(user)) {
    const uid = Number(user)
    const name = Object.entries(KNOWN_USERS).find(([, u]) => u === uid && uid === 0)?.[0]
    return { uid, name }
  }
  return { uid: KNOWN_USERS[user] ?? 1000, name: user }
}

export function idLine(view: Pick<ContainerView, 'user' | 'group' | 'flavour'>): string {
  const u = resolveUser(view.user.split(':')[0])
  const gid = view.group ?? (u.name && u.uid !== 0 ? u.uid : 0)
  const g = (n: number) => (KNOWN_GROUPS[n] !== undefined ? `${n}(${KNOWN_GROUPS[n]})` : String(n))
  const groups = [g(gid)]
  if (u.uid === 0 && gid === 0 && view.flavour === 'busybox') groups.push(g(10))
  return `uid=${u.name ? `${u.uid}(${u.name})` : u.uid} gid=${g(gid)} groups=${groups.join(',')}`
}

export function idTool(view: Pick<ContainerView, 'user' | 'group' | 'flavour'>): CommandInfo {
  return {
    summary: 'Print real and effective user and group IDs',
    run(ctx) {
      const args = ctx.argv.slice(1)
      const u = resolveUser(view.user.split(':')[0])
      const gid = view.group ?? (u.name && u.uid !== 0 ? u.uid : 0)
      if (args.includes('-u')) ctx.stdout.write(`${args.includes('-n') ? (u.name ?? u.uid) : u.uid}\n`)
      else if (args.includes('-g')) ctx.stdout.write(`${gid}\n`)
      else if (args.includes('-un') || args.includes('-nu')) ctx.stdout.write(`${u.name ?? u.uid}\n`)
      else ctx.stdout.write(idLine(view) + '\n')
      return 0
    },
  }
}
