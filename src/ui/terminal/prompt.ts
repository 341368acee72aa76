// The prompt, as Ubuntu's default bash prompt draws it: `learner@kubelab:~$ ` with the user@host
// in bold green and the directory in bold blue (PS1 from /etc/skel/.bashrc, color_prompt=yes).
export const USER_HOST = 'learner@kubelab'
export const HOME = '/home/learner'

/** `/home/learner/app` → `~/app`, as bash's \w shows it. */
export function tildePath(cwd: string): string {
  if (cwd === HOME) return '~'
  if (cwd.startsWith(`${HOME}/`)) return `~${cwd.slice(HOME.length)}`
  return cwd
}

export interface Prompt {
  /** What is written (with colours). */
  text: string
  /** How many cells it takes. */
  width: number
}

export function promptFor(cwd: string): Prompt {
  const dir = tildePath(cwd)
  const plain = `${USER_HOST}:${dir}$ `
  return { text: `\x1b[1;32m${USER_HOST}\x1b[0m:\x1b[1;34m${dir}\x1b[0m$ `, width: plain.length }
}

/** bash's default PS2: shown while a command needs more lines (open quote, heredoc, `if`). */
export const CONTINUATION_PROMPT: Prompt = { text: '> ', width: 2 }

/** Escape sequences (colours, cursor moves) take no cells. */
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g

/**
 * A prompt the engine sent as text: a nested session's (`kubectl exec -it web -- sh` shows
 * busybox's `/ # `, bash's `root@web:/# `). Drawn as is; its width counts visible characters.
 */
export function nestedPrompt(text: string): Prompt {
  return { text, width: [...text.replace(ESCAPES, '')].length }
}
