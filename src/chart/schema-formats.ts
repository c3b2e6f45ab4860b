// String formats as helm's validators check them: helm 4's santhosh-tekuri/jsonschema v6 and helm 3's
// xeipuuv/gojsonschema each have their own rules (not a JSON Schema format library's regexes), and Go's url.Parse,
// time.Parse and regexp decide where they use them, so what passes (and, in helm 4, the reason) is theirs. Both
// check `iri` and `iri-reference` as `uri` and `uri-reference`; a format a library does not know passes.

import { parseTime, TimeParseError } from '../funcs/time-parse.ts';
import { UTC } from '../funcs/time-zone.ts';
import { type GoURL, parseGoURL, pathUnescapeProblem } from '../funcs/urls.ts';
import { nodeNet } from '../lazy-node.ts';
import { byteLength as utf8Length } from '../template/gostring.ts';
import { quote, quoteRune } from '../template/strconv.ts';
import { goRegexProblem } from './schema-common.ts';

/** Why `value` is not of the URL format `format` (undefined: it is). */
export type FormatCheck = (value: string) => string | undefined;

/** helm 4's checks, each returning its reason. */
export const HELM4_FORMATS: Readonly<Record<string, FormatCheck>> = {
  ipv4,
  ipv6,
  hostname,
  email,
  date: (s) => goTimeProblem('2006-01-02', s),
  time: (s) => time(goBytes(s)),
  'date-time': (s) => dateTime(goBytes(s)),
  uuid,
  duration,
  'json-pointer': jsonPointer,
  'relative-json-pointer': relativeJsonPointer,
  // Go's regexp.Compile decides, and its error is the reason.
  regex: goRegexProblem,
  uri: absoluteURL,
  iri: absoluteURL,
  'uri-reference': urlReference,
  'iri-reference': urlReference,
  'uri-template': urlTemplate,
};

/** gojsonschema's format checkers (helm 3), each a yes or no. Formats it does not know (duration, ...) pass. */
export const HELM3_FORMATS: Readonly<Record<string, FormatCheck>> = {
  uri: (s) => yes(noBackslash(s) && goScheme(s) !== undefined && goScheme(s) !== ''),
  iri: (s) => HELM3_FORMATS.uri(s),
  'uri-reference': (s) => yes(noBackslash(s) && goScheme(s) !== undefined),
  'iri-reference': (s) => HELM3_FORMATS['uri-reference'](s),
  'uri-template': (s) => {
    const u = noBackslash(s) ? parseGoURL(s) : 'invalid';
    return yes(typeof u !== 'string' && bracesPaired(u.path));
  },
  // net.ParseIP, then the separator the family needs (`::ffff:1.2.3.4` is an ipv4 to gojsonschema).
  email: (s) => yes(mailAddress(s)),
  'idn-email': (s) => yes(mailAddress(s)),
  ipv4: (s) => yes(nodeNet().isIP(s) !== 0 && !s.includes('%') && s.includes('.')),
  ipv6: (s) => yes(nodeNet().isIP(s) !== 0 && !s.includes('%') && s.includes(':')),
  date: (s) => yes(goTimeParses('2006-01-02', s)),
  time: (s) => yes(goTimeParses('15:04:05Z07:00', s) || goTimeParses('15:04:05', s)),
  'date-time': (s) => yes(DATE_TIME_LAYOUTS.some((layout) => goTimeParses(layout, s))),
  hostname: (s) => yes(HOSTNAME.test(s)),
  uuid: (s) => yes(UUID.test(s)),
  regex: (s) => yes(goRegexProblem(s) === undefined),
  'json-pointer': (s) => yes(JSON_POINTER.test(s)),
  'relative-json-pointer': (s) => yes(RELATIVE_JSON_POINTER.test(s)),
};

// net/mail.ParseAddress, for one address without comments: an addr-spec, alone or in <> after a display name.
// The local part is a quoted string or a dot-atom; the domain a dot-atom or an IP address in brackets. Atoms
// take any non-ASCII character, as Go's parser does.
const ATOM = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~\\u0080-\\u{10FFFF}]";
const QUOTED = '"(?:[^"\\\\\\r\\n]|\\\\.)*"';
const ADDR_SPEC = `(?:${QUOTED}|${ATOM}+(?:\\.${ATOM}+)*)@(?:${ATOM}+(?:\\.${ATOM}+)*|\\[([^\\[\\]\\\\]*)\\])`;
// The display name's parts start with distinct characters, so the regex does not backtrack over them. Made on
// first use: V8 parses a Unicode regex when it is created, and most charts never check an email.
let mail: RegExp | undefined;
const MAIL = (): RegExp =>
  (mail ??= new RegExp(`^\\s*(?:${ADDR_SPEC}|(?:${ATOM}|${QUOTED}|\\s)*<${ADDR_SPEC}>)\\s*$`, 'u'));

function mailAddress(s: string): boolean {
  const m = MAIL().exec(s);
  if (m === null) return false;
  const literal = m[1] ?? m[2];
  return literal === undefined || nodeNet().isIP(literal) !== 0;
}

const yes = (ok: boolean): string | undefined => (ok ? undefined : 'invalid');
const DATE_TIME_LAYOUTS = [
  '15:04:05',
  '15:04:05Z07:00',
  '2006-01-02',
  '2006-01-02T15:04:05Z07:00',
  '2006-01-02T15:04:05.999999999Z07:00',
];
const HOSTNAME =
  /^([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9])(\.([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]))*$/;
const UUID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/i;
const JSON_POINTER = /^(?:\/(?:[^~/]|~0|~1)*)*$/u;
const RELATIVE_JSON_POINTER = /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/u;

function goTimeParses(layout: string, value: string): boolean {
  return goTimeProblem(layout, value) === undefined;
}

/** time.Parse's error message, or undefined when the value parses. */
function goTimeProblem(layout: string, value: string): string | undefined {
  try {
    parseTime(layout, value, UTC, UTC);
    return undefined;
  } catch (e) {
    if (e instanceof TimeParseError) return e.message;
    throw e;
  }
}

const noBackslash = (s: string) => !s.includes('\\');

/** The scheme url.Parse finds, or undefined when it fails. */
function goScheme(s: string): string | undefined {
  const u = parseGoURL(s);
  return typeof u === 'string' ? undefined : u.scheme;
}

/**
 * gojsonschema's `^([^{]*({[^}]*})?)*$` without its backtracking: every `{` has a later `}` (anything, `{`
 * included, may come between them).
 */
function bracesPaired(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    if (path[i] !== '{') continue;
    const close = path.indexOf('}', i + 1);
    if (close < 0) return false;
    i = close;
  }
  return true;
}

/** The string's UTF-8 bytes, one character each: the library indexes and measures strings by bytes. */
function goBytes(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

/** strconv.Atoi's value, or undefined where it fails. */
function atoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n === BigInt.asIntN(64, n) ? Number(n) : undefined;
}

/** RFC 3339's full-time (hh:mm:ss[.frac](Z|±hh:mm)), leap seconds only at 23:59 UTC. */
function time(b: string): string | undefined {
  if (b.length < 9) return 'less than 9 characters long';
  if (b[2] !== ':' || b[5] !== ':') return 'missing colon in correct place';
  const hms: number[] = [];
  for (const tok of b.slice(0, 8).split(':')) {
    const i = atoi(tok);
    if (i === undefined) return 'invalid hour/min/sec';
    if (i < 0) return 'non-positive hour/min/sec';
    hms.push(i);
  }
  if (hms.length !== 3) return 'missing hour/min/sec';
  let [h, m] = hms;
  const sec = hms[2];
  if (h > 23 || m > 59 || sec > 60) return 'hour/min/sec out of range';
  let rest = b.slice(8);
  if (rest.startsWith('.')) {
    const digits = /^[0-9]*/.exec(rest.slice(1))![0].length;
    if (digits === 0) return 'no digits in second fraction';
    rest = rest.slice(1 + digits);
  }
  if (rest !== 'z' && rest !== 'Z') {
    if (rest.length !== 6) return 'offset must be 6 characters long';
    if (rest[0] !== '+' && rest[0] !== '-') return 'offset must begin with plus/minus';
    const sign = rest[0] === '+' ? -1 : 1;
    const off = rest.slice(1);
    if (off[2] !== ':') return 'missing colon in offset in correct place';
    const zhm: number[] = [];
    for (const tok of [off.slice(0, 2), off.slice(3)]) {
      const i = atoi(tok);
      if (i === undefined) return 'invalid hour/min in offset';
      if (i < 0) return 'non-positive hour/min in offset';
      zhm.push(i);
    }
    if (zhm[0] > 23 || zhm[1] > 59) return 'hour/min in offset out of range';
    let hm = h * 60 + m + sign * (zhm[0] * 60 + zhm[1]);
    if (hm < 0) hm += 24 * 60;
    h = Math.trunc(hm / 60);
    m = hm % 60;
  }
  if (sec >= 60 && (h !== 23 || m !== 59)) return 'invalid leap second';
  return undefined;
}

function dateTime(b: string): string | undefined {
  if (b.length < 20) return 'less than 20 characters long';
  if (b[10] !== 't' && b[10] !== 'T') return '11th character must be t or T';
  const date = goTimeProblem('2006-01-02', Buffer.from(b.slice(0, 10), 'latin1').toString('utf8'));
  if (date !== undefined) return `invalid date element: ${date}`;
  const t = time(b.slice(11));
  return t === undefined ? undefined : `invalid time element: ${t}`;
}

function jsonPointer(s: string): string | undefined {
  if (s === '') return undefined;
  if (!s.startsWith('/')) return 'not starting with /';
  for (const token of s.split('/').slice(1)) {
    let escaping = false;
    for (const ch of token) {
      if (escaping) {
        escaping = false;
        if (ch !== '0' && ch !== '1') return '~ must be followed by 0 or 1';
        continue;
      }
      if (ch === '~') escaping = true;
      // Every other character is allowed (all but `/`, which splits, and `~`, which escapes).
    }
    if (escaping) return '~ must be followed by 0 or 1';
  }
  return undefined;
}

function relativeJsonPointer(s: string): string | undefined {
  const digits = /^[0-9]*/.exec(s)![0].length;
  if (digits === 0) return 'must start with non-negative integer';
  if (digits > 1 && s.startsWith('0')) return 'starts with zero';
  const rest = s.slice(digits);
  return rest === '#' ? undefined : jsonPointer(rest);
}

function uuid(s: string): string | undefined {
  const lengths = [8, 4, 4, 4, 12];
  const groups = s.split('-');
  if (groups.length !== lengths.length) return `must have ${lengths.length} elements`;
  for (let i = 0; i < groups.length; i++) {
    if (groups[i].length !== lengths[i]) return `element ${i + 1} must be ${lengths[i]} characters long`;
    for (const ch of groups[i]) {
      if (!/[0-9a-fA-F]/.test(ch)) return `non-hex character ${quoteRune(ch.codePointAt(0)!)}`;
    }
  }
  return undefined;
}

/** RFC 3339's duration (appendix A): P, then weeks alone, or date units then T and time units, in order. */
function duration(value: string): string | undefined {
  if (!value.startsWith('P')) return 'must start with P';
  const s = value.slice(1);
  if (s === '') return 'nothing after P';
  if (s.endsWith('W')) {
    const weeks = s.slice(0, -1);
    if (weeks === '') return 'no number in week';
    return /^[0-9]*$/.test(weeks) ? undefined : 'invalid week';
  }
  const allUnits = ['YMD', 'HMS'];
  const parts = s.split('T');
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i];
    if (i !== 0 && part === '') return 'no time elements';
    if (i >= allUnits.length) return 'more than one T';
    let units = allUnits[i];
    while (part !== '') {
      const digits = /^[0-9]*/.exec(part)![0].length;
      if (digits === 0) return 'missing number';
      part = part.slice(digits);
      if (part === '') return 'missing unit';
      const unit = part[0];
      const j = units.indexOf(unit);
      if (j === -1) {
        return allUnits[i].includes(unit)
          ? `unit ${quoteRune(unit.charCodeAt(0))} out of order`
          : `invalid unit ${quoteRune(unit.charCodeAt(0))}`;
      }
      units = units.slice(j + 1);
      part = part.slice(1);
    }
  }
  return undefined;
}

function ipv4(s: string): string | undefined {
  const groups = s.split('.');
  if (groups.length !== 4) return 'expected four decimals';
  for (const g of groups) {
    if (g.length > 1 && g[0] === '0') return 'leading zeros';
    // strconv.Atoi's error for what is not a decimal int (a sign is allowed, and then fails the range).
    if (!/^[+-]?[0-9]+$/.test(g)) return `strconv.Atoi: parsing ${quote(g)}: invalid syntax`;
    const n = BigInt(g);
    if (n !== BigInt.asIntN(64, n)) return `strconv.Atoi: parsing ${quote(g)}: value out of range`;
    if (n < 0n || n > 255n) return 'decimal must be between 0 and 255';
  }
  return undefined;
}

/** netip.ParseAddr decides; its reasons for a malformed address are not ported (bosun says `invalid ipv6`). */
function ipv6(s: string): string | undefined {
  if (!s.includes(':')) return 'missing colon';
  const zone = s.indexOf('%');
  if (!nodeNet().isIPv6(zone < 0 ? s : s.slice(0, zone))) return 'invalid ipv6';
  return zone < 0 ? undefined : 'zone id is not a part of ipv6 address';
}

function hostname(value: string): string | undefined {
  const s = value.endsWith('.') ? value.slice(0, -1) : value;
  if (utf8Length(s) > 253) return 'more than 253 characters long';
  for (const label of s.split('.')) {
    const n = utf8Length(label);
    if (n < 1 || n > 63) return 'label must be 1 to 63 characters long';
    if (label.startsWith('-')) return 'label starts with hyphen';
    if (label.endsWith('-')) return 'label ends with hyphen';
    for (const ch of label) {
      if (!/[a-zA-Z0-9-]/.test(ch)) return `invalid character ${quoteRune(ch.codePointAt(0)!)}`;
    }
  }
  return undefined;
}

const LOCAL_PUNCTUATION = ".!#$%&'*+-/=?^_`{|}~";

function email(s: string): string | undefined {
  if (utf8Length(s) > 254) return 'more than 255 characters long';
  const at = s.lastIndexOf('@');
  if (at === -1) return 'missing @';
  const local = s.slice(0, at);
  let domain = s.slice(at + 1);
  if (utf8Length(local) > 64) return 'local part more than 64 characters long';
  if (local.length > 1 && local.startsWith('"')) {
    const inner = local.slice(1, -1);
    if (inner.includes('\\') || inner.includes('"')) {
      return 'backslash and quote are not allowed within quoted local part';
    }
  } else {
    if (local.startsWith('.')) return 'starts with dot';
    if (local.endsWith('.')) return 'ends with dot';
    if (local.includes('..')) return 'consecutive dots';
    for (const ch of local) {
      if (!/[a-zA-Z0-9]/.test(ch) && !LOCAL_PUNCTUATION.includes(ch)) {
        return `invalid character ${quoteRune(ch.codePointAt(0)!)}`;
      }
    }
  }
  if (domain.startsWith('[') && domain.endsWith(']')) {
    domain = domain.slice(1, -1);
    if (domain.startsWith('IPv6:')) {
      const ip = domain.slice(5);
      if (!ip.includes(':')) return 'invalid ipv6 address: missing colon';
      return nodeNet().isIPv6(ip) && !ip.includes('%') ? undefined : 'invalid ipv6 address';
    }
    const bad = ipv4(domain);
    return bad === undefined ? undefined : `invalid ipv4 address: ${bad}`;
  }
  const bad = hostname(domain);
  return bad === undefined ? undefined : `invalid domain: ${bad}`;
}

/** url.Parse plus the library's own look at an IPv6 host, which url.Parse leaves alone. */
function parse(s: string): GoURL | string {
  const u = parseGoURL(s);
  if (typeof u === 'string') return u;
  const host = urlHostname(u.host);
  if (host.includes(':')) {
    if (!u.host.includes('[') || !u.host.includes(']')) return 'ipv6 address not enclosed in brackets';
    // The library reports net/netip's reason here; bosun says only that the address is not one.
    if (host.includes('%')) return 'invalid ipv6 address: zone id is not a part of ipv6 address';
    if (!nodeNet().isIPv6(host)) return 'invalid ipv6 address';
  }
  return u;
}

/** url.URL.Hostname: the host without its port, and without the brackets of an IPv6 address. */
function urlHostname(hostPort: string): string {
  let host = hostPort;
  const colon = hostPort.lastIndexOf(':');
  if (colon !== -1 && /^:[0-9]*$/.test(hostPort.slice(colon))) host = hostPort.slice(0, colon);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return host;
}

function absoluteURL(s: string): string | undefined {
  const u = parse(s);
  if (typeof u === 'string') return u;
  return u.scheme === '' ? 'relative url' : undefined;
}

function urlReference(s: string): string | undefined {
  if (s.includes('\\')) return 'contains \\';
  const u = parse(s);
  return typeof u === 'string' ? u : undefined;
}

/** Braces must pair, unnested, within each segment of the URL's raw path (empty unless its escaping is unusual). */
function urlTemplate(s: string): string | undefined {
  const u = parse(s);
  if (typeof u === 'string') return u;
  for (const segment of u.rawPath.split('/')) {
    const bad = pathUnescapeProblem(segment);
    if (bad !== undefined) return `percent decode failed: ${bad}`;
    let open = false;
    for (const ch of decodeURIComponentLoose(segment)) {
      if (ch !== '{' && ch !== '}') continue;
      if ((ch === '{') === open) return 'nested curly braces';
      open = !open;
    }
    if (open) return 'no matching closing brace';
  }
  return undefined;
}

/** The braces of a segment after %-decoding (%7B is a brace too); the segment is known to unescape. */
function decodeURIComponentLoose(segment: string): string {
  return segment.replace(/%7[bBdD]/g, (m) => (m[2] === 'b' || m[2] === 'B' ? '{' : '}'));
}
