// Go's reference-time layouts (`2006-01-02T15:04:05Z07:00`): splitting a layout into literal text and
// elements, exactly as time.Format and time.Parse recognise them. Layouts are few and reused, so each is
// split once and cached.

export enum Std {
  None = 0,
  LongMonth, // January
  Month, // Jan
  NumMonth, // 1
  ZeroMonth, // 01
  LongWeekDay, // Monday
  WeekDay, // Mon
  Day, // 2
  UnderDay, // _2
  ZeroDay, // 02
  UnderYearDay, // __2
  ZeroYearDay, // 002
  Hour, // 15
  Hour12, // 3
  ZeroHour12, // 03
  Minute, // 4
  ZeroMinute, // 04
  Second, // 5
  ZeroSecond, // 05
  LongYear, // 2006
  Year, // 06
  PM, // PM
  pm, // pm
  TZ, // MST
  ISO8601TZ, // Z0700
  ISO8601SecondsTZ, // Z070000
  ISO8601ShortTZ, // Z07
  ISO8601ColonTZ, // Z07:00
  ISO8601ColonSecondsTZ, // Z07:00:00
  NumTZ, // -0700
  NumSecondsTz, // -070000
  NumShortTZ, // -07
  NumColonTZ, // -07:00
  NumColonSecondsTZ, // -07:00:00
  FracSecond0, // .000 (trailing zeros kept)
  FracSecond9, // .999 (trailing zeros dropped)
}

export interface Chunk {
  /** Literal text before the element. */
  readonly prefix: string;
  readonly std: Std;
  /** The element as written in the layout (`2006`, `.000`), for parse errors. */
  readonly text: string;
  /** Fractional-second digits (FracSecond0/9), which Go keeps modulo 4096. */
  readonly digits: number;
  /** Fractional-second separator, `.` or `,`. */
  readonly sep: string;
}

const ZERO_X: Std[] = [Std.ZeroMonth, Std.ZeroDay, Std.ZeroHour12, Std.ZeroMinute, Std.ZeroSecond, Std.Year];

function lowerAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 97 && c <= 122;
}

function digitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

interface Found {
  at: number;
  end: number;
  std: Std;
  /** The literal prefix ends at `prefixEnd` (differs from `at` only for `_2006`, whose `_` is literal). */
  prefixEnd: number;
}

/** The first element at or after `from`, or undefined. */
function nextElement(layout: string, from: number): Found | undefined {
  const n = layout.length;
  const at = (i: number, len: number, std: Std): Found => ({ at: i, end: i + len, std, prefixEnd: i });
  for (let i = from; i < n; i++) {
    switch (layout[i]) {
      case 'J':
        if (layout.startsWith('Jan', i)) {
          if (layout.startsWith('January', i)) return at(i, 7, Std.LongMonth);
          if (!lowerAt(layout, i + 3)) return at(i, 3, Std.Month);
        }
        break;
      case 'M':
        if (layout.startsWith('Mon', i)) {
          if (layout.startsWith('Monday', i)) return at(i, 6, Std.LongWeekDay);
          if (!lowerAt(layout, i + 3)) return at(i, 3, Std.WeekDay);
        }
        if (layout.startsWith('MST', i)) return at(i, 3, Std.TZ);
        break;
      case '0': {
        const c = layout.charCodeAt(i + 1);
        if (c >= 49 && c <= 54) return at(i, 2, ZERO_X[c - 49]);
        if (layout[i + 1] === '0' && layout[i + 2] === '2') return at(i, 3, Std.ZeroYearDay);
        break;
      }
      case '1':
        if (layout[i + 1] === '5') return at(i, 2, Std.Hour);
        return at(i, 1, Std.NumMonth);
      case '2':
        if (layout.startsWith('2006', i)) return at(i, 4, Std.LongYear);
        return at(i, 1, Std.Day);
      case '_':
        if (layout[i + 1] === '2') {
          // `_2006` is a literal underscore and the long year.
          if (layout.startsWith('2006', i + 1)) return { at: i + 1, end: i + 5, std: Std.LongYear, prefixEnd: i + 1 };
          return at(i, 2, Std.UnderDay);
        }
        if (layout[i + 1] === '_' && layout[i + 2] === '2') return at(i, 3, Std.UnderYearDay);
        break;
      case '3':
        return at(i, 1, Std.Hour12);
      case '4':
        return at(i, 1, Std.Minute);
      case '5':
        return at(i, 1, Std.Second);
      case 'P':
        if (layout[i + 1] === 'M') return at(i, 2, Std.PM);
        break;
      case 'p':
        if (layout[i + 1] === 'm') return at(i, 2, Std.pm);
        break;
      case '-':
        if (layout.startsWith('-070000', i)) return at(i, 7, Std.NumSecondsTz);
        if (layout.startsWith('-07:00:00', i)) return at(i, 9, Std.NumColonSecondsTZ);
        if (layout.startsWith('-0700', i)) return at(i, 5, Std.NumTZ);
        if (layout.startsWith('-07:00', i)) return at(i, 6, Std.NumColonTZ);
        if (layout.startsWith('-07', i)) return at(i, 3, Std.NumShortTZ);
        break;
      case 'Z':
        if (layout.startsWith('Z070000', i)) return at(i, 7, Std.ISO8601SecondsTZ);
        if (layout.startsWith('Z07:00:00', i)) return at(i, 9, Std.ISO8601ColonSecondsTZ);
        if (layout.startsWith('Z0700', i)) return at(i, 5, Std.ISO8601TZ);
        if (layout.startsWith('Z07:00', i)) return at(i, 6, Std.ISO8601ColonTZ);
        if (layout.startsWith('Z07', i)) return at(i, 3, Std.ISO8601ShortTZ);
        break;
      case '.':
      case ',': {
        const ch = layout[i + 1];
        if (ch === '0' || ch === '9') {
          let j = i + 1;
          while (j < n && layout[j] === ch) j++;
          // Only a run of 0s or 9s not followed by another digit is a fractional second.
          if (!digitAt(layout, j)) return at(i, j - i, ch === '0' ? Std.FracSecond0 : Std.FracSecond9);
        }
        break;
      }
    }
  }
  return undefined;
}

const cache = new Map<string, readonly Chunk[]>();

/** The layout as chunks; a final chunk with Std.None carries trailing literal text. */
export function splitLayout(layout: string): readonly Chunk[] {
  let chunks = cache.get(layout);
  if (chunks !== undefined) return chunks;
  const out: Chunk[] = [];
  let pos = 0;
  while (pos < layout.length) {
    const f = nextElement(layout, pos);
    if (f === undefined) {
      out.push({ prefix: layout.slice(pos), std: Std.None, text: '', digits: 0, sep: '.' });
      break;
    }
    const text = layout.slice(f.at, f.end);
    const frac = f.std === Std.FracSecond0 || f.std === Std.FracSecond9;
    out.push({
      prefix: layout.slice(pos, f.prefixEnd),
      std: f.std,
      text,
      digits: frac ? (text.length - 1) & 0xfff : 0,
      sep: frac ? text[0] : '.',
    });
    pos = f.end;
  }
  chunks = out;
  if (cache.size > 256) cache.clear();
  cache.set(layout, chunks);
  return chunks;
}
