// Syntax errors, worded as bash words them (prefixed `sh: ` by the shell):
//   sh: syntax error: unexpected end of file            (unclosed quote, if without fi...) exit 2
//   sh: syntax error near unexpected token `fi'         (a token where it cannot be)       exit 2

export class ShellSyntaxError extends Error {
  constructor(
    /** True when input ended too early: a terminal would ask for another line. */
    readonly eof: boolean,
    readonly token?: string,
    detail?: string,
  ) {
    super(
      detail ??
        (eof ? 'syntax error: unexpected end of file' : `syntax error near unexpected token \`${token === '\n' ? 'newline' : token}'`),
    )
  }
}
