// Container tools the runtime registers per container: `mount`, `df`, `id`, `ps`, answered from
// the container's view (its mount table, its processes, its user) in the format of the image's
// userland — busybox applets or debian's procps/coreutils.
import type { CommandInfo } from '../../../shell'
import type { ImageSpec } from '../../images/types'
import { dfTool } from './df'
import { idTool } from './id'
import { mountTool } from './mount'
import { psTool } from './ps'
import type { TableOptions } from './table'
import type { ContainerView } from './view'

export type { ContainerView, ProcessInfo, Flavour } from './view'
export { kernelMounts, type KernelMount } from './table'
export { idLine } from './id'

export function containerTools(view: ContainerView): Record<string, CommandInfo> {
  const table = (): TableOptions => ({ mounts: view.mounts(), fs: view.fs, tmpfsBytes: view.tmpfsBytes, containerId: view.containerId })
  return {
    mount: mountTool(table, view.flavour),
    df: dfTool(table, view.flavour),
    id: idTool(view),
    ps: psTool(view),
  }
}

/** Always there in an image with a shell: coreutils' df and id, util-linux's mount (busybox has all three). */
const WITH_ANY_SHELL = ['mount', 'df', 'id']

/**
 * The tools this image really ships, answered from `view`: none in a shell-less image (distroless),
 * mount/df/id wherever there is a shell, `ps` only where the image lists it (busybox, alpine,
 * images with procps; nginx:1.25 has no ps: `sh: ps: command not found`, as on a real node).
 * The flavour follows the shell: `sh` is busybox's, `bash` comes with debian's procps/coreutils.
 */
export function toolsFor(image: Pick<ImageSpec, 'shell' | 'tools'>, view: Omit<ContainerView, 'flavour'>): Record<string, CommandInfo> {
  if (image.shell === 'none') return {}
  const all = containerTools({ ...view, flavour: image.shell === 'sh' ? 'busybox' : 'procps' })
  const out: Record<string, CommandInfo> = {}
  for (const name of Object.keys(all)) if (WITH_ANY_SHELL.includes(name) || image.tools?.includes(name)) out[name] = all[name]
  return out
}
