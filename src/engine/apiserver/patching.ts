// Applying a patch of each type to the stored object, with upstream's error shapes:
// a JSON patch that does not apply is a bare 422 (`The request is invalid: the server rejected our
// request due to an error in our request`); merge and strategic errors are 400 BadRequest.
import type { KubeObject } from '../../api/types'
import type { PatchType } from '../../api/client'
import { StatusError, badRequest, tooLarge } from '../../api/errors'
import { jsonMergePatch, jsonPatch, strategicMergePatch, PatchError } from '../../api/merge'

/** upstream maxJSONPatchOperations: a JSON patch may carry at most 10000 operations. */
export const MAX_JSON_PATCH_OPERATIONS = 10000

export function applyPatch(type: PatchType, base: KubeObject, patch: unknown): KubeObject {
  if (type === 'json') {
    if (!Array.isArray(patch)) throw badRequest(`json: cannot unmarshal ${patch === null ? 'null' : typeof patch} into Go value of type jsonpatch.Patch`)
    if (patch.length > MAX_JSON_PATCH_OPERATIONS) {
      throw tooLarge(`The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${patch.length}`)
    }
  }
  try {
    return (type === 'json' ? jsonPatch(base, patch) : type === 'merge' ? jsonMergePatch(base, patch) : strategicMergePatch(base, patch)) as KubeObject
  } catch (e) {
    if (!(e instanceof PatchError)) throw e
    throw type === 'json' ? patchRejected(e.message) : badRequest(e.message)
  }
}

/** errors.NewGenericServerResponse(422, ...): the reason is Invalid, the detail is in causes. */
function patchRejected(why: string): StatusError {
  return new StatusError({
    kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Invalid', code: 422,
    message: 'the server rejected our request due to an error in our request',
    details: { causes: [{ type: 'FieldValueInvalid', field: '', message: why }] },
  })
}
