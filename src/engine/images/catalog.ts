// The image catalog: what Kubelab's registry knows. IMAGE_LIBRARY (library/, one file per image)
// holds the data; this file answers questions about references: does `nginx:1.999` exist
// (resolveImage), how big is it, what is its digest (imageID), which pull policy applies.
// Kubelab has no internet: only catalogued images exist. An unknown repository is answered as
// Docker Hub answers a missing or private one (pull access denied) or, on another registry, 401.
import { hex64 } from './digest'
import { IMAGE_LIBRARY } from './library'
import type { ImageResolution, ImageSpec, Program } from './types'

export { IMAGE_LIBRARY }

/** The legacy shape the kubelet's timing table reads (kept compatible; `spec` added). */
export interface ImageInfo {
  /** Repository as a learner types it (`nginx`); lookups also accept `docker.io/library/nginx`. */
  name: string
  /** Uncompressed size in bytes, as the kubelet's `Pulled` event reports it. */
  sizeBytes: number
  /** Hex part of the repo digest (imageID `docker.io/library/<name>@sha256:<digest>`). */
  digest: string
  /** The image's default ENTRYPOINT + CMD, as `docker inspect` shows it. */
  defaultCommand: string[]
  /** Whether the default process stays up (a server) or exits 0 at once (a shell with no TTY). */
  keepsRunning: boolean
  /** How long the default process takes to exit after SIGTERM (nginx: well under a second). */
  stopMs: number
  /** The catalog entry, when the reference resolves (repository known and tag exists). */
  spec?: ImageSpec
  /** The tag (or `sha256:…` digest) the reference named. */
  tag?: string
}

/** 100 MB: what an image the catalog cannot answer for weighs in the legacy timing table. */
export const DEFAULT_IMAGE_SIZE_BYTES = 100_000_000

/** The legacy fallback for references that do not resolve (the kubelet fails their pull first). */
export function defaultImageInfo(name: string): ImageInfo {
  return { name, sizeBytes: DEFAULT_IMAGE_SIZE_BYTES, digest: hex64(name), defaultCommand: [], keepsRunning: true, stopMs: 500 }
}

export interface ImageRef {
  /** `docker.io/library/nginx` */
  repository: string
  /** `latest` when the reference has no tag; `sha256:…` for a digest reference. */
  tag: string
  /** True when the learner wrote a tag or digest (decides the default pull policy). */
  explicitTag: boolean
  /** The last path element (`nginx` for `docker.io/library/nginx`). */
  short: string
}

/** Normalise a reference the way docker does: `nginx` → `docker.io/library/nginx:latest`. */
export function parseImageRef(image: string): ImageRef {
  let rest = image.trim()
  let tag = ''
  const at = rest.indexOf('@')
  if (at >= 0) { tag = rest.slice(at + 1); rest = rest.slice(0, at) }
  const lastSlash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  // `nginx:1.25@sha256:…`: the digest wins, the tag is dropped (as docker does).
  if (colon > lastSlash) { if (!tag) tag = rest.slice(colon + 1); rest = rest.slice(0, colon) }
  const parts = rest.split('/')
  const hasRegistry = parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')
  let repository: string
  if (hasRegistry) repository = rest.replace(/^index\.docker\.io\//, 'docker.io/')
  else if (parts.length === 1) repository = `docker.io/library/${rest}`
  else repository = `docker.io/${rest}`
  if (/^docker\.io\/[^/]+$/.test(repository)) repository = repository.replace('docker.io/', 'docker.io/library/')
  return { repository, tag: tag || 'latest', explicitTag: tag !== '', short: parts[parts.length - 1] }
}

/** Entries by repository and alias (built once: 1000-pod benches resolve a lot). */
const BY_REPOSITORY: ReadonlyMap<string, readonly ImageSpec[]> = (() => {
  const m = new Map<string, ImageSpec[]>()
  for (const spec of IMAGE_LIBRARY) {
    for (const repo of [spec.repository, ...(spec.aliases ?? [])]) {
      const list = m.get(repo) ?? []
      list.push(spec)
      m.set(repo, list)
    }
  }
  return m
})()

/** Whether a spec publishes the tag. */
export function hasTag(spec: ImageSpec, tag: string): boolean {
  return spec.tags.some((t) => (typeof t === 'string' ? t === tag : t.test(tag)))
}

const isDigest = (tag: string) => /^sha256:[0-9a-f]{64}$/.test(tag) || tag.startsWith('sha256:')

/**
 * What the registry answers for a reference:
 * - known repository, existing tag (or any `@sha256:` digest) → found;
 * - known repository, missing tag → manifest-unknown (`nginx:1.999`);
 * - unknown repository on Docker Hub → denied (`pull access denied … may require 'docker login'`);
 * - unknown repository elsewhere (quay.io, gcr.io, ghcr.io, registry.example…) → unauthorized.
 */
export function resolveImage(reference: string): ImageResolution {
  const ref = parseImageRef(reference)
  const specs = BY_REPOSITORY.get(ref.repository)
  if (!specs) return ref.repository.startsWith('docker.io/') ? { kind: 'denied' } : { kind: 'unauthorized' }
  if (isDigest(ref.tag)) return { kind: 'found', spec: specs[0], tag: ref.tag }
  const spec = specs.find((s) => hasTag(s, ref.tag))
  return spec ? { kind: 'found', spec, tag: ref.tag } : { kind: 'manifest-unknown', spec: specs[0], tag: ref.tag }
}

/** The size of one tag (`docker image ls` SIZE, uncompressed bytes). */
export function imageSize(spec: ImageSpec, tag: string): number {
  const t = spec.tagSizes?.find((s) => (typeof s.tag === 'string' ? s.tag === tag : s.tag.test(tag)))
  return t ? t.sizeBytes : spec.sizeBytes
}

/** A stable 64-hex digest per repository + tag (a digest reference is its own digest). */
export function imageDigest(spec: ImageSpec, tag: string): string {
  if (tag.startsWith('sha256:') && /^[0-9a-f]{64}$/.test(tag.slice(7))) return tag.slice(7)
  return hex64(`${spec.repository}:${tag}`)
}

/** The image's default argv: ENTRYPOINT + CMD. */
export function defaultArgv(spec: ImageSpec): string[] {
  return [...spec.entrypoint, ...spec.cmd]
}

/** The argv a container runs: `command` replaces ENTRYPOINT (and drops CMD), `args` replace CMD. */
export function containerArgv(spec: ImageSpec, command?: string[], args?: string[]): string[] {
  if (command && command.length > 0) return [...command, ...(args ?? [])]
  return [...spec.entrypoint, ...(args && args.length > 0 ? args : spec.cmd)]
}

/** The program for an executable name or path (`nginx`, `/docker-entrypoint.sh`), if the image ships one. */
export function findProgram(spec: ImageSpec, executable: string): Program | undefined {
  const programs = spec.programs
  if (!programs) return undefined
  return programs[executable] ?? programs[executable.slice(executable.lastIndexOf('/') + 1)]
}

const SHELLS = /(^|\/)(sh|bash|ash)$/

/** The catalog entry for an image reference in the legacy shape, or the default rule's entry. */
export function lookupImage(image: string): ImageInfo {
  const r = resolveImage(image)
  const ref = parseImageRef(image)
  if (r.kind !== 'found') return defaultImageInfo(ref.repository)
  const argv = defaultArgv(r.spec)
  const bareShell = argv.length === 1 && SHELLS.test(argv[0])
  return {
    name: ref.short,
    sizeBytes: imageSize(r.spec, r.tag),
    digest: imageDigest(r.spec, r.tag),
    defaultCommand: argv,
    keepsRunning: !(r.spec.oneShot || bareShell),
    stopMs: r.spec.stopMs ?? 500,
    spec: r.spec,
    tag: r.tag,
  }
}

/** containerStatuses[].image: the normalised reference (`docker.io/library/nginx:latest`). */
export function statusImage(image: string): string {
  const ref = parseImageRef(image)
  return ref.tag.startsWith('sha256:') ? `${ref.repository}@${ref.tag}` : `${ref.repository}:${ref.tag}`
}

/** containerStatuses[].imageID: `docker.io/library/nginx@sha256:<64 hex>`, stable per repository + tag. */
export function imageID(image: string): string {
  const ref = parseImageRef(image)
  const r = resolveImage(image)
  const digest = r.kind === 'found' ? imageDigest(r.spec, r.tag) : hex64(ref.repository)
  return `${ref.repository}@sha256:${digest}`
}

/** Upstream's default pull policy: Always for `:latest` or no tag, IfNotPresent otherwise. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const ref = parseImageRef(image)
  return !ref.explicitTag || ref.tag === 'latest' ? 'Always' : 'IfNotPresent'
}

/** The message a registry's refusal becomes in the kubelet's `Failed` event (after `Failed to pull image "x": `). */
export function pullErrorMessage(reference: string, r: ImageResolution): string | undefined {
  const ref = parseImageRef(reference)
  const name = ref.repository.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '')
  switch (r.kind) {
    case 'found':
      return undefined
    case 'manifest-unknown':
      return `Error response from daemon: manifest for ${reference.trim()}${ref.explicitTag ? '' : ':latest'} not found: manifest unknown: manifest unknown`
    case 'denied':
      return `Error response from daemon: pull access denied for ${name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`
    case 'unauthorized':
      return `Error response from daemon: Head "https://${ref.repository.split('/')[0]}/v2/${ref.repository.split('/').slice(1).join('/')}/manifests/${ref.tag}": unauthorized: authentication required`
  }
}
