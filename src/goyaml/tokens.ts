// Token kinds and scalar styles of libyaml's scanner, shared by the scanner modules and the parser.

export const TOK = {
  STREAM_START: 1,
  STREAM_END: 2,
  VERSION_DIRECTIVE: 3,
  TAG_DIRECTIVE: 4,
  DOCUMENT_START: 5,
  DOCUMENT_END: 6,
  BLOCK_SEQUENCE_START: 7,
  BLOCK_MAPPING_START: 8,
  BLOCK_END: 9,
  FLOW_SEQUENCE_START: 10,
  FLOW_SEQUENCE_END: 11,
  FLOW_MAPPING_START: 12,
  FLOW_MAPPING_END: 13,
  BLOCK_ENTRY: 14,
  FLOW_ENTRY: 15,
  KEY: 16,
  VALUE: 17,
  ALIAS: 18,
  ANCHOR: 19,
  TAG: 20,
  SCALAR: 21,
} as const;

export const STYLE = { PLAIN: 1, SINGLE: 2, DOUBLE: 3, LITERAL: 4, FOLDED: 5 } as const;

export interface Token {
  type: number;
  /** 0-based line of the token's start: all that errors and nodes need of its position. */
  line: number;
  /** Scalar text, anchor/alias name, tag handle, or %TAG handle. */
  value: string;
  /** Tag suffix, or %TAG prefix. */
  suffix: string;
  style: number;
  major: number;
  minor: number;
}

export function newToken(type: number, line: number): Token {
  return { type, line, value: '', suffix: '', style: 0, major: 0, minor: 0 };
}
