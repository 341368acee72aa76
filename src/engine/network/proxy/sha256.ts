// SHA-256 and RFC 4648 base32: kube-proxy names its chains from
// `base32(sha256(servicePortName + protocol))[:16]` (pkg/proxy/iptables/proxier.go portProtoHash),
// computed synchronously (WebCrypto is async) with @noble/hashes.
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'
import { utf8ToBytes } from '@noble/hashes/utils.js'

/** The 32-byte SHA-256 digest of `text` encoded as UTF-8. */
export function sha256(text: string): Uint8Array {
  return nobleSha256(utf8ToBytes(text))
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** Go's base32.StdEncoding.EncodeToString (with `=` padding). */
export function base32(bytes: Uint8Array): string {
  let out = ''
  let bits = 0
  let value = 0
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31]
  while (out.length % 8 !== 0) out += '='
  return out
}
