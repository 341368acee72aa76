// The images present on one node, and pulls in flight (the container runtime de-duplicates
// concurrent pulls of one image: a second pod waits for the first pull to finish).
import { statusImage, lookupImage, parseImageRef } from '../images/catalog'
import type { ImageResolution, ImageSpec } from '../images/types'

export class ImageStore {
  private present = new Set<string>()
  private inFlight = new Map<string, number>() // normalised ref → virtual ms the pull completes

  has(image: string): boolean {
    return this.present.has(statusImage(image))
  }

  add(image: string): void {
    this.present.add(statusImage(image))
  }

  /** When a pull of `image` already under way ends (undefined if none). */
  pullEnds(image: string, now: number): number | undefined {
    const end = this.inFlight.get(statusImage(image))
    return end !== undefined && end > now ? end : undefined
  }

  startPull(image: string, endsAt: number): void {
    const key = statusImage(image)
    this.inFlight.set(key, Math.max(endsAt, this.inFlight.get(key) ?? 0))
  }

  /** `docker.io/library/nginx:latest`... sorted, for node.status.images and tests. */
  list(): string[] {
    return [...this.present].sort()
  }
}

/** The daemon's answer to a failed pull, as the kubelet's `Failed` event and waiting message quote it. */
export function pullErrorMessage(image: string, res: ImageResolution): string {
  const prefix = 'rpc error: code = Unknown desc = Error response from daemon: '
  const ref = parseImageRef(image)
  // Docker names the reference as written, with `:latest` added when there is no tag.
  const named = ref.explicitTag ? image.trim() : `${image.trim()}:latest`
  if (res.kind === 'manifest-unknown') return `${prefix}manifest for ${named} not found: manifest unknown: manifest unknown`
  if (res.kind === 'unauthorized') return `${prefix}unauthorized: access to the requested resource is not authorized`
  const repo = image.trim().replace(/[@:][^/]*$/, '')
  return `${prefix}pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`
}

/**
 * What the runtime knows without the image library: every reference resolves to the catalog's
 * entry (or the default rule's), as before images could fail to pull.
 */
export function catalogResolution(image: string): ImageResolution {
  const info = lookupImage(image)
  const ref = parseImageRef(image)
  const spec: ImageSpec = {
    repository: ref.repository, tags: [ref.tag], sizeBytes: info.sizeBytes, description: info.name,
    entrypoint: info.defaultCommand, cmd: [], shell: 'sh', memoryBytes: 0,
  }
  return { kind: 'found', spec, tag: ref.tag }
}
