// The container runtime's own words (containerd 1.7 + runc 1.1, as a kubeadm/kind node prints
// them), kept together so a reader can compare them with a real node's `describe pod` and
// `kubectl exec` output in one place.

/** runc's reason when argv[0] cannot be executed: a bare name searched in $PATH, or a path. */
export function execFailure(argv0: string): string {
  return argv0.includes('/')
    ? `exec: "${argv0}": stat ${argv0}: no such file or directory`
    : `exec: "${argv0}": executable file not found in $PATH`
}

/**
 * A container whose command cannot start: the terminated state's message (reason StartError,
 * exit code 128), e.g. `… unable to start container process: exec: "foo": executable file not
 * found in $PATH: unknown`.
 */
export function startErrorMessage(argv0: string): string {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${execFailure(argv0)}: unknown`
}

/** `kubectl exec web -- bash` where the image has no bash (the API server wraps it as an internal error). */
export function execErrorMessage(argv0: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: ${execFailure(argv0)}: unknown`
}

/** An exec that races the container's end. */
export const EXEC_STOPPED_MESSAGE = 'OCI runtime exec failed: exec failed: cannot exec in a stopped container: unknown'

/** runc's exit code for a container that could not start (StartError). */
export const START_ERROR_EXIT_CODE = 128
/** 128 + SIGKILL(9): a SIGKILL, an OOM kill. */
export const SIGKILL_EXIT_CODE = 137

/** An Error whose message is the runtime's, so callers can tell it from a bug. */
export class RuntimeExecError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RuntimeExecError'
  }
}
