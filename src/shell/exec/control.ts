// Control flow that unwinds through the interpreter as exceptions: break/continue N, return,
// exit, and Ctrl-C (or a closed pipe) aborting the running line.

export class LoopControl {
  constructor(readonly kind: 'break' | 'continue', public levels: number) {}
}

export class ReturnControl {
  constructor(readonly code: number) {}
}

export class ExitControl {
  constructor(readonly code: number) {}
}

export class AbortedControl {}

/** An expansion error (`${x:?unset}`, bad arithmetic): the command fails with status 1. */
export class ExpansionError extends Error {}

export function isControl(e: unknown): boolean {
  return e instanceof LoopControl || e instanceof ReturnControl || e instanceof ExitControl || e instanceof AbortedControl
}

/** Status for Ctrl-C: 128 + SIGINT (2). */
export const STATUS_INTERRUPTED = 130
/** Status for a stage killed by a closed pipe: 128 + SIGPIPE (13). */
export const STATUS_BROKEN_PIPE = 141
