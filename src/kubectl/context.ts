// The shapes kubectl needs from whoever runs it: the shell's command contract (src/shell/types.ts,
// the one file of shell/ that kubectl may import — a test enforces it) plus the host kubectl is
// built with. Registered into the learner's shell, createKubectl(...) is a CommandInfo.
import type { ApiClient } from '../api/client'

export type {
  Writer, Reader, FileSystem, CancelSignal, ShellClock, CommandContext, CommandInfo,
} from '../shell/types'

export interface KubectlHost {
  api: ApiClient
  /** Opens a workspace file in the editor (`kubectl edit`). */
  openInEditor?(path: string): void
}
