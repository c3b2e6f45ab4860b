import { describe, expect, it } from 'vitest';
import { Lexer, Tok, type Token, tokenString } from '../../src/template/lexer.ts';

const NAMES = Object.fromEntries(Object.entries(Tok).map(([k, v]) => [v, k]));

/** The tokens, each with the line the lexer gives its position. */
function lex(input: string, commentNewlines = true): Array<Token & { line: number }> {
  const l = new Lexer(input, { breakOK: true, continueOK: true, commentNewlines });
  const out: Array<Token & { line: number }> = [];
  for (;;) {
    const t = l.nextItem();
    out.push({ ...t, line: l.lineAt(t.pos) });
    if (t.typ === Tok.EOF || t.typ === Tok.Error) return out;
  }
}

/** Tokens as `Type:value`, spaces dropped. */
function kinds(input: string): string[] {
  return lex(input)
    .filter((t) => t.typ !== Tok.Space)
    .map((t) => `${NAMES[t.typ]}:${t.val}`);
}

describe('lexer', () => {
  it('splits text and actions', () => {
    expect(kinds('a{{.x}}b')).toEqual(['Text:a', 'LeftDelim:{{', 'Field:.x', 'RightDelim:}}', 'Text:b', 'EOF:']);
  });

  it('splits field chains into one token per field', () => {
    expect(kinds('{{.a.b $x.c $}}')).toEqual([
      'LeftDelim:{{',
      'Field:.a',
      'Field:.b',
      'Variable:$x',
      'Field:.c',
      'Variable:$',
      'RightDelim:}}',
      'EOF:',
    ]);
  });

  it('recognises keywords, booleans, nil and dot', () => {
    expect(kinds('{{if true}}{{else}}{{end}}{{range nil}}{{.}}')).toContain('If:if');
    expect(kinds('{{true false nil .}}')).toEqual([
      'LeftDelim:{{',
      'Bool:true',
      'Bool:false',
      'Nil:nil',
      'Dot:.',
      'RightDelim:}}',
      'EOF:',
    ]);
  });

  it('treats break and continue as identifiers when a function takes the name', () => {
    const l = new Lexer('{{break}}', { breakOK: false, continueOK: true, commentNewlines: true });
    l.nextItem();
    expect(l.nextItem().typ).toBe(Tok.Identifier);
  });

  it('scans numbers of every base, runes, strings and raw strings', () => {
    expect(kinds('{{1 -2 0x1F 0o17 0b1 1_000 1.5e3 0x1p4 .5 1i \'a\' "s\\"" `r`}}').slice(1, -2)).toEqual([
      'Number:1',
      'Number:-2',
      'Number:0x1F',
      'Number:0o17',
      'Number:0b1',
      'Number:1_000',
      'Number:1.5e3',
      'Number:0x1p4',
      'Number:.5',
      'Number:1i',
      "CharConstant:'a'",
      'String:"s\\""',
      'RawString:`r`',
    ]);
    expect(kinds('{{1+2i}}')[1]).toBe('Complex:1+2i');
  });

  it('scans := = | ( ) and punctuation', () => {
    expect(kinds('{{$x := (a | b) = ,}}').slice(1, -2)).toEqual([
      'Variable:$x',
      'Declare::=',
      'LeftParen:(',
      'Identifier:a',
      'Pipe:|',
      'Identifier:b',
      'RightParen:)',
      'Assign:=',
      'Char:,',
    ]);
  });

  it('trims spaces around trim markers', () => {
    expect(kinds('a \n {{- 1 -}} \n b')).toEqual([
      'Text:a',
      'LeftDelim:{{',
      'Number:1',
      'RightDelim:}}',
      'Text:b',
      'EOF:',
    ]);
    // Without a space, "-3" is a number.
    expect(kinds('a {{-3}}')).toEqual(['Text:a ', 'LeftDelim:{{', 'Number:-3', 'RightDelim:}}', 'EOF:']);
  });

  it('drops comments, trimming around them', () => {
    expect(kinds('a {{- /* x */ -}} b')).toEqual(['Text:a', 'Text:b', 'EOF:']);
    expect(kinds('a{{/* x */}}b')).toEqual(['Text:a', 'Text:b', 'EOF:']);
  });

  it('counts lines as Go does, including newlines inside actions and comments', () => {
    const toks = lex('a\nb{{ 1\n 2 }}\n{{/*\n*/}}\n{{ end }}').filter((t) => t.typ !== Tok.Space);
    expect(toks.map((t) => `${t.val}@${t.line}`)).toEqual([
      'a\nb@1',
      '{{@2',
      '1@2',
      '2@3',
      '}}@3',
      '\n@3',
      '\n@5',
      '{{@6',
      'end@6',
      '}}@6',
      '@6', // EOF
    ]);
  });

  it('in the helm3 dialect forgets the newlines inside comments, as Go 1.23 does', () => {
    const end = lex('{{/*\n\n*/}}\n{{ end }}', false).find((t) => t.val === 'end');
    expect(end?.line).toBe(2);
    const end4 = lex('{{/*\n\n*/}}\n{{ end }}', true).find((t) => t.val === 'end');
    expect(end4?.line).toBe(4);
    // Several comments: each one's newlines are left out of the lines after it, not before.
    const text = 'a\n{{/*\n*/}}b\n{{/*\n\n*/}}\n{{ end }}';
    expect(lex(text, false).map((t) => `${t.val}@${t.line}`)).toEqual([
      'a\n@1',
      'b\n@2',
      '\n@3',
      '{{@4',
      ' @4',
      'end@4',
      ' @4',
      '}}@4',
      '@4',
    ]);
    expect(lex(text, true).find((t) => t.val === 'end')?.line).toBe(7);
  });

  it('reports lexical errors with Go words', () => {
    const last = (s: string) => lex(s).at(-1)?.val;
    expect(last('{{ .x')).toBe('unclosed action');
    expect(last('{{ (1 }}')).toBe('unclosed left paren');
    expect(last('{{ ) }}')).toBe('unexpected right paren');
    expect(last('{{ "abc }}')).toBe('unterminated quoted string');
    expect(last('{{ `abc }}')).toBe('unterminated raw quoted string');
    expect(last("{{ 'a }}")).toBe('unterminated character constant');
    expect(last('{{/* x }}')).toBe('unclosed comment');
    expect(last('{{/* x */ 1}}')).toBe('comment ends before closing delimiter');
    expect(last('{{ : }}')).toBe('expected :=');
    expect(last('{{ 1x }}')).toBe('bad number syntax: "1x"');
    expect(last('{{ .x# }}')).toBe("bad character U+0023 '#'");
    expect(last('{{ ¬ }}')).toBe("unrecognized character in action: U+00AC '¬'");
    expect(last('{{ \x01 }}')).toBe('unrecognized character in action: U+0001');
  });

  it('names tokens in messages as Go does', () => {
    const t = (typ: Token['typ'], val: string): Token => ({ typ, pos: 0, val });
    expect(tokenString(t(Tok.EOF, ''))).toBe('EOF');
    expect(tokenString(t(Tok.Range, 'range'))).toBe('<range>');
    expect(tokenString(t(Tok.Number, '1'))).toBe('"1"');
    expect(tokenString(t(Tok.String, '"abcdefghijklmnop"'))).toBe('"\\"abcdefghi"...');
  });
});
