// libyaml's event parser as go-yaml v2 runs it (parserc.go): tokens to events, with v2's error texts and marks.
// A state machine driven by a stack of states, like the original, so that errors surface at the same event.

import { YamlSyntaxError } from './errors.ts';
import { Scanner, STYLE, TOK, type Token } from './scanner.ts';

export const EV = {
  STREAM_START: 1,
  STREAM_END: 2,
  DOCUMENT_START: 3,
  DOCUMENT_END: 4,
  ALIAS: 5,
  SCALAR: 6,
  SEQUENCE_START: 7,
  SEQUENCE_END: 8,
  MAPPING_START: 9,
  MAPPING_END: 10,
} as const;

export interface Event {
  type: number;
  /** 0-based line where the event's node starts. */
  line: number;
  anchor: string;
  tag: string;
  value: string;
  /** For scalars: plain_implicit (untagged plain, or tagged `!`). For collections: untagged. */
  implicit: boolean;
  quotedImplicit: boolean;
  style: number;
}

const S = {
  STREAM_START: 0,
  IMPLICIT_DOCUMENT_START: 1,
  DOCUMENT_START: 2,
  DOCUMENT_CONTENT: 3,
  DOCUMENT_END: 4,
  BLOCK_NODE: 5,
  BLOCK_NODE_OR_INDENTLESS_SEQUENCE: 6,
  FLOW_NODE: 7,
  BLOCK_SEQUENCE_FIRST_ENTRY: 8,
  BLOCK_SEQUENCE_ENTRY: 9,
  INDENTLESS_SEQUENCE_ENTRY: 10,
  BLOCK_MAPPING_FIRST_KEY: 11,
  BLOCK_MAPPING_KEY: 12,
  BLOCK_MAPPING_VALUE: 13,
  FLOW_SEQUENCE_FIRST_ENTRY: 14,
  FLOW_SEQUENCE_ENTRY: 15,
  FLOW_SEQUENCE_ENTRY_MAPPING_KEY: 16,
  FLOW_SEQUENCE_ENTRY_MAPPING_VALUE: 17,
  FLOW_SEQUENCE_ENTRY_MAPPING_END: 18,
  FLOW_MAPPING_FIRST_KEY: 19,
  FLOW_MAPPING_KEY: 20,
  FLOW_MAPPING_VALUE: 21,
  FLOW_MAPPING_EMPTY_VALUE: 22,
  END: 23,
} as const;

const CORE_TAG_PREFIX = 'tag:yaml.org,2002:';

function event(type: number, line: number): Event {
  return { type, line, anchor: '', tag: '', value: '', implicit: false, quotedImplicit: false, style: 0 };
}

function parserError(problem: string, problemLine: number, contextLine = 0): YamlSyntaxError {
  return new YamlSyntaxError('parser', problem, problemLine, contextLine);
}

export class Parser {
  private readonly scanner: Scanner;
  private state: number = S.STREAM_START;
  private states: number[] = [];
  private marks: number[] = [];
  /** %TAG handles of the current document, plus `!` and `!!`. */
  private tagDirectives: { handle: string; prefix: string }[] = [];

  constructor(text: string) {
    this.scanner = new Scanner(text);
  }

  /** The next event; after STREAM-END, null. */
  next(): Event | null {
    if (this.state === S.END) return null;
    return this.dispatch();
  }

  private pop(): void {
    this.state = this.states.pop()!;
  }

  private dispatch(): Event {
    switch (this.state) {
      case S.STREAM_START:
        return this.streamStart();
      case S.IMPLICIT_DOCUMENT_START:
        return this.documentStart(true);
      case S.DOCUMENT_START:
        return this.documentStart(false);
      case S.DOCUMENT_CONTENT:
        return this.documentContent();
      case S.DOCUMENT_END:
        return this.documentEnd();
      case S.BLOCK_NODE:
        return this.node(true, false);
      case S.BLOCK_NODE_OR_INDENTLESS_SEQUENCE:
        return this.node(true, true);
      case S.FLOW_NODE:
        return this.node(false, false);
      case S.BLOCK_SEQUENCE_FIRST_ENTRY:
        return this.blockSequenceEntry(true);
      case S.BLOCK_SEQUENCE_ENTRY:
        return this.blockSequenceEntry(false);
      case S.INDENTLESS_SEQUENCE_ENTRY:
        return this.indentlessSequenceEntry();
      case S.BLOCK_MAPPING_FIRST_KEY:
        return this.blockMappingKey(true);
      case S.BLOCK_MAPPING_KEY:
        return this.blockMappingKey(false);
      case S.BLOCK_MAPPING_VALUE:
        return this.blockMappingValue();
      case S.FLOW_SEQUENCE_FIRST_ENTRY:
        return this.flowSequenceEntry(true);
      case S.FLOW_SEQUENCE_ENTRY:
        return this.flowSequenceEntry(false);
      case S.FLOW_SEQUENCE_ENTRY_MAPPING_KEY:
        return this.flowSequenceEntryMappingKey();
      case S.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE:
        return this.flowSequenceEntryMappingValue();
      case S.FLOW_SEQUENCE_ENTRY_MAPPING_END:
        return this.flowSequenceEntryMappingEnd();
      case S.FLOW_MAPPING_FIRST_KEY:
        return this.flowMappingKey(true);
      case S.FLOW_MAPPING_KEY:
        return this.flowMappingKey(false);
      case S.FLOW_MAPPING_VALUE:
        return this.flowMappingValue(false);
      case S.FLOW_MAPPING_EMPTY_VALUE:
        return this.flowMappingValue(true);
      default:
        throw new Error('invalid parser state');
    }
  }

  private peek(): Token {
    return this.scanner.peek();
  }

  private skip(): void {
    this.scanner.skipToken();
  }

  private streamStart(): Event {
    const t = this.peek();
    if (t.type !== TOK.STREAM_START) throw parserError('did not find expected <stream-start>', t.line);
    this.state = S.IMPLICIT_DOCUMENT_START;
    this.skip();
    return event(EV.STREAM_START, t.line);
  }

  private documentStart(implicit: boolean): Event {
    let t = this.peek();
    if (!implicit) {
      // Extra document end markers are allowed.
      while (t.type === TOK.DOCUMENT_END) {
        this.skip();
        t = this.peek();
      }
    }
    if (
      implicit &&
      t.type !== TOK.VERSION_DIRECTIVE &&
      t.type !== TOK.TAG_DIRECTIVE &&
      t.type !== TOK.DOCUMENT_START &&
      t.type !== TOK.STREAM_END
    ) {
      this.processDirectives();
      this.states.push(S.DOCUMENT_END);
      this.state = S.BLOCK_NODE;
      return event(EV.DOCUMENT_START, t.line);
    }
    if (t.type !== TOK.STREAM_END) {
      const start = t.line;
      this.processDirectives();
      t = this.peek();
      if (t.type !== TOK.DOCUMENT_START) throw parserError('did not find expected <document start>', t.line);
      this.states.push(S.DOCUMENT_END);
      this.state = S.DOCUMENT_CONTENT;
      const e = event(EV.DOCUMENT_START, start);
      this.skip();
      return e;
    }
    this.state = S.END;
    this.skip();
    return event(EV.STREAM_END, t.line);
  }

  private documentContent(): Event {
    const t = this.peek();
    if (
      t.type === TOK.VERSION_DIRECTIVE ||
      t.type === TOK.TAG_DIRECTIVE ||
      t.type === TOK.DOCUMENT_START ||
      t.type === TOK.DOCUMENT_END ||
      t.type === TOK.STREAM_END
    ) {
      this.pop();
      return emptyScalar(t.line);
    }
    return this.node(true, false);
  }

  private documentEnd(): Event {
    const t = this.peek();
    let implicit = true;
    if (t.type === TOK.DOCUMENT_END) {
      this.skip();
      implicit = false;
    }
    this.tagDirectives = [];
    this.state = S.DOCUMENT_START;
    const e = event(EV.DOCUMENT_END, t.line);
    e.implicit = implicit;
    return e;
  }

  private node(block: boolean, indentlessSequence: boolean): Event {
    let t = this.peek();
    if (t.type === TOK.ALIAS) {
      this.pop();
      const e = event(EV.ALIAS, t.line);
      e.anchor = t.value;
      this.skip();
      return e;
    }
    let start = t.line;
    let tagToken = false;
    let tagHandle = '';
    let tagSuffix = '';
    let anchor = '';
    let tagMark = t.line;
    if (t.type === TOK.ANCHOR) {
      anchor = t.value;
      start = t.line;
      this.skip();
      t = this.peek();
      if (t.type === TOK.TAG) {
        tagToken = true;
        tagHandle = t.value;
        tagSuffix = t.suffix;
        tagMark = t.line;
        this.skip();
        t = this.peek();
      }
    } else if (t.type === TOK.TAG) {
      tagToken = true;
      tagHandle = t.value;
      tagSuffix = t.suffix;
      start = t.line;
      tagMark = t.line;
      this.skip();
      t = this.peek();
      if (t.type === TOK.ANCHOR) {
        anchor = t.value;
        this.skip();
        t = this.peek();
      }
    }

    let tag = '';
    if (tagToken) {
      if (tagHandle === '') {
        tag = tagSuffix;
      } else {
        const d = this.tagDirectives.find((x) => x.handle === tagHandle);
        if (d) tag = d.prefix + tagSuffix;
        if (tag === '') throw parserError('found undefined tag handle', tagMark, start);
      }
    }

    const implicit = tag === '';
    if (indentlessSequence && t.type === TOK.BLOCK_ENTRY) {
      this.state = S.INDENTLESS_SEQUENCE_ENTRY;
      return collectionStart(EV.SEQUENCE_START, start, anchor, tag, implicit, 1);
    }
    if (t.type === TOK.SCALAR) {
      let plainImplicit = false;
      let quotedImplicit = false;
      if ((tag === '' && t.style === STYLE.PLAIN) || tag === '!') plainImplicit = true;
      else if (tag === '') quotedImplicit = true;
      this.pop();
      const e = event(EV.SCALAR, start);
      e.anchor = anchor;
      e.tag = tag;
      e.value = t.value;
      e.implicit = plainImplicit;
      e.quotedImplicit = quotedImplicit;
      e.style = t.style;
      this.skip();
      return e;
    }
    if (t.type === TOK.FLOW_SEQUENCE_START) {
      this.state = S.FLOW_SEQUENCE_FIRST_ENTRY;
      return collectionStart(EV.SEQUENCE_START, start, anchor, tag, implicit, 2);
    }
    if (t.type === TOK.FLOW_MAPPING_START) {
      this.state = S.FLOW_MAPPING_FIRST_KEY;
      return collectionStart(EV.MAPPING_START, start, anchor, tag, implicit, 2);
    }
    if (block && t.type === TOK.BLOCK_SEQUENCE_START) {
      this.state = S.BLOCK_SEQUENCE_FIRST_ENTRY;
      return collectionStart(EV.SEQUENCE_START, start, anchor, tag, implicit, 1);
    }
    if (block && t.type === TOK.BLOCK_MAPPING_START) {
      this.state = S.BLOCK_MAPPING_FIRST_KEY;
      return collectionStart(EV.MAPPING_START, start, anchor, tag, implicit, 1);
    }
    if (anchor !== '' || tag !== '') {
      // An anchor or tag with no content is an empty plain scalar.
      this.pop();
      const e = event(EV.SCALAR, start);
      e.anchor = anchor;
      e.tag = tag;
      e.implicit = implicit;
      e.style = STYLE.PLAIN;
      return e;
    }
    void (block ? 'while parsing a block node' : 'while parsing a flow node');
    throw parserError('did not find expected node content', t.line, start);
  }

  private blockSequenceEntry(first: boolean): Event {
    if (first) {
      this.marks.push(this.peek().line);
      this.skip();
    }
    let t = this.peek();
    if (t.type === TOK.BLOCK_ENTRY) {
      const mark = t.line;
      this.skip();
      t = this.peek();
      if (t.type !== TOK.BLOCK_ENTRY && t.type !== TOK.BLOCK_END) {
        this.states.push(S.BLOCK_SEQUENCE_ENTRY);
        return this.node(true, false);
      }
      this.state = S.BLOCK_SEQUENCE_ENTRY;
      return emptyScalar(mark);
    }
    if (t.type === TOK.BLOCK_END) {
      this.pop();
      this.marks.pop();
      this.skip();
      return event(EV.SEQUENCE_END, t.line);
    }
    const context = this.marks.pop()!;
    throw parserError("did not find expected '-' indicator", t.line, context);
  }

  private indentlessSequenceEntry(): Event {
    let t = this.peek();
    if (t.type === TOK.BLOCK_ENTRY) {
      const mark = t.line;
      this.skip();
      t = this.peek();
      if (t.type !== TOK.BLOCK_ENTRY && t.type !== TOK.KEY && t.type !== TOK.VALUE && t.type !== TOK.BLOCK_END) {
        this.states.push(S.INDENTLESS_SEQUENCE_ENTRY);
        return this.node(true, false);
      }
      this.state = S.INDENTLESS_SEQUENCE_ENTRY;
      return emptyScalar(mark);
    }
    this.pop();
    return event(EV.SEQUENCE_END, t.line);
  }

  private blockMappingKey(first: boolean): Event {
    if (first) {
      this.marks.push(this.peek().line);
      this.skip();
    }
    let t = this.peek();
    if (t.type === TOK.KEY) {
      const mark = t.line;
      this.skip();
      t = this.peek();
      if (t.type !== TOK.KEY && t.type !== TOK.VALUE && t.type !== TOK.BLOCK_END) {
        this.states.push(S.BLOCK_MAPPING_VALUE);
        return this.node(true, true);
      }
      this.state = S.BLOCK_MAPPING_VALUE;
      return emptyScalar(mark);
    }
    if (t.type === TOK.BLOCK_END) {
      this.pop();
      this.marks.pop();
      this.skip();
      return event(EV.MAPPING_END, t.line);
    }
    const context = this.marks.pop()!;
    throw parserError('did not find expected key', t.line, context);
  }

  private blockMappingValue(): Event {
    let t = this.peek();
    if (t.type === TOK.VALUE) {
      const mark = t.line;
      this.skip();
      t = this.peek();
      if (t.type !== TOK.KEY && t.type !== TOK.VALUE && t.type !== TOK.BLOCK_END) {
        this.states.push(S.BLOCK_MAPPING_KEY);
        return this.node(true, true);
      }
      this.state = S.BLOCK_MAPPING_KEY;
      return emptyScalar(mark);
    }
    this.state = S.BLOCK_MAPPING_KEY;
    return emptyScalar(t.line);
  }

  private flowSequenceEntry(first: boolean): Event {
    if (first) {
      this.marks.push(this.peek().line);
      this.skip();
    }
    let t = this.peek();
    if (t.type !== TOK.FLOW_SEQUENCE_END) {
      if (!first) {
        if (t.type === TOK.FLOW_ENTRY) {
          this.skip();
          t = this.peek();
        } else {
          const context = this.marks.pop()!;
          throw parserError("did not find expected ',' or ']'", t.line, context);
        }
      }
      if (t.type === TOK.KEY) {
        // `[a: b]`: a single-pair mapping inside a flow sequence.
        this.state = S.FLOW_SEQUENCE_ENTRY_MAPPING_KEY;
        const e = collectionStart(EV.MAPPING_START, t.line, '', '', true, 2);
        this.skip();
        return e;
      }
      if (t.type !== TOK.FLOW_SEQUENCE_END) {
        this.states.push(S.FLOW_SEQUENCE_ENTRY);
        return this.node(false, false);
      }
    }
    this.pop();
    this.marks.pop();
    this.skip();
    return event(EV.SEQUENCE_END, t.line);
  }

  private flowSequenceEntryMappingKey(): Event {
    const t = this.peek();
    if (t.type !== TOK.VALUE && t.type !== TOK.FLOW_ENTRY && t.type !== TOK.FLOW_SEQUENCE_END) {
      this.states.push(S.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE);
      return this.node(false, false);
    }
    const mark = t.line;
    this.skip();
    this.state = S.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE;
    return emptyScalar(mark);
  }

  private flowSequenceEntryMappingValue(): Event {
    let t = this.peek();
    if (t.type === TOK.VALUE) {
      this.skip();
      t = this.peek();
      if (t.type !== TOK.FLOW_ENTRY && t.type !== TOK.FLOW_SEQUENCE_END) {
        this.states.push(S.FLOW_SEQUENCE_ENTRY_MAPPING_END);
        return this.node(false, false);
      }
    }
    this.state = S.FLOW_SEQUENCE_ENTRY_MAPPING_END;
    return emptyScalar(t.line);
  }

  private flowSequenceEntryMappingEnd(): Event {
    const t = this.peek();
    this.state = S.FLOW_SEQUENCE_ENTRY;
    return event(EV.MAPPING_END, t.line);
  }

  private flowMappingKey(first: boolean): Event {
    if (first) {
      this.marks.push(this.peek().line);
      this.skip();
    }
    let t = this.peek();
    if (t.type !== TOK.FLOW_MAPPING_END) {
      if (!first) {
        if (t.type === TOK.FLOW_ENTRY) {
          this.skip();
          t = this.peek();
        } else {
          const context = this.marks.pop()!;
          throw parserError("did not find expected ',' or '}'", t.line, context);
        }
      }
      if (t.type === TOK.KEY) {
        this.skip();
        t = this.peek();
        if (t.type !== TOK.VALUE && t.type !== TOK.FLOW_ENTRY && t.type !== TOK.FLOW_MAPPING_END) {
          this.states.push(S.FLOW_MAPPING_VALUE);
          return this.node(false, false);
        }
        this.state = S.FLOW_MAPPING_VALUE;
        return emptyScalar(t.line);
      }
      if (t.type !== TOK.FLOW_MAPPING_END) {
        this.states.push(S.FLOW_MAPPING_EMPTY_VALUE);
        return this.node(false, false);
      }
    }
    this.pop();
    this.marks.pop();
    this.skip();
    return event(EV.MAPPING_END, t.line);
  }

  private flowMappingValue(empty: boolean): Event {
    let t = this.peek();
    if (empty) {
      this.state = S.FLOW_MAPPING_KEY;
      return emptyScalar(t.line);
    }
    if (t.type === TOK.VALUE) {
      this.skip();
      t = this.peek();
      if (t.type !== TOK.FLOW_ENTRY && t.type !== TOK.FLOW_MAPPING_END) {
        this.states.push(S.FLOW_MAPPING_KEY);
        return this.node(false, false);
      }
    }
    this.state = S.FLOW_MAPPING_KEY;
    return emptyScalar(t.line);
  }

  private processDirectives(): void {
    let sawVersion = false;
    let t = this.peek();
    while (t.type === TOK.VERSION_DIRECTIVE || t.type === TOK.TAG_DIRECTIVE) {
      if (t.type === TOK.VERSION_DIRECTIVE) {
        if (sawVersion) throw parserError('found duplicate %YAML directive', t.line);
        if (t.major !== 1 || t.minor !== 1) throw parserError('found incompatible YAML document', t.line);
        sawVersion = true;
      } else {
        if (this.tagDirectives.some((d) => d.handle === t.value)) {
          throw parserError('found duplicate %TAG directive', t.line);
        }
        this.tagDirectives.push({ handle: t.value, prefix: t.suffix });
      }
      this.skip();
      t = this.peek();
    }
    for (const d of [
      { handle: '!', prefix: '!' },
      { handle: '!!', prefix: CORE_TAG_PREFIX },
    ]) {
      if (!this.tagDirectives.some((x) => x.handle === d.handle)) this.tagDirectives.push(d);
    }
  }
}

function emptyScalar(line: number): Event {
  const e = event(EV.SCALAR, line);
  e.implicit = true;
  e.style = STYLE.PLAIN;
  return e;
}

function collectionStart(
  type: number,
  line: number,
  anchor: string,
  tag: string,
  implicit: boolean,
  style: number,
): Event {
  const e = event(type, line);
  e.anchor = anchor;
  e.tag = tag;
  e.implicit = implicit;
  e.style = style;
  return e;
}
