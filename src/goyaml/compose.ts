// go-yaml v2's node tree (decode.go's parser): events of the first document to nodes, anchors resolved as the
// events arrive, so `unknown anchor` fails at the same point as in Go.

import { composeFast } from './compose-fast.ts';
import { GoCodecError, yamlFail } from './errors.ts';
import { EV, type Event, Parser } from './parser.ts';

export const N = { DOCUMENT: 1, MAPPING: 2, SEQUENCE: 3, SCALAR: 4, ALIAS: 5 } as const;

export interface Node {
  kind: number;
  /** 0-based line of the node's first token. */
  line: number;
  tag: string;
  value: string;
  implicit: boolean;
  /** Scalar style (STYLE.*), 0 for other nodes. */
  style: number;
  children: Node[];
  /** For aliases: the anchored node. */
  alias: Node | null;
}

const EVENT_NAMES = [
  '',
  'stream start',
  'stream end',
  'document start',
  'document end',
  'alias',
  'scalar',
  'sequence start',
  'sequence end',
  'mapping start',
  'mapping end',
];

class Composer {
  private readonly parser: Parser;
  private pending: Event | null = null;
  private anchors = new Map<string, Node>();

  constructor(text: string) {
    this.parser = new Parser(text);
    this.expect(EV.STREAM_START);
  }

  private peek(): Event {
    if (!this.pending) this.pending = this.parser.next();
    // After STREAM-END libyaml keeps returning an empty event; treat it as the end.
    if (!this.pending) this.pending = { ...STREAM_END_EVENT };
    return this.pending;
  }

  private expect(type: number): Event {
    const e = this.peek();
    if (e.type === EV.STREAM_END && type !== EV.STREAM_END) {
      throw yamlFail('attempted to go past the end of stream; corrupted value?');
    }
    if (e.type !== type) {
      throw new GoCodecError(`yaml: expected ${EVENT_NAMES[type]} event but got ${EVENT_NAMES[e.type]}`);
    }
    this.pending = null;
    return e;
  }

  private node(kind: number, e: Event): Node {
    return {
      kind,
      line: e.line,
      tag: e.tag,
      value: '',
      implicit: e.implicit,
      style: 0,
      children: [],
      alias: null,
    };
  }

  /** The next node, or null at the end of the stream. */
  parse(): Node | null {
    const e = this.peek();
    switch (e.type) {
      case EV.SCALAR: {
        const n = this.node(N.SCALAR, e);
        n.value = e.value;
        n.style = e.style;
        if (e.anchor !== '') this.anchors.set(e.anchor, n);
        this.expect(EV.SCALAR);
        return n;
      }
      case EV.ALIAS: {
        const n = this.node(N.ALIAS, e);
        n.value = e.anchor;
        n.alias = this.anchors.get(e.anchor) ?? null;
        if (!n.alias) throw yamlFail(`unknown anchor '${e.anchor}' referenced`);
        this.expect(EV.ALIAS);
        return n;
      }
      case EV.MAPPING_START: {
        const n = this.node(N.MAPPING, e);
        if (e.anchor !== '') this.anchors.set(e.anchor, n);
        this.expect(EV.MAPPING_START);
        while (this.peek().type !== EV.MAPPING_END) {
          n.children.push(this.parse()!, this.parse()!);
        }
        this.expect(EV.MAPPING_END);
        return n;
      }
      case EV.SEQUENCE_START: {
        const n = this.node(N.SEQUENCE, e);
        if (e.anchor !== '') this.anchors.set(e.anchor, n);
        this.expect(EV.SEQUENCE_START);
        while (this.peek().type !== EV.SEQUENCE_END) n.children.push(this.parse()!);
        this.expect(EV.SEQUENCE_END);
        return n;
      }
      case EV.DOCUMENT_START: {
        const n = this.node(N.DOCUMENT, e);
        this.anchors = new Map();
        this.expect(EV.DOCUMENT_START);
        n.children.push(this.parse()!);
        this.expect(EV.DOCUMENT_END);
        return n;
      }
      case EV.STREAM_END:
        return null;
      default:
        throw new GoCodecError(`yaml: attempted to parse unknown event: ${EVENT_NAMES[e.type]}`);
    }
  }
}

const STREAM_END_EVENT: Event = {
  type: EV.STREAM_END,
  line: 0,
  anchor: '',
  tag: '',
  value: '',
  implicit: false,
  quotedImplicit: false,
  style: 0,
};

/** The first document of a YAML stream as go-yaml v2's Unmarshal sees it (later documents are not read). */
export function composeFirstDocument(text: string): Node | null {
  // Plainly simple text first, line by line; anything else (or any error) the careful way.
  const fast = composeFast(text);
  if (fast !== undefined) return fast;
  return composeCarefully(text);
}

/** composeFirstDocument through the scanner, parser and composer, for every text (exported for tests). */
export function composeCarefully(text: string): Node | null {
  // go-yaml treats empty input as a single line break.
  return new Composer(text === '' ? '\n' : text).parse();
}
