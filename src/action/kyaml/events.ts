// The event stream between go-yaml v3's encoder and emitter (yaml_event_t), and its character classes.

export enum EvType {
  StreamStart,
  StreamEnd,
  DocumentStart,
  DocumentEnd,
  Alias,
  Scalar,
  SequenceStart,
  SequenceEnd,
  MappingStart,
  MappingEnd,
}

export enum ScalarStyle {
  Any,
  Plain,
  SingleQuoted,
  DoubleQuoted,
  Literal,
  Folded,
}

export interface Event {
  type: EvType;
  anchor?: string;
  tag?: string;
  value?: string;
  implicit?: boolean;
  quotedImplicit?: boolean;
  scalarStyle?: ScalarStyle;
  /** Sequence or mapping start: flow style. */
  flow?: boolean;
  head?: string;
  line?: string;
  foot?: string;
  tail?: string;
}

export function isBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
}

export function isSpace(c: string | undefined): boolean {
  return c === ' ';
}

export function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** Blank, break or the end of the string. */
export function isBlankz(c: string | undefined): boolean {
  return c === undefined || c === '\0' || isBlank(c) || isBreak(c);
}

export function isAlpha(c: string | undefined): boolean {
  return c !== undefined && /^[0-9A-Za-z_-]$/.test(c);
}

/** libyaml's is_printable (on UTF-8 bytes, so characters beyond the BMP are not printable), on code points. */
export function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0) as number;
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}
