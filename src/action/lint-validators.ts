// The string checks helm lint borrows from asaskevich/govalidator (IsEmail, IsURL, IsRequestURL), with the parts
// of Go's net/url they rely on: url.Parse and url.ParseRequestURI accept or refuse exactly as Go does for the
// cases that decide these checks (control characters, schemes, authority, ports, percent escapes, host chars).

// govalidator's patterns (patterns.go), in JavaScript syntax: `\x{...}` → `\u{...}`, RE2's ASCII `\s`/`\S`.
const NSP = '[^\\t\\n\\f\\r ]';
const U = '\\u{00A0}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFEF}';
const EMAIL = new RegExp(
  "^(((([a-zA-Z]|\\d|[!#\\$%&'\\*\\+\\-\\/=\\?\\^_`{\\|}~]|[" +
    U +
    "])+(\\.([a-zA-Z]|\\d|[!#\\$%&'\\*\\+\\-\\/=\\?\\^_`{\\|}~]|[" +
    U +
    '])+)*)|((\\x22)((((\\x20|\\x09)*(\\x0d\\x0a))?(\\x20|\\x09)+)?(([\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]|\\x21|[\\x23-\\x5b]|[\\x5d-\\x7e]|[' +
    U +
    '])|(\\([\\x01-\\x09\\x0b\\x0c\\x0d-\\x7f]|[' +
    U +
    ']))))*(((\\x20|\\x09)*(\\x0d\\x0a))?(\\x20|\\x09)+)?(\\x22)))@((([a-zA-Z]|\\d|[' +
    U +
    '])|(([a-zA-Z]|\\d|[' +
    U +
    '])([a-zA-Z]|\\d|-|\\.|_|~|[' +
    U +
    '])*([a-zA-Z]|\\d|[' +
    U +
    '])))\\.)+(([a-zA-Z]|[' +
    U +
    '])|(([a-zA-Z]|[' +
    U +
    '])([a-zA-Z]|\\d|-|_|~|[' +
    U +
    '])*([a-zA-Z]|[' +
    U +
    '])))\\.?$',
  'u',
);

const IP =
  '(([0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:)|fe80:(:[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}|::(ffff(:0{1,4}){0,1}:){0,1}((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])|([0-9a-fA-F]{1,4}:){1,4}:((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9]))';
const URL_SCHEMA = '((ftp|tcp|udp|wss?|https?):\\/\\/)';
const URL_USERNAME = `(${NSP}+(:${NSP}*)?@)`;
const URL_PATH = `((\\/|\\?|#)[^\\t\\n\\f\\r ]*)`;
const URL_PORT = '(:(\\d{1,5}))';
const URL_IP =
  '([1-9]\\d?|1\\d\\d|2[01]\\d|22[0-3]|24\\d|25[0-5])(\\.(\\d{1,2}|1\\d\\d|2[0-4]\\d|25[0-5])){2}(?:\\.([0-9]\\d?|1\\d\\d|2[0-4]\\d|25[0-5]))';
const URL_SUBDOMAIN = '((www\\.)|([a-zA-Z0-9]+([-_\\.]?[a-zA-Z0-9])*[a-zA-Z0-9]\\.[a-zA-Z0-9]+))';
const URL_RE = new RegExp(
  `^${URL_SCHEMA}?${URL_USERNAME}?((${URL_IP}|(\\[${IP}\\])|(([a-zA-Z0-9]([a-zA-Z0-9-_]+)?[a-zA-Z0-9]([-\\.][a-zA-Z0-9]+)*)|(${URL_SUBDOMAIN}?))?(([a-zA-Z\\u{00a1}-\\u{ffff}0-9]+-?-?)*[a-zA-Z\\u{00a1}-\\u{ffff}0-9]+)(?:\\.([a-zA-Z\\u{00a1}-\\u{ffff}]{1,}))?))\\.?${URL_PORT}?${URL_PATH}?$`,
  'u',
);

/** govalidator.IsEmail. */
export function isEmail(s: string): boolean {
  return EMAIL.test(s);
}

/** govalidator.IsURL. */
export function isURL(str: string): boolean {
  const runes = [...str].length;
  if (str === '' || runes >= 2083 || utf8Length(str) <= 3 || str.startsWith('.')) return false;
  let tmp = str;
  if (str.includes(':') && !str.includes('://')) tmp = `http://${str}`;
  const u = goParseURL(tmp, false);
  if (u === undefined) return false;
  if (u.host.startsWith('.')) return false;
  if (u.host === '' && u.path !== '' && !u.path.includes('.')) return false;
  return URL_RE.test(str);
}

/** govalidator.IsRequestURL: url.ParseRequestURI succeeds and yields a scheme. */
export function isRequestURL(raw: string): boolean {
  const u = goParseURL(raw, true);
  return u !== undefined && u.scheme !== '';
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

interface GoURL {
  scheme: string;
  host: string;
  path: string;
}

/** Go's url.Parse (viaRequest false) or url.ParseRequestURI (true); undefined where Go returns an error. */
export function goParseURL(raw: string, viaRequest: boolean): GoURL | undefined {
  let rest = raw;
  if (!viaRequest) {
    const hash = raw.indexOf('#');
    if (hash >= 0) {
      if (!validEscapes(raw.slice(hash + 1), 'fragment')) return undefined;
      rest = raw.slice(0, hash);
    }
  }
  // Control bytes are refused anywhere (before the fragment is cut off for Parse: Go checks the part it parses).
  if (/[\x00-\x1f\x7f]/.test(rest)) return undefined;
  if (rest === '' && viaRequest) return undefined;
  if (rest === '*') return { scheme: '', host: '', path: '*' };
  const s = getScheme(rest);
  if (s === undefined) return undefined;
  const scheme = s.scheme.toLowerCase();
  rest = s.rest;
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) rest = rest.slice(0, -1);
  else {
    const q = rest.indexOf('?');
    if (q >= 0) rest = rest.slice(0, q);
  }
  if (!rest.startsWith('/')) {
    if (scheme !== '') return { scheme, host: '', path: '' };
    if (viaRequest) return undefined;
    const slash = rest.indexOf('/');
    const segment = slash < 0 ? rest : rest.slice(0, slash);
    if (segment.includes(':')) return undefined;
  }
  let host = '';
  if ((scheme !== '' || (!viaRequest && !rest.startsWith('///'))) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    }
    const h = parseAuthority(authority);
    if (h === undefined) return undefined;
    host = h;
  }
  if (!validEscapes(rest, 'path')) return undefined;
  return { scheme, host, path: rest };
}

function getScheme(raw: string): { scheme: string; rest: string } | undefined {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c >= '0' && c <= '9') || c === '+' || c === '-' || c === '.') {
      if (i === 0) return { scheme: '', rest: raw };
      continue;
    }
    if (c === ':') {
      if (i === 0) return undefined; // missing protocol scheme
      return { scheme: raw.slice(0, i), rest: raw.slice(i + 1) };
    }
    return { scheme: '', rest: raw };
  }
  return { scheme: '', rest: raw };
}

const USERINFO_OK = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;

function parseAuthority(authority: string): string | undefined {
  const at = authority.lastIndexOf('@');
  const host = parseHost(at < 0 ? authority : authority.slice(at + 1));
  if (host === undefined) return undefined;
  if (at < 0) return host;
  const userinfo = authority.slice(0, at);
  if (!USERINFO_OK.test(userinfo)) return undefined;
  if (!validEscapes(userinfo, 'user')) return undefined;
  return host;
}

function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (port[0] !== ':') return false;
  return /^[0-9]*$/.test(port.slice(1));
}

function parseHost(host: string): string | undefined {
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0) return undefined;
    if (!validOptionalPort(host.slice(close + 1))) return undefined;
    const zone = host.slice(0, close).indexOf('%25');
    if (zone >= 0) {
      if (!validEscapes(host.slice(0, zone), 'host')) return undefined;
      if (!validEscapes(host.slice(zone, close), 'zone')) return undefined;
      if (!validEscapes(host.slice(close), 'host')) return undefined;
      return host;
    }
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0 && !validOptionalPort(host.slice(colon))) return undefined;
  }
  return validEscapes(host, 'host') ? host : undefined;
}

const HOST_SPECIALS = '!$&\'()*+,;=:[]<>"-_.~';

/** Go's unescape: whether it would return an error for this mode. */
function validEscapes(s: string, mode: 'path' | 'fragment' | 'user' | 'host' | 'zone'): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '%') {
      if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) return false;
      if (mode === 'host' && Number.parseInt(s[i + 1], 16) < 8 && s.slice(i, i + 3) !== '%25') return false;
      if (mode === 'zone') {
        const v = Number.parseInt(s.slice(i + 1, i + 3), 16);
        if (s.slice(i, i + 3) !== '%25' && v !== 0x20 && shouldEscapeHost(String.fromCharCode(v))) return false;
      }
      i += 2;
      continue;
    }
    if ((mode === 'host' || mode === 'zone') && c.charCodeAt(0) < 0x80 && shouldEscapeHost(c)) return false;
  }
  return true;
}

function shouldEscapeHost(c: string): boolean {
  if (/^[A-Za-z0-9]$/.test(c)) return false;
  return !HOST_SPECIALS.includes(c);
}

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}
