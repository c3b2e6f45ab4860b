// Go's *time.Location: UTC, fixed zones (from parsed offsets), IANA zones (offsets from Node's Intl, which
// carries the tz database), and Local (the injected FuncEnv.localZone, named "Local" as Go names it).

import { daysFromCivil } from './time-calendar.ts';
import { zoneAbbrs } from './time-zone-abbrs.ts';

export interface ZoneAt {
  /** The abbreviation Go prints for `MST`: `EST`, `CEST`, `+04`, or "" for an unnamed fixed zone. */
  readonly abbr: string;
  /** Seconds east of UTC. */
  readonly offset: number;
}

export interface Location {
  /** Location.String(): `UTC`, `Local`, `America/New_York`, or a fixed zone's name. */
  readonly name: string;
  lookup(unixSec: number): ZoneAt;
  /** The offset of a zone abbreviation in effect around `unixSec`, as time.Parse resolves `MST` elements. */
  lookupName(abbr: string, unixSec: number): number | undefined;
}

const UTC_ZONE: ZoneAt = { abbr: 'UTC', offset: 0 };

export const UTC: Location = {
  name: 'UTC',
  lookup: () => UTC_ZONE,
  lookupName: (abbr) => (abbr === 'UTC' ? 0 : undefined),
};

/** time.FixedZone: always `offset`, printed as `name`. */
export function fixedZone(name: string, offset: number): Location {
  const zone: ZoneAt = { abbr: name, offset };
  return { name, lookup: () => zone, lookupName: (abbr) => (abbr === name ? offset : undefined) };
}

/** tzdata's numeric abbreviation for zones without a name: `+04`, `-0330`. */
function numericAbbr(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const hh = h < 10 ? `0${h}` : `${h}`;
  if (m === 0) return sign + hh;
  return sign + hh + (m < 10 ? `0${m}` : `${m}`);
}

// JavaScript dates cover ±8.64e15 ms; Go times outside that are clamped for the offset lookup only.
const MAX_SEC = 8.64e12;

class IanaZone implements Location {
  private readonly format: Intl.DateTimeFormat;
  private lastSec = Number.NaN;
  private last: ZoneAt = UTC_ZONE;
  private readonly buckets = new Map<number, number>();

  constructor(
    readonly name: string,
    private readonly tz: string,
  ) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  private offsetAt(unixSec: number): number {
    const sec = Math.max(-MAX_SEC, Math.min(MAX_SEC, unixSec));
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const p of this.format.formatToParts(sec * 1000)) {
      switch (p.type) {
        case 'year':
          year = Number(p.value);
          break;
        case 'month':
          month = Number(p.value);
          break;
        case 'day':
          day = Number(p.value);
          break;
        case 'hour':
          hour = Number(p.value);
          break;
        case 'minute':
          minute = Number(p.value);
          break;
        case 'second':
          second = Number(p.value);
          break;
        case 'era':
          bc = p.value === 'BC' || p.value === 'B';
          break;
      }
    }
    if (bc) year = 1 - year;
    const wall = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
    return wall - sec;
  }

  /**
   * The offset at `unixSec`. Intl is slow, so offsets are cached per quarter hour, when the quarter hour's two
   * ends agree (tz transitions since the 19th century fall on quarter hours; older ones are looked up exactly).
   */
  private offsetCached(unixSec: number): number {
    const bucket = Math.floor(unixSec / 900);
    const cached = this.buckets.get(bucket);
    if (cached !== undefined) return cached;
    const offset = this.offsetAt(unixSec);
    if (this.offsetAt(bucket * 900) === offset && this.offsetAt(bucket * 900 + 899) === offset) {
      if (this.buckets.size >= 256) this.buckets.clear();
      this.buckets.set(bucket, offset);
    }
    return offset;
  }

  lookup(unixSec: number): ZoneAt {
    if (unixSec === this.lastSec) return this.last;
    const offset = this.offsetCached(unixSec);
    const abbrs = zoneAbbrs(this.tz);
    let abbr: string;
    if (abbrs !== undefined && offset === abbrs.stdOffset) abbr = abbrs.std;
    else if (abbrs?.dst !== undefined && offset === abbrs.dstOffset) abbr = abbrs.dst;
    else abbr = numericAbbr(offset);
    this.lastSec = unixSec;
    this.last = { abbr, offset };
    return this.last;
  }

  lookupName(abbr: string, unixSec: number): number | undefined {
    const abbrs = zoneAbbrs(this.tz);
    const candidates: number[] = [];
    if (abbrs?.std === abbr) candidates.push(abbrs.stdOffset);
    if (abbrs?.dst === abbr && abbrs.dstOffset !== undefined) candidates.push(abbrs.dstOffset);
    // Like Go: prefer the zone that is in effect at that wall time, else the first zone of that name.
    for (const off of candidates) if (this.lookup(unixSec - off).abbr === abbr) return off;
    return candidates[0];
  }
}

// Zones that are UTC or GMT at every instant need no Intl lookups (containers run with Local = UTC).
const FIXED_NAMES: ReadonlyMap<string, string> = new Map([
  ...['UTC', 'Etc/UTC', 'Etc/UCT', 'UCT', 'Universal', 'Etc/Universal', 'Zulu', 'Etc/Zulu'].map(
    (n) => [n, 'UTC'] as const,
  ),
  ...[
    'GMT',
    'Etc/GMT',
    'GMT0',
    'GMT+0',
    'GMT-0',
    'Etc/GMT0',
    'Etc/GMT+0',
    'Etc/GMT-0',
    'Greenwich',
    'Etc/Greenwich',
  ].map((n) => [n, 'GMT'] as const),
]);

const zones = new Map<string, Location | null>();

// Go reads zones from files, so names are case-sensitive and path-like; Intl is laxer on both counts.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

function ianaZone(name: string, displayName: string): Location | null {
  const key = `${displayName}\u0000${name}`;
  let z = zones.get(key);
  if (z !== undefined) return z;
  z = null;
  const fixedAbbr = FIXED_NAMES.get(name);
  if (fixedAbbr !== undefined) {
    const zone: ZoneAt = fixedAbbr === 'UTC' ? UTC_ZONE : { abbr: fixedAbbr, offset: 0 };
    z = { name: displayName, lookup: () => zone, lookupName: (abbr) => (abbr === fixedAbbr ? 0 : undefined) };
  } else if (ZONE_NAME.test(name) && !name.includes('..')) {
    try {
      const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
      // Intl folds case (`america/new_york`); a case-sensitive file lookup would not find that.
      if (resolved === name || resolved.toLowerCase() !== name.toLowerCase()) z = new IanaZone(displayName, name);
    } catch {
      z = null;
    }
  }
  zones.set(key, z);
  return z;
}

/**
 * Go's time.LoadLocation: "" and "UTC" are UTC, "Local" is the local zone, anything else an IANA name.
 * Returns undefined where Go returns an error (unknown zone).
 */
export function loadLocation(name: string, local: Location): Location | undefined {
  if (name === '' || name === 'UTC') return UTC;
  if (name === 'Local') return local;
  return ianaZone(name, name) ?? undefined;
}

/** Go's time.Local for a zone name such as FuncEnv.localZone (`UTC` in containers). */
export function localLocation(zone: string): Location {
  return ianaZone(zone === '' ? 'UTC' : zone, 'Local') ?? fixedZone('UTC', 0);
}
