// docs/IMAGES.md is generated from IMAGE_LIBRARY so it cannot drift: doc.test.ts compares the file
// with renderImagesDoc() (UPDATE_GOLDEN=1 rewrites it).
import { IMAGE_LIBRARY } from './catalog'
import type { ImageSpec } from './types'

const MAX_TAGS = 12

/** Docker Hub names as learners type them: `nginx`, `minio/minio`; other registries in full. */
export function displayName(repository: string): string {
  return repository.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '')
}

function tagList(spec: ImageSpec): string {
  const strings = spec.tags.filter((t): t is string => typeof t === 'string')
  const patterns = spec.tags.filter((t): t is RegExp => typeof t !== 'string').map((r) => `\`/${r.source}/\``)
  const shown = strings.slice(0, MAX_TAGS).map((t) => `\`${t}\``)
  const more = strings.length > MAX_TAGS ? [`… ${strings.length - MAX_TAGS} more`] : []
  return cell([...shown, ...more, ...patterns].join(' '))
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

function row(spec: ImageSpec): string {
  const name = `\`${displayName(spec.repository)}\`` + (spec.aliases?.length ? `<br>also ${spec.aliases.map((a) => `\`${displayName(a)}\``).join(', ')}` : '')
  const ports = spec.exposedPorts?.length ? spec.exposedPorts.join(', ') : '—'
  const env = spec.requiredEnv?.length ? spec.requiredEnv.map((e) => `\`${e}\``).join(' ') : '—'
  const cmd = `\`${[...spec.entrypoint, ...spec.cmd].join(' ') || '(none)'}\``
  const shell = spec.shell === 'none' ? 'no shell' : spec.shell
  return `| ${name} | ${tagList(spec)} | ${ports} | ${cell(spec.description)} Default: ${cell(cmd)}; ${shell}. | ${env} |`
}

export function renderImagesDoc(library: readonly ImageSpec[] = IMAGE_LIBRARY): string {
  const families = new Map<string, ImageSpec[]>()
  for (const spec of library) {
    const f = spec.family ?? 'other'
    families.set(f, [...(families.get(f) ?? []), spec])
  }
  const out: string[] = [
    '# Images Kubelab knows',
    '',
    '<!-- Generated from src/engine/images/library by renderImagesDoc(); `UPDATE_GOLDEN=1 npx vitest run src/engine/images/doc.test.ts` rewrites it. -->',
    '',
    'Kubelab has no internet. Its registry holds exactly the images below, with the tags listed; what',
    'a real registry would answer for anything else, Kubelab answers too:',
    '',
    '| You pull | Kubelab answers | What you see |',
    '|---|---|---|',
    '| a listed repository with a listed tag (or any `@sha256:` digest) | found | `Pulling`, `Pulled` with the image\'s real size |',
    '| a listed repository, a tag that is not listed (`nginx:1.999`) | manifest unknown | `ErrImagePull`, then `ImagePullBackOff` |',
    '| an unlisted repository on Docker Hub (`acme/shop`, a typo like `ngnix`) | pull access denied: "repository does not exist or may require \'docker login\'" | `ErrImagePull`, then `ImagePullBackOff` |',
    '| an unlisted repository on another registry (quay.io, gcr.io, ghcr.io, registry.example.com…) | unauthorized | `ErrImagePull`, then `ImagePullBackOff` |',
    '',
    'Sizes are the uncompressed sizes `docker image ls` shows for the real tags (approximately); they',
    'decide how long a pull takes. "Required env" is what the default command cannot start without.',
    'Ports are the image\'s EXPOSE; the default process listens where the description says.',
    '',
  ]
  for (const [family, specs] of families) {
    out.push(`## ${family}`, '', '| Repository | Tags | Ports | What it does | Required env |', '|---|---|---|---|---|')
    for (const spec of specs) out.push(row(spec))
    out.push('')
  }
  return out.join('\n')
}
