// kubectl describe serviceaccount (describeServiceAccount): the three secret lists under their
// fixed-width headers, sorted by header as upstream sorts its map keys. v1.24+ accounts carry no
// token Secrets, so a fresh `default` shows <none> three times.
import type { KubeObject } from '../../../api/types'
import { PrefixWriter, LEVEL_0 } from './writer'
import { printLabelsMultiline, printAnnotationsMultiline, describeEvents, searchEvents, type DescribeContext } from './common'

const EMPTY_HEADER = '                   '
const PULL_HEADER = 'Image pull secrets:'
const MOUNT_HEADER = 'Mountable secrets: '
const TOKEN_HEADER = 'Tokens:            '

type Ref = { name?: string }

export function describeServiceAccount(obj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  const names = (list: unknown) => ((list as Ref[] | undefined) ?? []).map((r) => r.name ?? '')
  // Token Secrets are those the account lists whose type is a service-account token; none since v1.24.
  const lists: [string, string[]][] = [
    [PULL_HEADER, names(obj.imagePullSecrets)],
    [MOUNT_HEADER, names(obj.secrets)],
    [TOKEN_HEADER, []],
  ]
  for (const [header, list] of lists) {
    if (list.length === 0) { w.write(LEVEL_0, `${header}\t<none>\n`); continue }
    list.forEach((name, i) => w.write(LEVEL_0, `${i === 0 ? header : EMPTY_HEADER}\t${name}\n`))
  }
  describeEvents(searchEvents(ctx, obj), w, ctx.now)
  return w.toString()
}
