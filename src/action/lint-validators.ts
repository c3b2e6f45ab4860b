// The string checks helm lint borrows from asaskevich/govalidator (IsEmail, IsURL, IsRequestURL), over Go's
// url.Parse and url.ParseRequestURI as funcs/urls.ts reads them.

import { tryParseURL } from '../funcs/urls.ts';
import { byteLength } from '../template/gostring.ts';

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
  if (str === '' || runes >= 2083 || byteLength(str) <= 3 || str.startsWith('.')) return false;
  let tmp = str;
  if (str.includes(':') && !str.includes('://')) tmp = `http://${str}`;
  const u = tryParseURL(tmp, false);
  if (u === undefined) return false;
  if (u.host.startsWith('.')) return false;
  if (u.host === '' && u.path !== '' && !u.path.includes('.')) return false;
  return URL_RE.test(str);
}

/** govalidator.IsRequestURL: url.ParseRequestURI succeeds and yields a scheme. */
export function isRequestURL(raw: string): boolean {
  const u = tryParseURL(raw, true);
  return u !== undefined && u.scheme !== '';
}
