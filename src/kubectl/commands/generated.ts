// Shared tail of the `create <kind>` / `run` generators: print with -o, or create (honouring
// --dry-run) and say `<kind>/<name> created`.
import { flagStr } from '../argv'
import type { Invocation } from '../command'
import type { KindInfo } from '../../api/kinds'
import type { KubeObject } from '../../api/types'
import { CmdError, fail } from '../errors'
import { isStatusError } from '../../api/errors'
import { kindSlashName } from '../resources'
import { printObjects } from '../printers/index'
import { dryRunOf, dryRunSuffix } from './common'

export function createGenerated(inv: Invocation, kind: KindInfo, obj: KubeObject, fieldManager: string): number {
  const dry = dryRunOf(inv.args)
  const output = flagStr(inv.args, 'output')
  // The generated object carries no namespace (kubectl prints it that way); like the REST
  // client's URL, the request names the target namespace (-n or the context's).
  const request = forServer(obj)
  if (kind.namespaced && !request.metadata.namespace) request.metadata = { ...request.metadata, namespace: inv.target().namespace }
  const result = dry === 'client' ? obj : inv.api.create(kind.plural, request, { dryRun: dry === 'server' ? 'All' : undefined, fieldManager })
  if (output) {
    const res = printObjects([result], { output, now: inv.ctx.clock.now(), asList: false })
    if ('error' in res) throw new CmdError(res.error.startsWith('error: ') ? res.error : `error: ${res.error}`)
    inv.ctx.stdout.write(res.text)
    return 0
  }
  inv.out(`${kindSlashName(kind, result.metadata.name ?? '')} created${dryRunSuffix(dry)}`)
  return 0
}

export function kindOf(inv: Invocation, kind: string): KindInfo {
  const k = inv.api.discovery().find((x) => x.kind === kind)
  if (!k) throw new CmdError(`error: the server doesn't have a resource type "${kind.toLowerCase()}s"`)
  return k
}

/** Generators build objects as kubectl prints them (`creationTimestamp: null`, `status: {}`); the server fills those in. */
function forServer(obj: KubeObject): KubeObject {
  const { creationTimestamp, ...meta } = obj.metadata
  const copy: KubeObject = { ...obj, metadata: creationTimestamp === null ? meta : obj.metadata }
  if (copy.status !== undefined && JSON.stringify(copy.status) === '{}') delete copy.status
  // A workload's pod template prints `creationTimestamp: null` too; the request leaves it out.
  const tmeta = ((copy.spec as { template?: { metadata?: Record<string, unknown> } } | undefined)?.template)?.metadata
  if (tmeta && tmeta.creationTimestamp === null) {
    const { creationTimestamp: _ct, ...rest } = tmeta
    const spec = copy.spec as { template: Record<string, unknown> }
    copy.spec = { ...spec, template: { ...spec.template, metadata: rest } }
  }
  return copy
}

/**
 * createGenerated for the `kubectl create <noun>` subcommands that wrap the server's refusal in
 * their own words: `error: failed to create deployment: deployments.apps "web" already exists`.
 */
export function createGeneratedOrFail(inv: Invocation, kind: KindInfo, obj: KubeObject, fieldManager: string, noun: string): number {
  try {
    return createGenerated(inv, kind, obj, fieldManager)
  } catch (e) {
    if (isStatusError(e)) throw fail(`failed to create ${noun}: ${e.status.message}`)
    throw e
  }
}
