// The images present on one node, and pulls in flight (the container runtime de-duplicates
// concurrent pulls of one image: a second pod waits for the first pull to finish).
import { statusImage } from '../images/catalog'

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
