// Reading `-f` inputs (file, directory, `-` for stdin), splitting multi-document YAML, and
// checking each document the way kubectl's resource.Builder does. Failures come back as values
// with kubectl's words; a YAML or validation error stops the rest of that file (upstream's
// StreamVisitor returns), a mapping error (unknown kind) skips only its document.
import { parseAllDocuments, type Document } from 'yaml'
import type { KindInfo } from '../api/kinds'
import type { KubeObject } from '../api/types'
import type { CommandContext } from './context'
import { CmdError, fail } from './errors'
import { sortedJSON } from './apply/lastapplied'

/** Inputs over this are refused before parsing: 2 MiB, far above any manifest a lab needs. */
export const MAX_MANIFEST_BYTES = 2 * 1024 * 1024
/** kubectl's hint after a validation error. */
export const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false'
/** Extensions kubectl reads from a directory (resource.FileExtensions). */
const FILE_EXTENSIONS = ['.json', '.yaml', '.yml']

export interface ManifestItem {
  /** The path as kubectl prints it: as typed, `dir/file.yaml` inside a directory, `STDIN`. */
  source: string
  obj: KubeObject
  kind: KindInfo
}

export interface ManifestResult {
  items: ManifestItem[]
  /** Error texts (without the `error: ` prefix), in the order kubectl meets them. */
  errors: string[]
}

function absPath(p: string, cwd: string): string {
  const raw = p.startsWith('/') ? p : `${cwd.replace(/\/$/, '')}/${p}`
  const parts: string[] = []
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') parts.pop()
    else parts.push(seg)
  }
  return '/' + parts.join('/')
}

/** Expand `-f` arguments into (source, text) pairs; a missing path fails the whole command. */
async function readSources(ctx: CommandContext, filenames: string[], recursive: boolean): Promise<Array<{ source: string; text: string }>> {
  const out: Array<{ source: string; text: string }> = []
  for (const f of filenames) {
    if (f === '-') {
      out.push({ source: 'STDIN', text: await ctx.stdin.readAll() })
      continue
    }
    if (/^https?:\/\//.test(f)) throw fail(`Kubelab has no network access to read ${f}; save the manifest in the workspace and use -f with its path`)
    const abs = absPath(f, ctx.cwd)
    if (!ctx.fs.exists(abs)) throw fail(`the path "${f}" does not exist`)
    if (ctx.fs.isDir(abs)) {
      walkDir(ctx, abs, f.replace(/\/$/, ''), recursive, out)
      continue
    }
    out.push({ source: f, text: ctx.fs.readFile(abs) ?? '' })
  }
  return out
}

function walkDir(ctx: CommandContext, abs: string, shown: string, recursive: boolean, out: Array<{ source: string; text: string }>): void {
  for (const name of ctx.fs.readdir(abs) ?? []) {
    const childAbs = `${abs}/${name}`
    const childShown = `${shown}/${name}`
    if (ctx.fs.isDir(childAbs)) {
      if (recursive) walkDir(ctx, childAbs, childShown, recursive, out)
      continue
    }
    if (FILE_EXTENSIONS.some((e) => name.endsWith(e))) out.push({ source: childShown, text: ctx.fs.readFile(childAbs) ?? '' })
  }
}

/** go-yaml's words for the mistakes learners make most, keyed by the `yaml` package's codes. */
const GO_YAML_MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: 'found character that cannot start any token',
  BAD_INDENT: 'did not find expected key',
  MULTILINE_IMPLICIT_KEY: 'mapping values are not allowed in this context',
  BLOCK_AS_IMPLICIT_KEY: 'mapping values are not allowed in this context',
  UNEXPECTED_TOKEN: 'did not find expected key',
  MISSING_CHAR: 'did not find expected node content',
  BAD_SCALAR_START: 'found character that cannot start any token',
}

function lineOf(text: string, offset: number): number {
  let n = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') n++
  return n
}

/** First line of the document's content: go's YAMLReader leaves the `---` line out of the chunk. */
function docStart(doc: Document.Parsed, text: string): number {
  const line = lineOf(text, doc.range[0])
  return text.startsWith('---', doc.range[0]) ? line + 1 : line
}

function yamlError(doc: Document.Parsed, text: string): string | undefined {
  // go-yaml reports a mis-indented `key: value` at the line of the offending ':' (the end of
  // the multi-line implicit key the `yaml` package sees), so prefer that error when present.
  const multi = doc.errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY')
  const err = multi ?? doc.errors[0]
  if (!err) return undefined
  if (multi?.linePos?.[1]) {
    const startLine = docStart(doc, text)
    return `yaml: line ${multi.linePos[1].line - startLine + 1}: mapping values are not allowed in this context`
  }
  // Upstream decodes one document at a time, so go-yaml's line numbers count from the document.
  const docStartLine = docStart(doc, text)
  const line = err.linePos ? err.linePos[0].line - docStartLine + 1 : 1
  const msg = GO_YAML_MESSAGES[err.code] ?? err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
  return `yaml: line ${line}: ${msg}`
}

function validateDoc(v: unknown): string[] {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return ['invalid object to validate']
  const o = v as Record<string, unknown>
  const errs: string[] = []
  if (o.apiVersion === undefined || o.apiVersion === null) errs.push('apiVersion not set')
  else if (typeof o.apiVersion !== 'string') errs.push("apiVersion isn't string type")
  if (o.kind === undefined || o.kind === null) errs.push('kind not set')
  else if (typeof o.kind !== 'string') errs.push("kind isn't string type")
  return errs
}

/** utilerrors.NewAggregate's text: one error alone, several as `[a, b]`. */
const aggregate = (errs: string[]) => (errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`)

export async function readManifests(ctx: CommandContext, filenames: string[], recursive: boolean, kinds: readonly KindInfo[], validate = true): Promise<ManifestResult> {
  const result: ManifestResult = { items: [], errors: [] }
  for (const { source, text } of await readSources(ctx, filenames, recursive)) {
    if (text.length > MAX_MANIFEST_BYTES) {
      result.errors.push(`error reading ${source}: the input is ${text.length} bytes; Kubelab accepts manifests up to ${MAX_MANIFEST_BYTES} bytes (2 MiB)`)
      continue
    }
    parseSource(source, text, kinds, result, validate)
  }
  return result
}

function parseSource(source: string, text: string, kinds: readonly KindInfo[], result: ManifestResult, validate: boolean): void {
  let docs: Document.Parsed[]
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false }) as Document.Parsed[]
  } catch (e) {
    result.errors.push(`error parsing ${source}: error converting YAML to JSON: yaml: ${e instanceof Error ? e.message : String(e)}`)
    return
  }
  if (!Array.isArray(docs)) docs = []
  for (const doc of docs) {
    const perr = yamlError(doc, text)
    if (perr) { result.errors.push(`error parsing ${source}: error converting YAML to JSON: ${perr}`); return }
    let value: unknown
    try {
      value = doc.toJS() // default maxAliasCount (100) stops alias bombs
    } catch (e) {
      const why = e instanceof Error && /alias/i.test(e.message) ? 'document contains excessive aliasing' : (e instanceof Error ? e.message : String(e))
      result.errors.push(`error parsing ${source}: error converting YAML to JSON: yaml: ${why}`)
      return
    }
    if (value === null || value === undefined) continue // an empty document (`---` alone)
    const verrs = validateDoc(value)
    if (verrs.length > 0 && !validate) {
      // --validate=false: the decoder meets the same gap (kind is checked before apiVersion).
      const o = value as Record<string, unknown>
      const missing = typeof o?.kind !== 'string' || o.kind === '' ? 'Kind' : 'apiVersion'
      result.errors.push(`unable to decode "${source}": Object '${missing}' is missing in '${sortedJSON(value)}'`)
      continue
    }
    if (verrs.length > 0) {
      result.errors.push(`error validating "${source}": error validating data: ${aggregate(verrs)}; ${STOP_VALIDATE}`)
      return
    }
    const obj = value as KubeObject
    const items = obj.kind === 'List' && Array.isArray(obj.items) ? (obj.items as KubeObject[]) : [obj]
    for (const item of items) addItem(source, item, kinds, result)
  }
}

function addItem(source: string, obj: KubeObject, kinds: readonly KindInfo[], result: ManifestResult): void {
  if (obj.metadata === null || typeof obj.metadata !== 'object') obj.metadata = {}
  const av = obj.apiVersion
  const kind = kinds.find((k) => (k.group ? `${k.group}/${k.version}` : k.version) === av && k.kind === obj.kind)
  if (!kind) {
    const version = String(av).includes('/') ? String(av) : String(av)
    result.errors.push(`resource mapping not found for name: "${obj.metadata.name ?? ''}" namespace: "${obj.metadata.namespace ?? ''}" from "${source}": no matches for kind "${obj.kind}" in version "${version}"\nensure CRDs are installed first`)
    return
  }
  result.items.push({ source, obj, kind })
}

/** Fail like kubectl when no -f was given: `error: must specify one of -f and -k`. */
export function requireFilenames(files: string[]): void {
  if (files.length === 0) throw new CmdError('error: must specify one of -f and -k')
}
