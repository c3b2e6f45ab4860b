// go-yaml v3's Node as kyaml handles it, and its encoder (encode.go's node()): a node tree into emitter events,
// with the comment passing of the original (a key's foot comment travels as the next key's tail).
import { Emitter } from './emitter.ts';
import { type Event, EvType, ScalarStyle } from './events.ts';

export const TAGGED = 1;
export const DOUBLE_QUOTED = 2;
export const SINGLE_QUOTED = 4;
export const LITERAL = 8;
export const FOLDED = 16;
export const FLOW = 32;

export type Kind = 'document' | 'sequence' | 'mapping' | 'scalar' | 'alias';

export interface YNode {
  kind: Kind;
  /** Bit set of the style constants above. */
  style: number;
  /** Explicit tag in short form (`!!int`, `!local`), '' when the tag is implicit. */
  tag: string;
  /** Scalar value; for an alias, the anchor name it refers to. */
  value: string;
  anchor: string;
  content: YNode[];
  head: string;
  line: string;
  foot: string;
}

export function scalarNode(value: string, style = 0): YNode {
  return { kind: 'scalar', style, tag: '', value, anchor: '', content: [], head: '', line: '', foot: '' };
}

export function mappingNode(content: YNode[] = []): YNode {
  return { kind: 'mapping', style: 0, tag: '', value: '', anchor: '', content, head: '', line: '', foot: '' };
}

/** A deep copy (kio copies nodes before writing them). */
export function copyNode(n: YNode): YNode {
  return { ...n, content: n.content.map(copyNode) };
}

function longTag(tag: string): string {
  if (tag.startsWith('!!')) return `tag:yaml.org,2002:${tag.slice(2)}`;
  return tag;
}

function scalarStyle(n: YNode): ScalarStyle {
  if (n.style & DOUBLE_QUOTED) return ScalarStyle.DoubleQuoted;
  if (n.style & SINGLE_QUOTED) return ScalarStyle.SingleQuoted;
  if (n.style & LITERAL) return ScalarStyle.Literal;
  if (n.style & FOLDED) return ScalarStyle.Folded;
  if (n.value.includes('\n')) return ScalarStyle.Literal;
  return ScalarStyle.Plain;
}

function events(n: YNode, tail: string, out: Event[]): void {
  // Explicit tags are kept (TaggedStyle); implicit ones are '' already.
  const tag = n.tag !== '' && n.style & TAGGED ? longTag(n.tag) : '';
  switch (n.kind) {
    case 'document':
      out.push({ type: EvType.DocumentStart, implicit: true, head: n.head });
      for (const c of n.content) events(c, '', out);
      out.push({ type: EvType.DocumentEnd, implicit: true, foot: n.foot });
      return;
    case 'sequence':
      out.push({
        type: EvType.SequenceStart,
        anchor: n.anchor,
        tag,
        implicit: tag === '',
        flow: (n.style & FLOW) !== 0,
        head: n.head,
      });
      for (const c of n.content) events(c, '', out);
      out.push({ type: EvType.SequenceEnd, line: n.line, foot: n.foot });
      return;
    case 'mapping': {
      out.push({
        type: EvType.MappingStart,
        anchor: n.anchor,
        tag,
        implicit: tag === '',
        flow: (n.style & FLOW) !== 0,
        tail,
        head: n.head,
      });
      let t = '';
      for (let i = 0; i + 1 < n.content.length; i += 2) {
        let k = n.content[i];
        const foot = k.foot;
        if (foot !== '') k = { ...k, foot: '' };
        events(k, t, out);
        t = foot;
        events(n.content[i + 1], '', out);
      }
      out.push({ type: EvType.MappingEnd, tail: t, line: n.line, foot: n.foot });
      return;
    }
    case 'alias':
      out.push({ type: EvType.Alias, anchor: n.value, head: n.head, line: n.line, foot: n.foot });
      return;
    case 'scalar':
      out.push({
        type: EvType.Scalar,
        anchor: n.anchor,
        tag,
        value: n.value,
        implicit: tag === '',
        quotedImplicit: tag === '',
        scalarStyle: scalarStyle(n),
        head: n.head,
        line: n.line,
        foot: n.foot,
        tail,
      });
      return;
  }
}

/** yaml.v3 Encoder with SetIndent(2) and CompactSeqIndent(), encoding each document in turn (kio.StringAll). */
export function encodeDocuments(docs: readonly YNode[]): string {
  const e = new Emitter({ compactSequenceIndent: true });
  e.emit({ type: EvType.StreamStart });
  for (const d of docs) {
    const evs: Event[] = [];
    events(d, '', evs);
    for (const ev of evs) e.emit(ev);
  }
  e.emit({ type: EvType.StreamEnd });
  return e.out;
}
