// The image catalog: what the simulated container runtime knows about an image. Data only; the
// kubelet reads it to time pulls (size / bandwidth), to fill imageID, and to decide whether the
// image's default process keeps running. Images not listed here follow DEFAULT_IMAGE (see CONTEXT.md).
import { hex64 } from './digest'

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
}

/** Sizes are the uncompressed sizes `docker image ls` reported for the 2024 `latest` tags. */
export const IMAGE_CATALOG: readonly ImageInfo[] = [
  { name: 'nginx', sizeBytes: 187_694_648, digest: hex64('nginx'), defaultCommand: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'], keepsRunning: true, stopMs: 150 },
  { name: 'httpd', sizeBytes: 147_960_470, digest: hex64('httpd'), defaultCommand: ['httpd-foreground'], keepsRunning: true, stopMs: 1_000 },
  { name: 'redis', sizeBytes: 116_502_840, digest: hex64('redis'), defaultCommand: ['docker-entrypoint.sh', 'redis-server'], keepsRunning: true, stopMs: 200 },
  { name: 'busybox', sizeBytes: 4_261_550, digest: hex64('busybox'), defaultCommand: ['sh'], keepsRunning: false, stopMs: 0 },
  { name: 'alpine', sizeBytes: 7_797_760, digest: hex64('alpine'), defaultCommand: ['/bin/sh'], keepsRunning: false, stopMs: 0 },
  { name: 'ubuntu', sizeBytes: 78_117_854, digest: hex64('ubuntu'), defaultCommand: ['/bin/bash'], keepsRunning: false, stopMs: 0 },
]

/** 100 MB: what an unknown image weighs (about a slim language runtime image). */
export const DEFAULT_IMAGE_SIZE_BYTES = 100_000_000

/** An unknown image pulls fine, keeps running, and stops in half a second. */
export function defaultImageInfo(name: string): ImageInfo {
  return { name, sizeBytes: DEFAULT_IMAGE_SIZE_BYTES, digest: hex64(name), defaultCommand: [], keepsRunning: true, stopMs: 500 }
}

export interface ImageRef {
  /** `docker.io/library/nginx` */
  repository: string
  /** `latest` when the reference has no tag. */
  tag: string
  /** True when the learner wrote a tag or digest (decides the default pull policy). */
  explicitTag: boolean
  /** The catalog key: last path element (`nginx` for `docker.io/library/nginx`). */
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
  if (!tag && colon > lastSlash) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon) }
  const parts = rest.split('/')
  const hasRegistry = parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')
  let repository: string
  if (hasRegistry) repository = rest
  else if (parts.length === 1) repository = `docker.io/library/${rest}`
  else repository = `docker.io/${rest}`
  return { repository, tag: tag || 'latest', explicitTag: tag !== '', short: parts[parts.length - 1] }
}

/** The catalog entry for an image reference, or the default rule's entry. */
export function lookupImage(image: string): ImageInfo {
  const ref = parseImageRef(image)
  return IMAGE_CATALOG.find((i) => i.name === ref.short && (ref.repository === `docker.io/library/${i.name}`)) ?? defaultImageInfo(ref.repository)
}

/** containerStatuses[].image: the normalised reference (`docker.io/library/nginx:latest`). */
export function statusImage(image: string): string {
  const ref = parseImageRef(image)
  return ref.tag.startsWith('sha256:') ? `${ref.repository}@${ref.tag}` : `${ref.repository}:${ref.tag}`
}

/** containerStatuses[].imageID: `docker.io/library/nginx@sha256:<64 hex>`, stable per image. */
export function imageID(image: string): string {
  const ref = parseImageRef(image)
  return `${ref.repository}@sha256:${lookupImage(image).digest}`
}

/** Upstream's default pull policy: Always for `:latest` or no tag, IfNotPresent otherwise. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const ref = parseImageRef(image)
  return !ref.explicitTag || ref.tag === 'latest' ? 'Always' : 'IfNotPresent'
}
