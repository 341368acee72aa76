import { describe, it, expect } from 'vitest'
import { parseImageRef, lookupImage, imageID, statusImage, defaultPullPolicy, DEFAULT_IMAGE_SIZE_BYTES, resolveImage, imageDigest, imageSize, IMAGE_LIBRARY, pullErrorMessage, containerArgv, findProgram } from './catalog'
import { hex64 } from './digest'

describe('image references', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx', 'latest', false],
    ['nginx:1.25', 'docker.io/library/nginx', '1.25', true],
    ['bitnami/redis:7', 'docker.io/bitnami/redis', '7', true],
    ['registry.k8s.io/etcd:3.5.12-0', 'registry.k8s.io/etcd', '3.5.12-0', true],
    ['localhost:5000/app', 'localhost:5000/app', 'latest', false],
    ['docker.io/nginx:1.26', 'docker.io/library/nginx', '1.26', true],
  ])('%s', (image, repository, tag, explicit) => {
    const r = parseImageRef(image)
    expect([r.repository, r.tag, r.explicitTag]).toEqual([repository, tag, explicit])
  })

  it('finds catalog entries and falls back to the default rule for what does not resolve', () => {
    expect(lookupImage('nginx:1.25').sizeBytes).toBe(187_694_648)
    expect(lookupImage('nginx:1.7.9').sizeBytes).toBe(91_664_166)
    expect(lookupImage('busybox').keepsRunning).toBe(false)
    expect(lookupImage('nginx').keepsRunning).toBe(true)
    expect(lookupImage('centos:7').keepsRunning).toBe(false)
    const unknown = lookupImage('ghcr.io/acme/shop:2')
    expect(unknown.sizeBytes).toBe(DEFAULT_IMAGE_SIZE_BYTES)
    expect(unknown.keepsRunning).toBe(true)
  })

  it('gives stable ids per repository and tag, and status images', () => {
    expect(imageID('nginx')).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/)
    expect(imageID('nginx:1.25')).toBe(imageID('docker.io/library/nginx:1.25'))
    expect(imageID('nginx:1.25')).not.toBe(imageID('nginx:1.26'))
    expect(statusImage('nginx')).toBe('docker.io/library/nginx:latest')
    expect(hex64('a')).not.toBe(hex64('b'))
  })

  it('defaults the pull policy like upstream', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always')
    expect(defaultPullPolicy('nginx:latest')).toBe('Always')
    expect(defaultPullPolicy('nginx:1.25')).toBe('IfNotPresent')
  })
})

describe('resolveImage: what the registry answers', () => {
  it('finds a known repository with an existing tag', () => {
    const r = resolveImage('nginx:1.25')
    expect(r.kind).toBe('found')
    if (r.kind === 'found') expect([r.spec.repository, r.tag]).toEqual(['docker.io/library/nginx', '1.25'])
  })

  it('says manifest unknown for a missing tag of a known repository', () => {
    for (const ref of ['nginx:bad', 'nginx:1.255', 'nginx:1.999', 'kovtalex/simple-web:0.2', 'nginx:1.25.9']) expect(resolveImage(ref).kind, ref).toBe('manifest-unknown')
    expect(pullErrorMessage('nginx:1.999', resolveImage('nginx:1.999'))).toBe('Error response from daemon: manifest for nginx:1.999 not found: manifest unknown: manifest unknown')
  })

  it('denies an unknown Docker Hub repository', () => {
    const r = resolveImage('acme/shop:1.0')
    expect(r.kind).toBe('denied')
    expect(pullErrorMessage('acme/shop:1.0', r)).toBe("Error response from daemon: pull access denied for acme/shop, repository does not exist or may require 'docker login': denied: requested access to the resource is denied")
    expect(resolveImage('ngnix').kind).toBe('denied')
  })

  it('answers unauthorized for unknown repositories on other registries', () => {
    for (const ref of ['quay.io/acme/app:1', 'gcr.io/acme/app', 'ghcr.io/acme/shop:2', 'registry.example.com/team/app:3']) expect(resolveImage(ref).kind, ref).toBe('unauthorized')
  })

  it('resolves digests of known repositories and aliases', () => {
    const digest = `sha256:${'ab'.repeat(32)}`
    const r = resolveImage(`nginx@${digest}`)
    expect(r.kind).toBe('found')
    if (r.kind === 'found') expect(imageDigest(r.spec, r.tag)).toBe('ab'.repeat(32))
    expect(resolveImage('k8s.gcr.io/echoserver:1.10').kind).toBe('found')
    expect(resolveImage('registry.k8s.io/busybox@sha256:abc').kind).toBe('found')
  })

  it.each([
    'nginx', 'nginx:1.25', 'nginx:1.26', 'nginx:1.7.9', 'nginx:1.14.2', 'nginx:alpine', 'busybox', 'busybox:1.36', 'busybox:1.31.1', 'busybox:1.37', 'redis', 'redis:alpine',
    'hazelcast/hazelcast', 'registry.k8s.io/echoserver:1.10', 'centos:7', 'ubuntu:latest', 'alpine', 'debian', 'httpd', 'postgres', 'mysql', 'mongo',
    'minio/minio:RELEASE.2019-07-10T00-34-56Z', 'prom/node-exporter', 'mhausenblas/simpleservice:0.5.0', 'kovtalex/simple-web:0.1',
    'kovtalex/hipster-frontend:v0.0.1', 'kovtalex/hipster-frontend:v0.0.2', 'kovtalex/hipster-paymentservice:v0.0.1',
    'gcr.io/google-samples/microservices-demo/frontend:v0.10.2', 'gcr.io/google-samples/hello-app:1.0', 'gcr.io/google-samples/hello-app:2.0',
    'traefik/whoami', 'polinux/stress', 'registry.k8s.io/pause:3.9', 'hashicorp/http-echo', 'registry.k8s.io/e2e-test-images/agnhost:2.39',
    'radial/busyboxplus:curl', 'registry.k8s.io/busybox', 'registry.k8s.io/etcd:3.5.12-0', 'registry.k8s.io/kube-apiserver:v1.30.0',
    'registry.k8s.io/kube-proxy:v1.30.0', 'registry.k8s.io/coredns/coredns:v1.11.1', 'gcr.io/k8s-minikube/storage-provisioner:v5',
  ])('%s exists', (ref) => {
    expect(resolveImage(ref).kind).toBe('found')
  })

  it('has at least 30 images, each with a program for its default command', () => {
    expect(IMAGE_LIBRARY.length).toBeGreaterThanOrEqual(30)
    for (const spec of IMAGE_LIBRARY) {
      const argv = containerArgv(spec)
      const shellDefault = argv.length === 1 && /(^|\/)(sh|bash)$/.test(argv[0])
      const viaShell = argv[0] === '/bin/sh' && argv[1] === '-c'
      expect(shellDefault || viaShell || findProgram(spec, argv[0]) !== undefined, `${spec.repository}: ${argv.join(' ')}`).toBe(true)
      expect(spec.tags.length, spec.repository).toBeGreaterThan(0)
    }
  })

  it('sizes tags individually', () => {
    const r = resolveImage('busybox:1.36')
    if (r.kind !== 'found') throw new Error('busybox:1.36 must exist')
    expect(imageSize(r.spec, '1.36')).toBe(4_261_550)
  })
})

describe('containerArgv', () => {
  it('lets command replace the entrypoint and args replace cmd', () => {
    const r = resolveImage('nginx')
    if (r.kind !== 'found') throw new Error('nginx must exist')
    expect(containerArgv(r.spec)).toEqual(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'])
    expect(containerArgv(r.spec, undefined, ['nginx-debug'])).toEqual(['/docker-entrypoint.sh', 'nginx-debug'])
    expect(containerArgv(r.spec, ['sh', '-c', 'sleep 5'])).toEqual(['sh', '-c', 'sleep 5'])
  })
})
