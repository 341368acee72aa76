import { describe, it, expect } from 'vitest'
import { parseImageRef, lookupImage, imageID, statusImage, defaultPullPolicy, DEFAULT_IMAGE_SIZE_BYTES } from './catalog'
import { hex64 } from './digest'

describe('image references', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx', 'latest', false],
    ['nginx:1.25', 'docker.io/library/nginx', '1.25', true],
    ['bitnami/redis:7', 'docker.io/bitnami/redis', '7', true],
    ['registry.k8s.io/etcd:3.5.12-0', 'registry.k8s.io/etcd', '3.5.12-0', true],
    ['localhost:5000/app', 'localhost:5000/app', 'latest', false],
  ])('%s', (image, repository, tag, explicit) => {
    const r = parseImageRef(image)
    expect([r.repository, r.tag, r.explicitTag]).toEqual([repository, tag, explicit])
  })

  it('finds catalog entries and falls back to the default rule', () => {
    expect(lookupImage('nginx:1.25').sizeBytes).toBe(187_694_648)
    expect(lookupImage('busybox').keepsRunning).toBe(false)
    const unknown = lookupImage('ghcr.io/acme/shop:2')
    expect(unknown.sizeBytes).toBe(DEFAULT_IMAGE_SIZE_BYTES)
    expect(unknown.keepsRunning).toBe(true)
  })

  it('gives stable ids and status images', () => {
    expect(imageID('nginx')).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/)
    expect(imageID('nginx:1.25')).toBe(imageID('nginx'))
    expect(statusImage('nginx')).toBe('docker.io/library/nginx:latest')
    expect(hex64('a')).not.toBe(hex64('b'))
  })

  it('defaults the pull policy like upstream', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always')
    expect(defaultPullPolicy('nginx:latest')).toBe('Always')
    expect(defaultPullPolicy('nginx:1.25')).toBe('IfNotPresent')
  })
})
