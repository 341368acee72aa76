import { describe, it, expect } from 'vitest'
import { MemoryFileSystem } from '../../../shell'
import type { Container, KubeObject, Pod } from '../../../api/types'
import { newServer, configMap } from '../../apiserver/testutil'
import type { ImageSpec } from '../../images/types'
import { PodVolumeManager } from './manager'
import { encodeBase64 } from './base64'

const IMAGE: ImageSpec = {
  repository: 'docker.io/library/busybox', tags: ['1.36'], sizeBytes: 1, description: '', entrypoint: [], cmd: ['sh'],
  shell: 'sh', memoryBytes: 1, files: { '/etc/os-release': 'NAME=BusyBox\n' },
}

function setup(spec: Record<string, unknown>, opts: { hostFs?: MemoryFileSystem; labels?: Record<string, string> } = {}) {
  const { api, clock } = newServer()
  const pod = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-1', labels: opts.labels ?? { app: 'web' } },
    spec: { nodeName: 'minikube', containers: [{ name: 'app', image: 'busybox' }], ...spec },
  } as unknown as Pod & KubeObject
  const hostFs = opts.hostFs ?? new MemoryFileSystem()
  const m = new PodVolumeManager({ api, pod, nodeName: 'minikube', nodeIP: '192.168.49.2', hostFs, now: () => clock.now() })
  const fsFor = (c: Partial<Container>) => m.containerFs({ name: 'app', image: 'busybox', ...c } as Container, IMAGE, { hostname: 'web', podIP: '10.244.0.7' })
  return { api, m, pod, hostFs, fsFor, clock }
}

describe('PodVolumeManager', () => {
  it('writes the kubelet-managed /etc/hosts, /etc/hostname and /etc/resolv.conf', () => {
    const { m, fsFor } = setup({})
    expect(m.setUp()).toBeUndefined()
    const fs = fsFor({})
    expect(fs.readFile('/etc/hosts')).toBe('# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.244.0.7\tweb\n')
    expect(fs.readFile('/etc/hostname')).toBe('web\n')
    expect(fs.readFile('/etc/resolv.conf')).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n')
    expect(fs.readFile('/dev/termination-log')).toBe('')
    expect(fs.readFile('/etc/os-release')).toBe('NAME=BusyBox\n')
    expect(fs.readdir('/etc')).toEqual(['hostname', 'hosts', 'os-release', 'resolv.conf'])
  })

  it('shares an emptyDir between containers and across restarts; the root is per instance', () => {
    const { m, fsFor } = setup({ volumes: [{ name: 'app', emptyDir: {} }] })
    expect(m.setUp()).toBeUndefined()
    const init = fsFor({ name: 'init', volumeMounts: [{ name: 'app', mountPath: '/app' }] })
    init.writeFile('/app/index.html', '<h1>hi</h1>\n')
    init.writeFile('/tmp/scratch', 'x')
    const web = fsFor({ name: 'web', volumeMounts: [{ name: 'app', mountPath: '/usr/share/nginx/html' }] })
    expect(web.readFile('/usr/share/nginx/html/index.html')).toBe('<h1>hi</h1>\n')
    expect(web.readdir('/usr/share/nginx')).toEqual(['html'])
    expect(web.exists('/tmp/scratch')).toBe(false)
    const restarted = fsFor({ name: 'init', volumeMounts: [{ name: 'app', mountPath: '/app' }] })
    expect(restarted.readFile('/app/index.html')).toBe('<h1>hi</h1>\n')
    expect(web.mounts().find((x) => x.path === '/usr/share/nginx/html')).toEqual({ path: '/usr/share/nginx/html', volume: 'app', type: 'emptyDir', readOnly: false, tmpfs: false })
  })

  it('emptyDir medium Memory is tmpfs; readOnly mounts refuse writes with EROFS words', () => {
    const { m, fsFor } = setup({ volumes: [{ name: 'cache', emptyDir: { medium: 'Memory' } }] })
    m.setUp()
    const fs = fsFor({ volumeMounts: [{ name: 'cache', mountPath: '/cache', readOnly: true }] })
    expect(fs.mounts().find((x) => x.path === '/cache')?.tmpfs).toBe(true)
    expect(() => fs.writeFile('/cache/x', '1')).toThrow('/cache/x: Read-only file system')
    expect(() => fs.mkdir('/cache/d')).toThrow('/cache/d: Read-only file system')
    expect(() => fs.remove('/cache')).toThrow('/cache: Device or resource busy')
  })

  it('a missing ConfigMap fails SetUp with the kubelet words until it appears', () => {
    const { api, m, fsFor } = setup({ volumes: [{ name: 'cfg', configMap: { name: 'app-config' } }] })
    expect(m.setUp()).toEqual({ volume: 'cfg', message: 'MountVolume.SetUp failed for volume "cfg" : configmap "app-config" not found' })
    expect(m.unmountedVolumes()).toEqual(['cfg'])
    api.create('configmaps', configMap('app-config', { color: 'blue', 'app.properties': 'a=1\n' }))
    expect(m.setUp()).toBeUndefined()
    expect(m.setUp()).toBeUndefined()
    const fs = fsFor({ volumeMounts: [{ name: 'cfg', mountPath: '/etc/config' }] })
    expect(fs.readdir('/etc/config')?.filter((n) => !n.startsWith('..'))).toEqual(['app.properties', 'color'])
    expect(fs.readdir('/etc/config')?.filter((n) => n.startsWith('..'))).toEqual(['..2026_01_01_00_00_00.1767225600', '..data'])
    expect(fs.readFile('/etc/config/color')).toBe('blue')
    expect(fs.readFile('/etc/config/..data/color')).toBe('blue')
    // configMap volumes are always read-only, whatever the mount says.
    expect(() => fs.writeFile('/etc/config/color', 'red')).toThrow('Read-only file system')
  })

  it('optional sources mount empty; items choose keys and paths; a missing key is an error', () => {
    const { api, m, fsFor } = setup({
      volumes: [
        { name: 'opt', configMap: { name: 'nope', optional: true } },
        { name: 'cfg', configMap: { name: 'c', items: [{ key: 'color', path: 'ui/colour.txt' }] } },
      ],
    })
    api.create('configmaps', configMap('c', { color: 'blue', size: 'L' }))
    expect(m.setUp()).toBeUndefined()
    const fs = fsFor({ volumeMounts: [{ name: 'opt', mountPath: '/opt/x' }, { name: 'cfg', mountPath: '/cfg' }] })
    expect(fs.readdir('/opt/x')).toEqual([])
    expect(fs.readFile('/cfg/ui/colour.txt')).toBe('blue')
    expect(fs.exists('/cfg/size')).toBe(false)

    const bad = setup({ volumes: [{ name: 'cfg', configMap: { name: 'c', items: [{ key: 'shape', path: 's' }] } }] })
    bad.api.create('configmaps', configMap('c', { color: 'blue' }))
    expect(bad.m.setUp()?.message).toBe('MountVolume.SetUp failed for volume "cfg" : configmap references non-existent config key: shape')
  })

  it('refresh() picks up ConfigMap updates', () => {
    const { api, m, fsFor } = setup({ volumes: [{ name: 'cfg', configMap: { name: 'c' } }] })
    api.create('configmaps', configMap('c', { color: 'blue' }))
    m.setUp()
    const fs = fsFor({ volumeMounts: [{ name: 'cfg', mountPath: '/etc/config' }] })
    const cm = api.get('configmaps', 'default', 'c')
    api.update('configmaps', { ...cm, data: { color: 'red' } })
    expect(fs.readFile('/etc/config/color')).toBe('blue')
    m.refresh()
    expect(fs.readFile('/etc/config/color')).toBe('red')
  })

  it('secret volumes hold decoded data on tmpfs; a missing secret says so', () => {
    const { api, m, fsFor } = setup({ volumes: [{ name: 'creds', secret: { secretName: 'db' } }] })
    expect(m.setUp()?.message).toBe('MountVolume.SetUp failed for volume "creds" : secret "db" not found')
    api.create('secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, data: { password: encodeBase64('s3cr3t') } })
    expect(m.setUp()).toBeUndefined()
    const fs = fsFor({ volumeMounts: [{ name: 'creds', mountPath: '/etc/creds' }] })
    expect(fs.readFile('/etc/creds/password')).toBe('s3cr3t')
    expect(fs.mounts().find((x) => x.volume === 'creds')).toMatchObject({ type: 'secret', tmpfs: true, readOnly: true })
  })

  it('downwardAPI writes labels as key="value" lines and field values', () => {
    const { m, fsFor, pod } = setup({
      containers: [{ name: 'app', image: 'busybox', resources: { limits: { memory: '64Mi', cpu: '500m' } } }],
      volumes: [{ name: 'info', downwardAPI: { items: [
        { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
        { path: 'name', fieldRef: { fieldPath: 'metadata.name' } },
        { path: 'mem', resourceFieldRef: { containerName: 'app', resource: 'limits.memory', divisor: '1Mi' } },
        { path: 'cpu', resourceFieldRef: { containerName: 'app', resource: 'limits.cpu', divisor: '1m' } },
      ] } }],
    }, { labels: { tier: 'front', app: 'web' } })
    expect(m.setUp()).toBeUndefined()
    const fs = fsFor({ volumeMounts: [{ name: 'info', mountPath: '/etc/podinfo' }] })
    expect(fs.readFile('/etc/podinfo/labels')).toBe('app="web"\ntier="front"')
    expect(fs.readFile('/etc/podinfo/name')).toBe('web')
    expect(fs.readFile('/etc/podinfo/mem')).toBe('64')
    expect(fs.readFile('/etc/podinfo/cpu')).toBe('500')
    m.updatePod({ ...pod, metadata: { ...pod.metadata, labels: { app: 'web', v: '2' } } })
    m.refresh()
    expect(fs.readFile('/etc/podinfo/labels')).toBe('app="web"\nv="2"')
  })

  it('projects the kube-api-access volume: token, ca.crt, namespace', () => {
    const { m, fsFor } = setup({
      serviceAccountName: 'default',
      volumes: [{ name: 'kube-api-access-x7k2p', projected: { defaultMode: 420, sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ] } }],
    })
    expect(m.setUp()).toBeUndefined()
    const fs = fsFor({ volumeMounts: [{ name: 'kube-api-access-x7k2p', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }] })
    const dir = '/var/run/secrets/kubernetes.io/serviceaccount'
    expect(fs.readdir(dir)?.filter((n) => !n.startsWith('..'))).toEqual(['ca.crt', 'namespace', 'token'])
    expect(fs.readFile(`${dir}/namespace`)).toBe('default')
    expect(fs.readFile(`${dir}/ca.crt`)).toContain('-----BEGIN CERTIFICATE-----')
    const token = fs.readFile(`${dir}/token`)!
    expect(token.split('.')).toHaveLength(3)
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))
    expect(claims.sub).toBe('system:serviceaccount:default:default')
    expect(claims['kubernetes.io'].pod).toEqual({ name: 'web', uid: 'uid-1' })
    expect(fs.mounts().find((x) => x.path === dir)).toMatchObject({ type: 'projected', tmpfs: true, readOnly: true })
  })

  it('keeps the projected token until 80 % of its lifetime has passed', () => {
    const { m, fsFor, clock } = setup({ volumes: [{ name: 'tok', projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }] } }] })
    m.setUp()
    const fs = fsFor({ volumeMounts: [{ name: 'tok', mountPath: '/t' }] })
    const first = fs.readFile('/t/token')
    clock.advance(60_000)
    m.refresh()
    expect(fs.readFile('/t/token')).toBe(first)
    clock.advance(2_900_000)
    m.refresh()
    expect(fs.readFile('/t/token')).not.toBe(first)
  })

  it('hostPath uses the node filesystem and checks its type', () => {
    const hostFs = new MemoryFileSystem([{ path: '/var/log/syslog', content: 'boot\n' }])
    const { m, fsFor } = setup({ volumes: [{ name: 'logs', hostPath: { path: '/var/log', type: 'Directory' } }, { name: 'data', hostPath: { path: '/data/app', type: 'DirectoryOrCreate' } }] }, { hostFs })
    expect(m.setUp()).toBeUndefined()
    expect(hostFs.isDir('/data/app')).toBe(true)
    const fs = fsFor({ volumeMounts: [{ name: 'logs', mountPath: '/host/log' }, { name: 'data', mountPath: '/data' }] })
    expect(fs.readFile('/host/log/syslog')).toBe('boot\n')
    fs.writeFile('/data/out.txt', 'kept')
    expect(hostFs.readFile('/data/app/out.txt')).toBe('kept')
    m.tearDown()
    expect(hostFs.readFile('/data/app/out.txt')).toBe('kept')

    const missing = setup({ volumes: [{ name: 'd', hostPath: { path: '/nope', type: 'Directory' } }] })
    expect(missing.m.setUp()?.message).toBe('MountVolume.SetUp failed for volume "d" : hostPath type check failed: /nope is not a directory')
  })

  it('subPath mounts one file of a volume; the termination log is per container', () => {
    const { api, m, fsFor } = setup({ volumes: [{ name: 'cfg', configMap: { name: 'nginx' } }] })
    api.create('configmaps', configMap('nginx', { 'default.conf': 'server {}\n' }))
    m.setUp()
    const fs = fsFor({ volumeMounts: [{ name: 'cfg', mountPath: '/etc/nginx/conf.d/default.conf', subPath: 'default.conf' }] })
    expect(fs.readFile('/etc/nginx/conf.d/default.conf')).toBe('server {}\n')
    expect(fs.isDir('/etc/nginx/conf.d/default.conf')).toBe(false)
    fs.writeFile('/dev/termination-log', 'bye')
    expect(m.terminationMessage('app')).toBe('bye')
  })

  it('readOnlyRootFilesystem makes the image root read-only, but not the volumes', () => {
    const { m, fsFor } = setup({ volumes: [{ name: 'tmp', emptyDir: {} }] })
    m.setUp()
    const fs = fsFor({ securityContext: { readOnlyRootFilesystem: true }, volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }] })
    expect(() => fs.writeFile('/etc/x', '1')).toThrow('/etc/x: Read-only file system')
    fs.writeFile('/tmp/x', '1')
    expect(fs.readFile('/tmp/x')).toBe('1')
  })

  it('moving a file across mounts copies it', () => {
    const { m, fsFor } = setup({ volumes: [{ name: 'a', emptyDir: {} }] })
    m.setUp()
    const fs = fsFor({ volumeMounts: [{ name: 'a', mountPath: '/a' }] })
    fs.writeFile('/tmp/f', 'data')
    fs.rename('/tmp/f', '/a/f')
    expect(fs.readFile('/a/f')).toBe('data')
    expect(fs.exists('/tmp/f')).toBe(false)
  })
})
