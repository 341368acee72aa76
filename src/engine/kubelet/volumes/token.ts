// The projected service account token: a JWT as the TokenRequest API issues it (header, claims,
// signature in base64url). Nothing verifies it in the lab, but a learner who pastes it into a JWT
// decoder sees the claims a real cluster puts there.
import { encodeBase64Url } from './base64'

/** The API server's --service-account-issuer on minikube. */
export const TOKEN_ISSUER = 'https://kubernetes.default.svc.cluster.local'
/** kube-api-access volumes ask for 3607 s; the kubelet refreshes at 80 % of that. */
export const DEFAULT_TOKEN_SECONDS = 3607
/** A fixed key id, as a real cluster's signing key has one. */
const KEY_ID = 'kubelab-sa-signing-key'

export interface TokenClaims {
  namespace: string
  serviceAccount: string
  podName: string
  podUID: string
  nodeName: string
  audiences?: string[]
  expirationSeconds?: number
  /** Issue time, virtual epoch ms. */
  nowMs: number
}

/** FNV-1a over the text, as hex: a stand-in signature that changes when any claim changes. */
function fnvHex(text: string, seed: number): string {
  let h = 0x811c9dc5 ^ seed
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

export function serviceAccountToken(c: TokenClaims): string {
  const iat = Math.floor(c.nowMs / 1000)
  const header = JSON.stringify({ alg: 'RS256', kid: KEY_ID })
  const claims = JSON.stringify({
    aud: c.audiences && c.audiences.length > 0 ? c.audiences : [TOKEN_ISSUER],
    exp: iat + (c.expirationSeconds ?? DEFAULT_TOKEN_SECONDS),
    iat,
    iss: TOKEN_ISSUER,
    'kubernetes.io': {
      namespace: c.namespace,
      node: { name: c.nodeName },
      pod: { name: c.podName, uid: c.podUID },
      serviceaccount: { name: c.serviceAccount },
    },
    nbf: iat,
    sub: `system:serviceaccount:${c.namespace}:${c.serviceAccount}`,
  })
  const body = `${encodeBase64Url(header)}.${encodeBase64Url(claims)}`
  let sig = ''
  for (let i = 0; sig.length < 64; i++) sig += fnvHex(body, i)
  return `${body}.${encodeBase64Url(sig)}`
}
