// SHA-512 of the Corefile, for CoreDNS's `plugin/reload: Running configuration SHA512 = …` line,
// computed synchronously with @noble/hashes.
import { sha512 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

/** Lower-case hex SHA-512 of `text` encoded as UTF-8. */
export function sha512Hex(text: string): string {
  return bytesToHex(sha512(utf8ToBytes(text)))
}
