// minikube's words and exit codes (pkg/minikube/reason/exitcodes.go, out/style.go): the profile,
// the `❌  Exiting due to REASON: message` block, and the version this lab's minikube reports.

/** The only profile: `minikube start` without -p. */
export const PROFILE = 'minikube'
export const MINIKUBE_VERSION = 'v1.33.1'
export const MINIKUBE_COMMIT = '5883c09216182566a63dff4c326a6fc9ed2982ff'
/** The node image of minikube v1.33 (docker driver). */
export const KICBASE_IMAGE = 'gcr.io/k8s-minikube/kicbase:v0.0.44'

/** ExProgramError: a generic failure (enable failed, not supported). */
export const EXIT_PROGRAM_ERROR = 10
/** ExProgramUsage: bad command line (`usage: …`, unknown command). */
export const EXIT_USAGE = 14
/** ExGuestNotFound: no such node (`minikube ssh -n minikube-m05`). */
export const EXIT_GUEST_NOT_FOUND = 85
/** ExSvcNotFound: `minikube service nope`. */
export const EXIT_SVC_NOT_FOUND = 95

/** minikube frames a fatal message with blank lines: `\n❌  Exiting due to MK_USAGE: …\n\n`. */
export function exiting(reason: string, message: string): string {
  return `\n❌  Exiting due to ${reason}: ${message}\n\n`
}
