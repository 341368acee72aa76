import { describe, it, expect } from 'vitest'
import type { NodeServer } from './nodeproxy'
import type { PodLogOptions } from '../../api/client'
import { newServer, pod } from './testutil'

const NEVER = { aborted: false, onAbort: () => () => {} }

/** A node server that records what it was asked and writes one line per log request. */
function fakeNode(): { server: NodeServer; calls: Array<{ container: string; opts: PodLogOptions }> } {
  const calls: Array<{ container: string; opts: PodLogOptions }> = []
  const server: NodeServer = {
    async logs(_p, container, opts, out) { calls.push({ container, opts }); out.write(`log of ${container}\n`) },
    async exec() { return 0 },
    execSession() { throw new Error('unused') },
    portForward() { throw new Error('unused') },
    podUsage() { return undefined },
    nodeUsage() { return { cpuMillicores: 0, memoryBytes: 0 } },
  }
  return { server, calls }
}

async function logsOf(api: ReturnType<typeof newServer>['api'], name: string, opts: PodLogOptions = {}): Promise<string> {
  let text = ''
  await api.podLogs('default', name, opts, { write: (s) => { text += s } }, NEVER)
  return text
}

describe('pods/log checks', () => {
  it('proxies to the node with the container defaulted for a one-container pod', async () => {
    const { api } = newServer()
    const node = fakeNode()
    api.nodeConnections.register('minikube', node.server)
    api.create('pods', pod('web', { spec: { nodeName: 'minikube' } }))
    expect(await logsOf(api, 'web')).toBe('log of app\n')
    expect(node.calls[0].opts.container).toBe('app')
  })

  it('answers an empty log for a pod not yet on a node', async () => {
    const { api } = newServer()
    api.create('pods', pod('web'))
    expect(await logsOf(api, 'web')).toBe('')
  })

  it('names the pod that does not exist', async () => {
    const { api } = newServer()
    await expect(logsOf(api, 'nope')).rejects.toMatchObject({ status: { reason: 'NotFound', message: 'pods "nope" not found' } })
  })

  it('rejects a container the pod does not have, and asks for one when there are several', async () => {
    const { api } = newServer()
    api.nodeConnections.register('minikube', fakeNode().server)
    api.create('pods', pod('web', { spec: { nodeName: 'minikube', initContainers: [{ name: 'init', image: 'busybox' }], containers: [{ name: 'web', image: 'nginx' }, { name: 'side', image: 'busybox' }] } }))
    await expect(logsOf(api, 'web', { container: 'x' })).rejects.toMatchObject({ status: { reason: 'BadRequest', message: 'container x is not valid for pod web' } })
    await expect(logsOf(api, 'web')).rejects.toMatchObject({ status: { message: 'a container name must be specified for pod web, choose one of: [init web side]' } })
    expect(await logsOf(api, 'web', { container: 'init' })).toBe('log of init\n')
  })
})

describe('pods/exec and portforward checks', () => {
  it('needs a bound pod and a real container', async () => {
    const { api } = newServer()
    api.create('pods', pod('web'))
    const io = { stdout: { write: () => {} }, stderr: { write: () => {} } }
    await expect(api.podExec('default', 'web', { command: ['ls'] }, io as never)).rejects.toMatchObject({ status: { message: 'pod web does not have a host assigned' } })
    await expect(api.podExec('default', 'web', { command: ['ls'], container: 'x' }, io as never)).rejects.toMatchObject({ status: { message: 'container x is not valid for pod web' } })
    expect(() => api.podPortForward('default', 'web', 80)).toThrow('pod web does not have a host assigned')
  })
})
