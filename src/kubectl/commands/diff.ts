// kubectl diff -f FILE: the live objects against what `apply` would make of them (the same
// three-way patch, sent as a server dry-run), as `diff -u -N` over two temporary directories
// prints it. Exit 0: no differences; 1: differences; 2: an error (CheckDiffErr adds one).
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/diff/diff.go.
import { isStatusError } from '../../api/errors'
import type { KubeObject } from '../../api/types'
import { flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, errorText, formatFileError } from '../errors'
import { printObjects } from '../printers/index'
import { loadPlaced, type Placed } from '../apply/objects'
import { originalOf, withLastApplied } from '../apply/lastapplied'
import { threeWayPatch } from '../apply/threeway'
import { unifiedHunks } from '../diff/unified'
import { FIELD_MANAGER_FLAG, FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from './common'
import { matchesSelectorString } from '../../api/labels'

/** kubectl diff's exit code for its own errors (the diff tool's 1 means "differences"). */
const EXIT_ERROR = 2
/** GNU diff prints an absent file (-N) with the Unix epoch as its time. */
const EPOCH = '1970-01-01 00:00:00.000000000 +0000'

/** InfoObject.Name(): `apps.v1.Deployment.default.web`, `v1.Namespace..dev`. */
function fileName(it: Placed): string {
  return `${it.kind.group ? `${it.kind.group}.` : ''}${it.kind.version}.${it.kind.kind}.${it.namespace ?? ''}.${it.obj.metadata.name ?? ''}`
}

/** GNU diff's file time: `2026-01-01 00:00:00.000000000 +0000`. */
function fileTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.(\d{3})Z$/, '.$1000000 +0000')
}

/** os.MkdirTemp's random suffix, drawn from the virtual time so a seeded lab repeats. */
function tempSuffix(ms: number, salt: number): string {
  return String((Math.imul((ms / 1000) >>> 0 ^ salt, 2654435761) >>> 0) || 1)
}

/** The Masker: managedFields are hidden unless --show-managed-fields. */
function masked(obj: KubeObject | undefined): string {
  if (!obj) return ''
  const { managedFields: _mf, ...meta } = obj.metadata
  const res = printObjects([{ ...obj, metadata: meta }], { output: 'yaml', now: 0, asList: false })
  return 'error' in res ? '' : res.text
}

/** Live and merged objects for one manifest (Patcher with ServerDryRun, or a dry-run create). */
function liveAndMerged(inv: Invocation, it: Placed): { live?: KubeObject; merged: KubeObject } {
  const opts = { dryRun: 'All' as const, fieldManager: flagStr(inv.args, 'field-manager') ?? 'kubectl-client-side-apply' }
  const { modified } = withLastApplied(it.obj)
  let live: KubeObject | undefined
  try { live = inv.api.get(it.kind.plural, it.namespace, it.obj.metadata.name ?? '') } catch (e) {
    if (!isStatusError(e) || e.status.reason !== 'NotFound') throw e
  }
  if (!live) return { merged: inv.api.create(it.kind.plural, { ...modified, metadata: { ...modified.metadata, namespace: it.namespace } }, opts) }
  const patch = threeWayPatch(originalOf(live), modified, live)
  if (Object.keys(patch).length === 0) return { live, merged: live }
  return { live, merged: inv.api.patch(it.kind.plural, it.namespace, live.metadata.name ?? '', 'strategic', patch, opts) }
}

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  try {
    if (p.positional.length > 0) throw new CmdError(`error: Unexpected args: [${p.positional.join(' ')}]\nSee 'kubectl diff -h' for help and examples`, EXIT_ERROR)
    if (!p.flags.has('filename')) throw new CmdError('error: must specify one of -f and -k', EXIT_ERROR)
    inv.target()
    const { items, errs } = await loadPlaced(inv)
    if (errs.length > 0) throw new CmdError(errs.map((e) => e.text).join('\n'), EXIT_ERROR)
    const selector = flagStr(p, 'selector')
    const chosen = selector ? items.filter((it) => matchesSelectorString(selector, it.obj.metadata.labels)) : items
    const now = inv.ctx.clock.now()
    const liveDir = `/tmp/LIVE-${tempSuffix(now, 1)}`
    const mergedDir = `/tmp/MERGED-${tempSuffix(now, 2)}`
    const files: Array<{ name: string; live: string; merged: string; hasLive: boolean }> = []
    for (const it of chosen) {
      let pair: { live?: KubeObject; merged: KubeObject }
      try { pair = liveAndMerged(inv, it) } catch (e) {
        if (isStatusError(e)) throw new CmdError(formatFileError(e, 'patching', it.source), EXIT_ERROR)
        throw e
      }
      files.push({ name: fileName(it), live: masked(pair.live), merged: masked(pair.merged), hasLive: pair.live !== undefined })
    }
    // diff walks the two directories in name order.
    files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    let differ = false
    for (const f of files) {
      const hunks = unifiedHunks(f.live, f.merged)
      if (!hunks) continue
      differ = true
      inv.ctx.stdout.write(`diff -u -N ${liveDir}/${f.name} ${mergedDir}/${f.name}\n` +
        `--- ${liveDir}/${f.name}\t${f.hasLive ? fileTime(now) : EPOCH}\n` +
        `+++ ${mergedDir}/${f.name}\t${fileTime(now)}\n${hunks}`)
    }
    return differ ? 1 : 0
  } catch (e) {
    if (e instanceof CmdError) throw e.code === EXIT_ERROR ? e : new CmdError(e.text, EXIT_ERROR)
    if (isStatusError(e)) throw new CmdError(errorText(e), EXIT_ERROR)
    throw e
  }
}

export const diffCommand: Cmd = {
  name: 'diff',
  help: {
    short: 'Diff the live version against a would-be applied version',
    long: `Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.

 The output is always YAML.

 KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"

 By default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent files as empty) options.

 Exit status: 0 No differences were found. 1 Differences were found. >1 Kubectl or diff failed with an error.

 Note: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.`,
    examples: `  # Diff resources included in pod.json
  kubectl diff -f pod.json

  # Diff file read from stdin
  cat service.yaml | kubectl diff -f -`,
    usage: 'kubectl diff -f FILENAME [options]',
  },
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, { ...FIELD_MANAGER_FLAG, default: 'kubectl-client-side-apply' }],
  run,
}
