// Backslash escapes as `echo -e` and `printf` read them. `\c` stops all further output.

export function unescape(s: string, opts: { octalNeedsZero: boolean }): { text: string; stop: boolean } {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c !== '\\' || i + 1 >= s.length) {
      out += c
      continue
    }
    const n = s[++i]
    switch (n) {
      case 'n': out += '\n'; break
      case 't': out += '\t'; break
      case 'r': out += '\r'; break
      case 'a': out += '\x07'; break
      case 'b': out += '\b'; break
      case 'f': out += '\f'; break
      case 'v': out += '\v'; break
      case 'e': out += '\x1b'; break
      case '\\': out += '\\'; break
      case 'c': return { text: out, stop: true }
      case 'x': {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 16))
          i += m[0].length
        } else out += '\\x'
        break
      }
      default: {
        const re = opts.octalNeedsZero ? /^0[0-7]{0,3}/ : /^[0-7]{1,3}/
        const m = re.exec(s.slice(i))
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 8) & 0xff)
          i += m[0].length - 1
        } else out += '\\' + n
      }
    }
  }
  return { text: out, stop: false }
}
