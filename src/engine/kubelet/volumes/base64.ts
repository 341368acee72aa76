// Base64 as Secrets carry it: the API holds bytes as standard base64 (Go's base64.StdEncoding);
// the files a container reads hold the decoded text (UTF-8).

/** `aGVsbG8=` → `hello`; undefined when the text is not valid standard base64. */
export function decodeBase64(b64: string): string | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) return undefined
  const bin = atob(b64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return new TextDecoder().decode(bytes)
}

/** `hello` → `aGVsbG8=` (UTF-8 bytes, padded). */
export function encodeBase64(text: string): string {
  let bin = ''
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b)
  return btoa(bin)
}

/** Base64url without padding, as JWT segments use it. */
export function encodeBase64Url(text: string): string {
  return encodeBase64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * Where Go's base64.StdEncoding.DecodeString gives up (decodeQuantum), for the API server's
 * decode error `illegal base64 data at input byte N`; undefined when the text decodes.
 * Worked examples: `hello world` → 5 (the space); `password` → undefined (8 valid characters);
 * `mypassword` → 8 (the quantum `rd` is cut short: Go names its first byte); `ab=c` → 2.
 */
export function illegalBase64Byte(src: string): number | undefined {
  const valid = (c: string) => /[A-Za-z0-9+/]/.test(c)
  const skipNewlines = (i: number) => {
    while (i < src.length && (src[i] === '\n' || src[i] === '\r')) i++
    return i
  }
  let si = 0
  for (;;) {
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined
        return si - j
      }
      const c = src[si++]
      if (valid(c)) continue
      if (c === '\n' || c === '\r') {
        j--
        continue
      }
      if (c !== '=') return si - 1
      if (j < 2) return si - 1
      if (j === 2) {
        si = skipNewlines(si)
        if (si === src.length) return src.length
        if (src[si] !== '=') return si - 1
        si++
      }
      si = skipNewlines(si)
      return si < src.length ? si : undefined
    }
  }
}
