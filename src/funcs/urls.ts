// Sprig's urlParse and urlJoin, over our own reading of Go's net/url (Parse, URL.String, the escaping rules).

import { quote } from '../template/strconv.ts';
import { GoError, type GoFunc, type GoMap, goFunc, kindOf, T, type Value } from '../template/value.ts';
import { fromUtf8, isAscii, utf8Bytes } from './gostrings.ts';
import { NIL_DEREF } from './reflection.ts';

type Mode = 'path' | 'host' | 'zone' | 'user' | 'query' | 'fragment';

class UrlError extends Error {}

function shouldEscape(c: number, mode: Mode): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) return false;
  const ch = String.fromCharCode(c);
  if ((mode === 'host' || mode === 'zone') && `!$&'()*+,;=:[]<>"`.includes(ch)) return false;
  if ('-_.~'.includes(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) {
    switch (mode) {
      case 'path':
        return c === 0x3f;
      case 'user':
        return ch === '@' || ch === '/' || ch === '?' || ch === ':';
      case 'query':
        return true;
      case 'fragment':
        return false;
    }
  }
  if (mode === 'fragment' && '!()*'.includes(ch)) return false;
  return true;
}

const HEX = '0123456789ABCDEF';

function urlEscape(s: string, mode: Mode): string {
  const b = isAscii(s) ? null : utf8Bytes(s);
  const n = b ? b.length : s.length;
  let out = '';
  for (let i = 0; i < n; i++) {
    const c = b ? b[i] : s.charCodeAt(i);
    if (c === 0x20 && mode === 'query') out += '+';
    else if (shouldEscape(c, mode)) out += `%${HEX[c >> 4]}${HEX[c & 15]}`;
    else out += String.fromCharCode(c);
  }
  return out;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

function unhex(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10;
}

/** net/url's unescape; throws UrlError with Go's message for bad escapes and bad host characters. */
function urlUnescape(s: string, mode: Mode): string {
  const b = utf8Bytes(s);
  let n = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c === 0x25) {
      n++;
      if (i + 2 >= b.length || !isHex(b[i + 1]) || !isHex(b[i + 2])) {
        throw new UrlError(`invalid URL escape ${quote(fromUtf8(b.subarray(i, i + 3)))}`);
      }
      const esc = fromUtf8(b.subarray(i, i + 3));
      if (mode === 'host' && unhex(b[i + 1]) < 8 && esc !== '%25')
        throw new UrlError(`invalid URL escape ${quote(esc)}`);
      if (mode === 'zone') {
        const v = (unhex(b[i + 1]) << 4) | unhex(b[i + 2]);
        if (esc !== '%25' && v !== 0x20 && shouldEscape(v, 'host'))
          throw new UrlError(`invalid URL escape ${quote(esc)}`);
      }
      i += 3;
    } else {
      if ((mode === 'host' || mode === 'zone') && c < 0x80 && shouldEscape(c, mode)) {
        throw new UrlError(`invalid character ${quote(String.fromCharCode(c))} in host name`);
      }
      i++;
    }
  }
  if (n === 0) return s;
  const out = new Uint8Array(b.length - 2 * n);
  let j = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x25) {
      out[j++] = (unhex(b[i + 1]) << 4) | unhex(b[i + 2]);
      i += 2;
    } else out[j++] = b[i];
  }
  return fromUtf8(out);
}

interface Userinfo {
  username: string;
  password?: string;
}

export interface GoURL {
  scheme: string;
  opaque: string;
  user?: Userinfo;
  host: string;
  path: string;
  rawPath: string;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
}

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new UrlError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${quote(colonPort)} after host`);
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) {
      return (
        urlUnescape(host.slice(0, zone), 'host') +
        urlUnescape(host.slice(zone, i), 'zone') +
        urlUnescape(host.slice(i), 'host')
      );
    }
  } else {
    const i = host.lastIndexOf(':');
    if (i !== -1) {
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${quote(colonPort)} after host`);
    }
  }
  return urlUnescape(host, 'host');
}

const USERINFO = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;

function parseAuthority(authority: string): { user?: Userinfo; host: string } {
  const i = authority.lastIndexOf('@');
  const host = parseHost(i < 0 ? authority : authority.slice(i + 1));
  if (i < 0) return { host };
  const userinfo = authority.slice(0, i);
  if (!USERINFO.test(userinfo)) throw new UrlError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  if (colon < 0) return { user: { username: urlUnescape(userinfo, 'user') }, host };
  return {
    user: {
      username: urlUnescape(userinfo.slice(0, colon), 'user'),
      password: urlUnescape(userinfo.slice(colon + 1), 'user'),
    },
    host,
  };
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) continue;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === 0x3a) {
      if (i === 0) throw new UrlError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

/** net/url's parse: url.Parse after the fragment is cut off (viaRequest false), or url.ParseRequestURI. */
function parseNoFragment(raw: string, viaRequest = false): GoURL {
  const u: GoURL = {
    scheme: '',
    opaque: '',
    host: '',
    path: '',
    rawPath: '',
    forceQuery: false,
    rawQuery: '',
    fragment: '',
    rawFragment: '',
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) throw new UrlError('net/url: invalid control character in URL');
  }
  if (raw === '' && viaRequest) throw new UrlError('empty url');
  if (raw === '*') {
    u.path = '*';
    return u;
  }
  let [scheme, rest] = getScheme(raw);
  u.scheme = scheme.toLowerCase();
  const q = rest.indexOf('?');
  if (rest.endsWith('?') && q === rest.length - 1) {
    u.forceQuery = true;
    rest = rest.slice(0, -1);
  } else if (q >= 0) {
    u.rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith('/')) {
    if (u.scheme !== '') {
      u.opaque = rest;
      return u;
    }
    if (viaRequest) throw new UrlError('invalid URI for request');
    const slash = rest.indexOf('/');
    if ((slash < 0 ? rest : rest.slice(0, slash)).includes(':')) {
      throw new UrlError('first path segment in URL cannot contain colon');
    }
  }
  if ((u.scheme !== '' || (!viaRequest && !rest.startsWith('///'))) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const i = authority.indexOf('/');
    if (i >= 0) {
      rest = authority.slice(i);
      authority = authority.slice(0, i);
    }
    const a = parseAuthority(authority);
    u.user = a.user;
    u.host = a.host;
  }
  u.path = urlUnescape(rest, 'path');
  u.rawPath = urlEscape(u.path, 'path') === rest ? '' : rest;
  return u;
}

/** url.Parse; the error message is Go's `parse "<url>": <reason>`. */
function parseURL(raw: string): GoURL {
  const hash = raw.indexOf('#');
  const head = hash < 0 ? raw : raw.slice(0, hash);
  let u: GoURL;
  try {
    u = parseNoFragment(head);
  } catch (e) {
    if (e instanceof UrlError) throw new UrlError(`parse ${quote(head)}: ${e.message}`);
    throw e;
  }
  if (hash < 0) return u;
  const frag = raw.slice(hash + 1);
  if (frag === '') return u;
  try {
    u.fragment = urlUnescape(frag, 'fragment');
  } catch (e) {
    if (e instanceof UrlError) throw new UrlError(`parse ${quote(raw)}: ${e.message}`);
    throw e;
  }
  u.rawFragment = urlEscape(u.fragment, 'fragment') === frag ? '' : frag;
  return u;
}

/** Go's url.Parse error for a string (`parse "<url>": <reason>`), or undefined when it parses. */
export function urlParseProblem(raw: string): string | undefined {
  try {
    parseURL(raw);
    return undefined;
  } catch (e) {
    if (e instanceof UrlError) return e.message;
    throw e;
  }
}

/** url.Parse: the URL, or Go's error message (`parse "<url>": <reason>`). */
export function parseGoURL(raw: string): GoURL | string {
  try {
    return parseURL(raw);
  } catch (e) {
    if (e instanceof UrlError) return e.message;
    throw e;
  }
}

/** url.PathUnescape's error message for a path segment, or undefined when it unescapes. */
export function pathUnescapeProblem(segment: string): string | undefined {
  try {
    urlUnescape(segment, 'path');
    return undefined;
  } catch (e) {
    if (e instanceof UrlError) return e.message;
    throw e;
  }
}

/** url.Parse (viaRequest false) or url.ParseRequestURI (true) as a check: undefined where Go returns an error. */
export function tryParseURL(raw: string, viaRequest: boolean): GoURL | undefined {
  try {
    return viaRequest ? parseNoFragment(raw, true) : parseURL(raw);
  } catch (e) {
    if (e instanceof UrlError) return undefined;
    throw e;
  }
}

function validEncoded(s: string, mode: Mode): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (`!$&'()*+,;=:@[]%`.includes(s[i])) continue;
    if (c >= 0x80 || shouldEscape(c, mode)) return false;
  }
  return true;
}

function escapedRaw(raw: string, decoded: string, mode: Mode): string {
  if (raw !== '' && validEncoded(raw, mode)) {
    try {
      if (urlUnescape(raw, mode) === decoded) return raw;
    } catch {
      // fall through to re-escaping
    }
  }
  if (mode === 'path' && decoded === '*') return '*';
  return urlEscape(decoded, mode);
}

function userString(u: Userinfo): string {
  let s = urlEscape(u.username, 'user');
  if (u.password !== undefined) s += `:${urlEscape(u.password, 'user')}`;
  return s;
}

/** URL.String. */
function urlString(u: GoURL): string {
  let buf = '';
  if (u.scheme !== '') buf += `${u.scheme}:`;
  if (u.opaque !== '') buf += u.opaque;
  else {
    if (u.scheme !== '' || u.host !== '' || u.user) {
      if (u.host !== '' || u.path !== '' || u.user) buf += '//';
      if (u.user) buf += `${userString(u.user)}@`;
      if (u.host !== '') buf += urlEscape(u.host, 'host');
    }
    const path = escapedRaw(u.rawPath, u.path, 'path');
    if (path !== '' && path[0] !== '/' && u.host !== '') buf += '/';
    if (buf === '') {
      const slash = path.indexOf('/');
      if ((slash < 0 ? path : path.slice(0, slash)).includes(':')) buf += './';
    }
    buf += path;
  }
  if (u.forceQuery || u.rawQuery !== '') buf += `?${u.rawQuery}`;
  if (u.fragment !== '') buf += `#${escapedRaw(u.rawFragment, u.fragment, 'fragment')}`;
  return buf;
}

function splitHostPort(hostPort: string): string {
  let host = hostPort;
  const colon = host.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(host.slice(colon))) host = host.slice(0, colon);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return host;
}

function urlParse(v: Value): Value {
  let u: GoURL;
  try {
    u = parseURL(v as string);
  } catch (e) {
    if (e instanceof UrlError) throw new GoError(`unable to parse url: ${e.message}`);
    throw e;
  }
  return new Map<string, Value>([
    ['scheme', u.scheme],
    ['host', u.host],
    ['hostname', splitHostPort(u.host)],
    ['path', u.path],
    ['query', u.rawQuery],
    ['opaque', u.opaque],
    ['fragment', u.fragment],
    ['userinfo', u.user ? userString(u.user) : ''],
  ]);
}

function field(d: GoMap, key: string): string {
  if (!d.has(key)) return '';
  const v = d.get(key);
  if (v === undefined || v === null) throw new GoError(NIL_DEREF);
  if (typeof v !== 'string') {
    throw new GoError(`unable to parse ${key} key, must be of type string, but ${kindOf(v)} found`);
  }
  return v;
}

function urlJoin(dv: Value): Value {
  const d = dv instanceof Map ? dv : new Map<string, Value>();
  const u: GoURL = {
    scheme: field(d, 'scheme'),
    host: field(d, 'host'),
    path: field(d, 'path'),
    rawQuery: field(d, 'query'),
    opaque: field(d, 'opaque'),
    fragment: field(d, 'fragment'),
    rawPath: '',
    rawFragment: '',
    forceQuery: false,
  };
  const userinfo = field(d, 'userinfo');
  if (userinfo !== '') {
    try {
      u.user = parseURL(`proto://${userinfo}@host`).user;
    } catch (e) {
      if (e instanceof UrlError) throw new GoError(`unable to parse userinfo in dict: ${e.message}`);
      throw e;
    }
  }
  return urlString(u);
}

export function urlFuncs(): GoFunc[] {
  return [goFunc('urlParse', [T.string], urlParse), goFunc('urlJoin', [T.anyMap], urlJoin)];
}
