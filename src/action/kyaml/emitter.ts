// go-yaml v3's emitter (emitterc.go, v3.0.4) as kyaml drives it: indent 2, compact sequences, no line width
// limit, unicode output, comments (head, line, foot, tail). A port of the event state machine, kept close to
// the C-derived original so that its layout decisions (indentation, where comments and blank lines go,
// quoting fallbacks) come out the same. Only what kio's encoder produces is supported (no directives,
// no canonical mode).
import { byteLength } from '../../template/gostring.ts';
import {
  type Event,
  EvType,
  isAlpha,
  isBlank,
  isBlankz,
  isBreak,
  isPrintable,
  isSpace,
  ScalarStyle,
} from './events.ts';

enum St {
  StreamStart,
  FirstDocumentStart,
  DocumentStart,
  DocumentContent,
  DocumentEnd,
  FlowSequenceFirstItem,
  FlowSequenceTrailItem,
  FlowSequenceItem,
  FlowMappingFirstKey,
  FlowMappingTrailKey,
  FlowMappingKey,
  FlowMappingSimpleValue,
  FlowMappingValue,
  BlockSequenceFirstItem,
  BlockSequenceItem,
  BlockMappingFirstKey,
  BlockMappingKey,
  BlockMappingSimpleValue,
  BlockMappingValue,
  End,
}

const TAG_DIRECTIVES: [string, string][] = [
  ['!', '!'],
  ['!!', 'tag:yaml.org,2002:'],
];

export class EmitterError extends Error {
  override name = 'EmitterError';
}

export class Emitter {
  out = '';
  private readonly bestIndent = 2;
  private readonly bestWidth = 2 ** 31 - 1;
  private readonly compactSequenceIndent: boolean;

  private state = St.StreamStart;
  private states: St[] = [];
  private events: Event[] = [];
  private head = 0;
  private indents: number[] = [];
  private indent = -1;
  private flowLevel = 0;

  private rootContext = false;
  private mappingContext = false;
  private simpleKeyContext = false;

  private column = 0;
  private whitespace = true;
  private indention = true;
  private openEnded = false;
  private footIndent = -1;

  private anchor: { anchor: string; alias: boolean } | undefined;
  private tagData = { handle: '', suffix: '' };
  private scalar = {
    value: '',
    multiline: false,
    flowPlainAllowed: false,
    blockPlainAllowed: false,
    singleQuotedAllowed: false,
    blockAllowed: false,
    style: ScalarStyle.Any,
  };

  private headComment = '';
  private lineComment = '';
  private footComment = '';
  private tailComment = '';
  private keyLineComment = '';

  constructor(options: { compactSequenceIndent?: boolean } = {}) {
    this.compactSequenceIndent = options.compactSequenceIndent ?? true;
  }

  emit(event: Event): void {
    this.events.push(event);
    while (!this.needMoreEvents()) {
      const ev = this.events[this.head];
      this.analyzeEvent(ev);
      this.stateMachine(ev);
      this.head++;
    }
  }

  private needMoreEvents(): boolean {
    if (this.head === this.events.length) return true;
    let accumulate: number;
    switch (this.events[this.head].type) {
      case EvType.DocumentStart:
        accumulate = 1;
        break;
      case EvType.SequenceStart:
        accumulate = 2;
        break;
      case EvType.MappingStart:
        accumulate = 3;
        break;
      default:
        return false;
    }
    if (this.events.length - this.head > accumulate) return false;
    let level = 0;
    for (let i = this.head; i < this.events.length; i++) {
      switch (this.events[i].type) {
        case EvType.StreamStart:
        case EvType.DocumentStart:
        case EvType.SequenceStart:
        case EvType.MappingStart:
          level++;
          break;
        case EvType.StreamEnd:
        case EvType.DocumentEnd:
        case EvType.SequenceEnd:
        case EvType.MappingEnd:
          level--;
          break;
      }
      if (level === 0) return false;
    }
    return true;
  }

  private increaseIndent(flow: boolean, indentless: boolean, compactSeq = false): void {
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? this.bestIndent : 0;
    } else if (!indentless) {
      if (this.states[this.states.length - 1] === St.BlockSequenceItem) {
        this.indent += 2;
      } else {
        this.indent = this.bestIndent * Math.floor((this.indent + this.bestIndent) / this.bestIndent);
        if (compactSeq) this.indent -= 2;
      }
    }
  }

  private popIndent(): void {
    this.indent = this.indents.pop() as number;
  }

  private popState(): void {
    this.state = this.states.pop() as St;
  }

  private stateMachine(ev: Event): void {
    switch (this.state) {
      case St.StreamStart:
        this.emitStreamStart(ev);
        return;
      case St.FirstDocumentStart:
        this.emitDocumentStart(ev, true);
        return;
      case St.DocumentStart:
        this.emitDocumentStart(ev, false);
        return;
      case St.DocumentContent:
        this.emitDocumentContent(ev);
        return;
      case St.DocumentEnd:
        this.emitDocumentEnd(ev);
        return;
      case St.FlowSequenceFirstItem:
        this.emitFlowSequenceItem(ev, true, false);
        return;
      case St.FlowSequenceTrailItem:
        this.emitFlowSequenceItem(ev, false, true);
        return;
      case St.FlowSequenceItem:
        this.emitFlowSequenceItem(ev, false, false);
        return;
      case St.FlowMappingFirstKey:
        this.emitFlowMappingKey(ev, true, false);
        return;
      case St.FlowMappingTrailKey:
        this.emitFlowMappingKey(ev, false, true);
        return;
      case St.FlowMappingKey:
        this.emitFlowMappingKey(ev, false, false);
        return;
      case St.FlowMappingSimpleValue:
        this.emitFlowMappingValue(ev, true);
        return;
      case St.FlowMappingValue:
        this.emitFlowMappingValue(ev, false);
        return;
      case St.BlockSequenceFirstItem:
        this.emitBlockSequenceItem(ev, true);
        return;
      case St.BlockSequenceItem:
        this.emitBlockSequenceItem(ev, false);
        return;
      case St.BlockMappingFirstKey:
        this.emitBlockMappingKey(ev, true);
        return;
      case St.BlockMappingKey:
        this.emitBlockMappingKey(ev, false);
        return;
      case St.BlockMappingSimpleValue:
        this.emitBlockMappingValue(ev, true);
        return;
      case St.BlockMappingValue:
        this.emitBlockMappingValue(ev, false);
        return;
      case St.End:
        throw new EmitterError('expected nothing after STREAM-END');
    }
  }

  private emitStreamStart(ev: Event): void {
    if (ev.type !== EvType.StreamStart) throw new EmitterError('expected STREAM-START');
    this.indent = -1;
    this.column = 0;
    this.whitespace = true;
    this.indention = true;
    this.footIndent = -1;
    this.state = St.FirstDocumentStart;
  }

  private emitDocumentStart(ev: Event, first: boolean): void {
    if (ev.type === EvType.DocumentStart) {
      let implicit = ev.implicit ?? true;
      if (!first) implicit = false;
      if (!implicit) {
        this.writeIndent();
        this.writeIndicator('---', true, false, false);
        this.writeIndent();
      }
      if (this.headComment.length > 0) {
        this.processHeadComment();
        this.putBreak();
      }
      this.state = St.DocumentContent;
      return;
    }
    if (ev.type === EvType.StreamEnd) {
      if (this.openEnded) {
        this.writeIndicator('...', true, false, false);
        this.writeIndent();
      }
      this.state = St.End;
      return;
    }
    throw new EmitterError('expected DOCUMENT-START or STREAM-END');
  }

  private emitDocumentContent(ev: Event): void {
    this.states.push(St.DocumentEnd);
    this.processHeadComment();
    this.emitNode(ev, true, false, false, false);
    this.processLineComment();
    this.processFootComment();
  }

  private emitDocumentEnd(ev: Event): void {
    if (ev.type !== EvType.DocumentEnd) throw new EmitterError('expected DOCUMENT-END');
    this.footIndent = 0;
    this.processFootComment();
    this.footIndent = -1;
    this.writeIndent();
    if (!(ev.implicit ?? true)) {
      this.writeIndicator('...', true, false, false);
      this.writeIndent();
    }
    this.state = St.DocumentStart;
  }

  private hasPendingComments(): boolean {
    return this.lineComment.length + this.footComment.length + this.tailComment.length > 0;
  }

  private emitFlowSequenceItem(ev: Event, first: boolean, trail: boolean): void {
    if (first) {
      this.writeIndicator('[', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
    }
    if (ev.type === EvType.SequenceEnd) {
      this.flowLevel--;
      this.popIndent();
      if (this.column === 0) this.writeIndent();
      this.writeIndicator(']', false, false, false);
      this.processLineComment();
      this.processFootComment();
      this.popState();
      return;
    }
    if (!first && !trail) this.writeIndicator(',', false, false, false);
    this.processHeadComment();
    if (this.column === 0) this.writeIndent();
    if (this.column > this.bestWidth) this.writeIndent();
    this.states.push(this.hasPendingComments() ? St.FlowSequenceTrailItem : St.FlowSequenceItem);
    this.emitNode(ev, false, true, false, false);
    if (this.hasPendingComments()) this.writeIndicator(',', false, false, false);
    this.processLineComment();
    this.processFootComment();
  }

  private emitFlowMappingKey(ev: Event, first: boolean, trail: boolean): void {
    if (first) {
      this.writeIndicator('{', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
    }
    if (ev.type === EvType.MappingEnd) {
      if (this.headComment.length + this.footComment.length + this.tailComment.length > 0 && !first && !trail) {
        this.writeIndicator(',', false, false, false);
      }
      this.processHeadComment();
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator('}', false, false, false);
      this.processLineComment();
      this.processFootComment();
      this.popState();
      return;
    }
    if (!first && !trail) this.writeIndicator(',', false, false, false);
    this.processHeadComment();
    if (this.column === 0) this.writeIndent();
    if (this.column > this.bestWidth) this.writeIndent();
    if (this.checkSimpleKey()) {
      this.states.push(St.FlowMappingSimpleValue);
      this.emitNode(ev, false, false, true, true);
      return;
    }
    this.writeIndicator('?', true, false, false);
    this.states.push(St.FlowMappingValue);
    this.emitNode(ev, false, false, true, false);
  }

  private emitFlowMappingValue(ev: Event, simple: boolean): void {
    if (simple) {
      this.writeIndicator(':', false, false, false);
    } else {
      if (this.column > this.bestWidth) this.writeIndent();
      this.writeIndicator(':', true, false, false);
    }
    this.states.push(this.hasPendingComments() ? St.FlowMappingTrailKey : St.FlowMappingKey);
    this.emitNode(ev, false, false, true, false);
    if (this.hasPendingComments()) this.writeIndicator(',', false, false, false);
    this.processLineComment();
    this.processFootComment();
  }

  private emitBlockSequenceItem(ev: Event, first: boolean): void {
    if (first) {
      const seq = this.mappingContext && (this.column === 0 || !this.indention) && this.compactSequenceIndent;
      this.increaseIndent(false, false, seq);
    }
    if (ev.type === EvType.SequenceEnd) {
      this.popIndent();
      this.popState();
      return;
    }
    this.processHeadComment();
    this.writeIndent();
    this.writeIndicator('-', true, false, true);
    this.states.push(St.BlockSequenceItem);
    this.emitNode(ev, false, true, false, false);
    this.processLineComment();
    this.processFootComment();
  }

  private emitBlockMappingKey(ev: Event, first: boolean): void {
    if (first) this.increaseIndent(false, false);
    this.processHeadComment();
    if (ev.type === EvType.MappingEnd) {
      this.popIndent();
      this.popState();
      return;
    }
    this.writeIndent();
    if (this.lineComment.length > 0) {
      this.keyLineComment = this.lineComment;
      this.lineComment = '';
    }
    if (this.checkSimpleKey()) {
      this.states.push(St.BlockMappingSimpleValue);
      this.emitNode(ev, false, false, true, true);
      return;
    }
    this.writeIndicator('?', true, false, true);
    this.states.push(St.BlockMappingValue);
    this.emitNode(ev, false, false, true, false);
  }

  private emitBlockMappingValue(ev: Event, simple: boolean): void {
    if (simple) {
      this.writeIndicator(':', false, false, false);
    } else {
      this.writeIndent();
      this.writeIndicator(':', true, false, true);
    }
    if (this.keyLineComment.length > 0) {
      if (ev.type === EvType.Scalar) {
        if (this.lineComment.length === 0) {
          this.lineComment = this.keyLineComment;
          this.keyLineComment = '';
        }
      } else if (!ev.flow && (ev.type === EvType.MappingStart || ev.type === EvType.SequenceStart)) {
        [this.lineComment, this.keyLineComment] = [this.keyLineComment, this.lineComment];
        this.processLineComment();
        [this.lineComment, this.keyLineComment] = [this.keyLineComment, this.lineComment];
      }
    }
    this.states.push(St.BlockMappingKey);
    this.emitNode(ev, false, false, true, false);
    this.processLineComment();
    this.processFootComment();
  }

  private emitNode(ev: Event, root: boolean, sequence: boolean, mapping: boolean, simpleKey: boolean): void {
    this.rootContext = root;
    void sequence; // libyaml tracks it; no decision here depends on it
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    switch (ev.type) {
      case EvType.Alias:
        this.processAnchor();
        this.popState();
        return;
      case EvType.Scalar:
        this.selectScalarStyle(ev);
        this.processAnchor();
        this.processTag();
        this.increaseIndent(true, false);
        this.processScalar();
        this.popIndent();
        this.popState();
        return;
      case EvType.SequenceStart:
        this.processAnchor();
        this.processTag();
        this.state =
          this.flowLevel > 0 || ev.flow || this.checkEmpty(EvType.SequenceStart, EvType.SequenceEnd)
            ? St.FlowSequenceFirstItem
            : St.BlockSequenceFirstItem;
        return;
      case EvType.MappingStart:
        this.processAnchor();
        this.processTag();
        this.state =
          this.flowLevel > 0 || ev.flow || this.checkEmpty(EvType.MappingStart, EvType.MappingEnd)
            ? St.FlowMappingFirstKey
            : St.BlockMappingFirstKey;
        return;
      default:
        throw new EmitterError('expected SCALAR, SEQUENCE-START, MAPPING-START, or ALIAS');
    }
  }

  private checkEmpty(start: EvType, end: EvType): boolean {
    if (this.events.length - this.head < 2) return false;
    return this.events[this.head].type === start && this.events[this.head + 1].type === end;
  }

  private checkSimpleKey(): boolean {
    const ev = this.events[this.head];
    const anchorLen = this.anchor ? byteLength(this.anchor.anchor) : 0;
    const tagLen = byteLength(this.tagData.handle) + byteLength(this.tagData.suffix);
    let length = 0;
    switch (ev.type) {
      case EvType.Alias:
        length += anchorLen;
        break;
      case EvType.Scalar:
        if (this.scalar.multiline) return false;
        length += anchorLen + tagLen + byteLength(this.scalar.value);
        break;
      case EvType.SequenceStart:
        if (!this.checkEmpty(EvType.SequenceStart, EvType.SequenceEnd)) return false;
        length += anchorLen + tagLen;
        break;
      case EvType.MappingStart:
        if (!this.checkEmpty(EvType.MappingStart, EvType.MappingEnd)) return false;
        length += anchorLen + tagLen;
        break;
      default:
        return false;
    }
    return length <= 128;
  }

  private selectScalarStyle(ev: Event): void {
    const noTag = this.tagData.handle === '' && this.tagData.suffix === '';
    if (noTag && !ev.implicit && !ev.quotedImplicit) {
      throw new EmitterError('neither tag nor implicit flags are specified');
    }
    let style = ev.scalarStyle ?? ScalarStyle.Any;
    if (style === ScalarStyle.Any) style = ScalarStyle.Plain;
    if (this.simpleKeyContext && this.scalar.multiline) style = ScalarStyle.DoubleQuoted;
    if (style === ScalarStyle.Plain) {
      if (
        (this.flowLevel > 0 && !this.scalar.flowPlainAllowed) ||
        (this.flowLevel === 0 && !this.scalar.blockPlainAllowed)
      ) {
        style = ScalarStyle.SingleQuoted;
      }
      if (this.scalar.value.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) {
        style = ScalarStyle.SingleQuoted;
      }
      if (noTag && !ev.implicit) style = ScalarStyle.SingleQuoted;
    }
    if (style === ScalarStyle.SingleQuoted && !this.scalar.singleQuotedAllowed) style = ScalarStyle.DoubleQuoted;
    if (style === ScalarStyle.Literal || style === ScalarStyle.Folded) {
      if (!this.scalar.blockAllowed || this.flowLevel > 0 || this.simpleKeyContext) style = ScalarStyle.DoubleQuoted;
    }
    if (noTag && !ev.quotedImplicit && style !== ScalarStyle.Plain) this.tagData.handle = '!';
    this.scalar.style = style;
  }

  private processAnchor(): void {
    if (!this.anchor) return;
    this.writeIndicator(this.anchor.alias ? '*' : '&', true, false, false);
    this.write(this.anchor.anchor);
    this.whitespace = false;
    this.indention = false;
  }

  private processTag(): void {
    const { handle, suffix } = this.tagData;
    if (handle === '' && suffix === '') return;
    if (handle !== '') {
      if (!this.whitespace) this.put(' ');
      this.write(handle);
      this.whitespace = false;
      this.indention = false;
      if (suffix !== '') this.writeTagContent(suffix, false);
    } else {
      this.writeIndicator('!<', true, false, false);
      this.writeTagContent(suffix, false);
      this.writeIndicator('>', false, false, false);
    }
  }

  private processScalar(): void {
    const v = this.scalar.value;
    switch (this.scalar.style) {
      case ScalarStyle.Plain:
        this.writePlain(v, !this.simpleKeyContext);
        return;
      case ScalarStyle.SingleQuoted:
        this.writeSingleQuoted(v, !this.simpleKeyContext);
        return;
      case ScalarStyle.DoubleQuoted:
        this.writeDoubleQuoted(v, !this.simpleKeyContext);
        return;
      case ScalarStyle.Literal:
        this.writeLiteral(v);
        return;
      case ScalarStyle.Folded:
        this.writeFolded(v);
        return;
    }
  }

  private processHeadComment(): void {
    if (this.tailComment.length > 0) {
      this.writeIndent();
      this.writeComment(this.tailComment);
      this.tailComment = '';
      this.footIndent = Math.max(this.indent, 0);
    }
    if (this.headComment.length === 0) return;
    this.writeIndent();
    this.writeComment(this.headComment);
    this.headComment = '';
  }

  private processLineComment(linebreak = false): void {
    if (this.lineComment.length === 0) {
      if (linebreak) this.putBreak();
      return;
    }
    if (!this.whitespace) this.put(' ');
    this.writeComment(this.lineComment);
    this.lineComment = '';
  }

  private processFootComment(): void {
    if (this.footComment.length === 0) return;
    this.writeIndent();
    this.writeComment(this.footComment);
    this.footComment = '';
    this.footIndent = Math.max(this.indent, 0);
  }

  private analyzeEvent(ev: Event): void {
    this.anchor = undefined;
    this.tagData = { handle: '', suffix: '' };
    this.scalar.value = '';
    if (ev.head) this.headComment = ev.head;
    if (ev.line) this.lineComment = ev.line;
    if (ev.foot) this.footComment = ev.foot;
    if (ev.tail) this.tailComment = ev.tail;
    switch (ev.type) {
      case EvType.Alias:
        this.analyzeAnchor(ev.anchor ?? '', true);
        break;
      case EvType.Scalar:
        if (ev.anchor) this.analyzeAnchor(ev.anchor, false);
        if (ev.tag && !ev.implicit && !ev.quotedImplicit) this.analyzeTag(ev.tag);
        this.analyzeScalar(ev.value ?? '');
        break;
      case EvType.SequenceStart:
      case EvType.MappingStart:
        if (ev.anchor) this.analyzeAnchor(ev.anchor, false);
        if (ev.tag && !ev.implicit) this.analyzeTag(ev.tag);
        break;
    }
  }

  private analyzeAnchor(anchor: string, alias: boolean): void {
    if (anchor === '') throw new EmitterError(`${alias ? 'alias' : 'anchor'} value must not be empty`);
    for (const c of anchor) {
      if (!isAlpha(c)) {
        throw new EmitterError(`${alias ? 'alias' : 'anchor'} value must contain alphanumerical characters only`);
      }
    }
    this.anchor = { anchor, alias };
  }

  private analyzeTag(tag: string): void {
    for (const [handle, prefix] of TAG_DIRECTIVES) {
      if (tag.startsWith(prefix)) {
        this.tagData = { handle, suffix: tag.slice(prefix.length) };
        return;
      }
    }
    this.tagData = { handle: '', suffix: tag };
  }

  private analyzeScalar(value: string): void {
    const s = this.scalar;
    s.value = value;
    if (value.length === 0) {
      s.multiline = false;
      s.flowPlainAllowed = false;
      s.blockPlainAllowed = true;
      s.singleQuotedAllowed = true;
      s.blockAllowed = false;
      return;
    }
    let blockIndicators = false;
    let flowIndicators = false;
    let lineBreaks = false;
    let specialCharacters = false;
    let tabCharacters = false;
    let leadingSpace = false;
    let leadingBreak = false;
    let trailingSpace = false;
    let trailingBreak = false;
    let breakSpace = false;
    let spaceBreak = false;
    let previousSpace = false;
    let previousBreak = false;
    if (value.startsWith('---') || value.startsWith('...')) {
      blockIndicators = true;
      flowIndicators = true;
    }
    const chars = [...value];
    let precededByWhitespace = true;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]) || isBreak(chars[i + 1]);
      if (i === 0) {
        if ('#,[]{}&*!|>\'"%@`'.includes(c)) {
          flowIndicators = true;
          blockIndicators = true;
        } else if (c === '?' || c === ':') {
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
        } else if (c === '-' && followedByWhitespace) {
          flowIndicators = true;
          blockIndicators = true;
        }
      } else if (',?[]{}'.includes(c)) {
        flowIndicators = true;
      } else if (c === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (c === '#' && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
      if (c === '\t') tabCharacters = true;
      else if (!isPrintable(c)) specialCharacters = true;
      if (isSpace(c)) {
        if (i === 0) leadingSpace = true;
        if (i === chars.length - 1) trailingSpace = true;
        if (previousBreak) breakSpace = true;
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak(c)) {
        lineBreaks = true;
        if (i === 0) leadingBreak = true;
        if (i === chars.length - 1) trailingBreak = true;
        if (previousSpace) spaceBreak = true;
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = isBlankz(c);
    }
    s.multiline = lineBreaks;
    s.flowPlainAllowed = true;
    s.blockPlainAllowed = true;
    s.singleQuotedAllowed = true;
    s.blockAllowed = true;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
      s.flowPlainAllowed = false;
      s.blockPlainAllowed = false;
    }
    if (trailingSpace) s.blockAllowed = false;
    if (breakSpace) {
      s.flowPlainAllowed = false;
      s.blockPlainAllowed = false;
      s.singleQuotedAllowed = false;
    }
    if (spaceBreak || tabCharacters || specialCharacters) {
      s.flowPlainAllowed = false;
      s.blockPlainAllowed = false;
      s.singleQuotedAllowed = false;
    }
    if (spaceBreak || specialCharacters) s.blockAllowed = false;
    if (lineBreaks) {
      s.flowPlainAllowed = false;
      s.blockPlainAllowed = false;
    }
    if (flowIndicators) s.flowPlainAllowed = false;
    if (blockIndicators) s.blockPlainAllowed = false;
  }

  // ---- writing ----

  private put(c: string): void {
    this.out += c;
    this.column++;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
    this.indention = true;
  }

  /** Writes characters of s (each counts one column). */
  private write(s: string): void {
    this.out += s;
    this.column += [...s].length;
  }

  private writeBreak(c: string): void {
    if (c === '\n') {
      this.putBreak();
      return;
    }
    this.out += c;
    this.column = 0;
    this.indention = true;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.footIndent === indent) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.footIndent = -1;
  }

  private writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.write(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
    this.openEnded = false;
  }

  private writeTagContent(value: string, needWhitespace: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const c of value) {
      if (";/?:@&=+$,_.~*'()[]".includes(c) || isAlpha(c)) {
        this.write(c);
        continue;
      }
      for (const b of Buffer.from(c, 'utf8')) this.write(`%${b.toString(16).toUpperCase().padStart(2, '0')}`);
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writePlain(value: string, allowBreaks: boolean): void {
    if (value.length > 0 && !this.whitespace) this.put(' ');
    const chars = [...value];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && !isSpace(chars[i + 1])) {
          this.writeIndent();
        } else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    if (value.length > 0) this.whitespace = false;
    this.indention = false;
    if (this.rootContext) this.openEnded = true;
  }

  private writeSingleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const chars = [...value];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (isSpace(c)) {
        if (
          allowBreaks &&
          !spaces &&
          this.column > this.bestWidth &&
          i > 0 &&
          i < chars.length - 1 &&
          !isSpace(chars[i + 1])
        ) {
          this.writeIndent();
        } else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === "'") this.put("'");
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(value: string, allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    const chars = [...value];
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (!isPrintable(c) || c === '\ufeff' || isBreak(c) || c === '"' || c === '\\') {
        this.put('\\');
        const v = c.codePointAt(0) as number;
        const simple: Record<number, string> = {
          0: '0',
          7: 'a',
          8: 'b',
          9: 't',
          10: 'n',
          11: 'v',
          12: 'f',
          13: 'r',
          27: 'e',
          34: '"',
          92: '\\',
          133: 'N',
          160: '_',
          8232: 'L',
          8233: 'P',
        };
        if (v in simple) this.put(simple[v]);
        else {
          const [letter, w] = v <= 0xff ? ['x', 2] : v <= 0xffff ? ['u', 4] : ['U', 8];
          this.put(letter);
          this.write(v.toString(16).toUpperCase().padStart(w, '0'));
        }
        spaces = false;
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (isSpace(chars[i + 1])) this.put('\\');
        } else this.write(c);
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeBlockScalarHints(value: string): void {
    const chars = [...value];
    if (isSpace(chars[0]) || isBreak(chars[0])) this.writeIndicator(String(this.bestIndent), false, false, false);
    this.openEnded = false;
    let chomp = '';
    if (chars.length === 0) chomp = '-';
    else {
      const last = chars.length - 1;
      if (!isBreak(chars[last])) chomp = '-';
      else if (last === 0) {
        chomp = '+';
        this.openEnded = true;
      } else if (isBreak(chars[last - 1])) {
        chomp = '+';
        this.openEnded = true;
      }
    }
    if (chomp !== '') this.writeIndicator(chomp, false, false, false);
  }

  private writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockScalarHints(value);
    this.processLineComment(true);
    this.whitespace = true;
    let breaks = true;
    for (const c of value) {
      if (isBreak(c)) {
        this.writeBreak(c);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        breaks = false;
      }
    }
  }

  private writeFolded(value: string): void {
    this.writeIndicator('>', true, false, false);
    this.writeBlockScalarHints(value);
    this.processLineComment(true);
    this.whitespace = true;
    const chars = [...value];
    let breaks = true;
    let leadingSpaces = true;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (isBreak(c)) {
        if (!breaks && !leadingSpaces && c === '\n') {
          // go-yaml scans from the start of the value here (k starts at 0), not from i.
          let k = 0;
          while (isBreak(chars[k])) k++;
          if (!isBlankz(chars[k])) this.putBreak();
        }
        this.writeBreak(c);
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent();
          leadingSpaces = isBlank(c);
        }
        if (!breaks && isSpace(c) && !isSpace(chars[i + 1]) && this.column > this.bestWidth) {
          this.writeIndent();
        } else this.write(c);
        this.indention = false;
        breaks = false;
      }
    }
  }

  private writeComment(comment: string): void {
    let breaks = false;
    let pound = false;
    for (const c of comment) {
      if (isBreak(c)) {
        this.writeBreak(c);
        breaks = true;
        pound = false;
      } else {
        if (breaks) this.writeIndent();
        if (!pound) {
          if (c !== '#') {
            this.put('#');
            this.put(' ');
          }
          pound = true;
        }
        this.write(c);
        this.indention = false;
        breaks = false;
      }
    }
    if (!breaks) this.putBreak();
    this.whitespace = true;
  }
}
