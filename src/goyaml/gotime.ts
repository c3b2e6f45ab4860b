// A Go time.Time, as fromToml returns it: enough of the type for printing (%v uses String()), toJson
// (MarshalJSON: RFC 3339 with nanoseconds) and toToml (which keeps TOML's local date/time kinds).

import { GoOpaque, type Value } from '../template/value.ts';

/** Which TOML value a time came from: its location in BurntSushi/toml (datetime-local, date-local, time-local). */
export type TimeKind = 'offset' | 'local-datetime' | 'local-date' | 'local-time';

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export class GoTime extends GoOpaque {
  readonly goTypeName = 'time.Time';

  /**
   * @param wall the wall-clock fields in the time's own zone
   * @param offset seconds east of UTC
   * @param zone the zone name Go prints (`UTC`, `datetime-local`, or '' for a fabricated offset zone)
   */
  constructor(
    readonly wall: {
      year: number;
      month: number;
      day: number;
      hour: number;
      minute: number;
      second: number;
      nanos: number;
    },
    readonly offset: number,
    readonly zone: string,
    readonly kind: TimeKind,
  ) {
    super();
  }

  private date(): string {
    const w = this.wall;
    return `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}`;
  }

  /** Seconds and the `.999999999` fraction (trailing zeros dropped). */
  private clock(): string {
    const w = this.wall;
    let s = `${pad(w.hour, 2)}:${pad(w.minute, 2)}:${pad(w.second, 2)}`;
    if (w.nanos > 0) s += '.' + pad(w.nanos, 9).replace(/0+$/, '');
    return s;
  }

  private offsetText(colon: boolean): string {
    const sign = this.offset < 0 ? '-' : '+';
    const a = Math.abs(this.offset);
    return `${sign}${pad(Math.floor(a / 3600), 2)}${colon ? ':' : ''}${pad(Math.floor(a / 60) % 60, 2)}`;
  }

  /** time.Time.String(): `2006-01-02 15:04:05.999999999 -0700 MST`. */
  override goString(): string {
    const name = this.zone === '' ? this.offsetText(false) : this.zone;
    return `${this.date()} ${this.clock()} ${this.offsetText(false)} ${name}`;
  }

  /** Format(time.RFC3339Nano). */
  rfc3339Nano(): string {
    return `${this.date()}T${this.clock()}${this.offset === 0 ? 'Z' : this.offsetText(true)}`;
  }

  /** BurntSushi/toml's encoding: local kinds keep their TOML form. */
  tomlText(): string {
    switch (this.kind) {
      case 'local-datetime':
        return `${this.date()}T${this.clock()}`;
      case 'local-date':
        return this.date();
      case 'local-time':
        return this.clock();
      default:
        return this.rfc3339Nano();
    }
  }

  /** MarshalJSON: the RFC 3339 text. */
  override jsonValue(): Value {
    return this.rfc3339Nano();
  }
}
