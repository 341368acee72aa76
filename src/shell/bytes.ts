// Sizes in bytes, as files, logs and HTTP count them: UTF-8, so "é" is 2 and an emoji 4.

/** Bytes of `s` in UTF-8 (Content-Length, `ls -l`, log byte limits). */
export function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4 // a surrogate pair is one 4-byte code point
      i++
    } else n += 3
  }
  return n
}
