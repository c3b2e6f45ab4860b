// Sprig's date functions: now, date, dateInZone, htmlDate, htmlDateInZone, dateModify, mustDateModify,
// duration, durationRound, toDate, mustToDate, unixEpoch, ago (and the snake_case aliases Sprig keeps).

import { scanGoInt } from '../template/strconv-parse.ts';
import { GoError, type GoFunc, GoInt, goFunc, T, type Value } from '../template/value.ts';
import type { FuncEnv } from './env.ts';
import { formatDuration, HOUR, MINUTE, parseDuration, roundDuration, SECOND } from './time-duration.ts';
import { parseTime } from './time-parse.ts';
import { GoTime, TIME_PARAM } from './time-value.ts';
import { type Location, loadLocation, localLocation, UTC } from './time-zone.ts';

const DAY = 24n * HOUR;

function durationRoundText(d: bigint): string {
  const u = d < 0n ? -d : d;
  const units: [bigint, string][] = [
    [365n * DAY, 'y'],
    [30n * DAY, 'mo'],
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'm'],
    [SECOND, 's'],
  ];
  for (const [size, suffix] of units) if (u > size) return `${u / size}${suffix}`;
  return '0s';
}

export function dateFuncs(env: FuncEnv): GoFunc[] {
  let local: Location | undefined;
  const localLoc = () => (local ??= localLocation(env.localZone));
  // Go's monotonic readings count from process start; here from when the function map was made.
  const start = env.nowNanos();
  const now = (): GoTime => {
    const ns = env.nowNanos();
    return GoTime.fromUnixNanos(ns, localLoc(), ns - start, localLoc());
  };
  const unix = (sec: bigint): GoTime => new GoTime(Number(sec), 0, localLoc(), undefined, localLoc());

  /** The `date interface{}` argument of dateInZone: a time, or Unix seconds as int, int32 or int64. */
  const timeOf = (v: Value, int32ok: boolean): GoTime => {
    if (v instanceof GoTime) return v;
    if (v instanceof GoInt && (v.kind === 'int' || v.kind === 'int64' || (int32ok && v.kind === 'int32'))) {
      return unix(v.value);
    }
    return now();
  };

  const dateInZone = (layout: string, date: Value, zone: string): string => {
    const loc = loadLocation(zone, localLoc()) ?? UTC;
    return timeOf(date, true).withLoc(loc).format(layout);
  };

  const dateModify = (layout: Value, date: Value): Value => {
    try {
      return (date as GoTime).add(parseDuration(layout as string));
    } catch {
      return date;
    }
  };
  const mustDateModify = (layout: Value, date: Value): Value => {
    try {
      return (date as GoTime).add(parseDuration(layout as string));
    } catch (e) {
      throw new GoError((e as Error).message);
    }
  };

  const toDate = (layout: Value, s: Value): Value => {
    try {
      return parseTime(layout as string, s as string, localLoc(), localLoc()).withLocal(localLoc());
    } catch {
      return GoTime.zero().withLocal(localLoc());
    }
  };
  const mustToDate = (layout: Value, s: Value): Value => {
    try {
      return parseTime(layout as string, s as string, localLoc(), localLoc()).withLocal(localLoc());
    } catch (e) {
      throw new GoError((e as Error).message);
    }
  };

  return [
    goFunc('now', [], now),
    goFunc('date', [T.string, T.any], (f, d) => dateInZone(f as string, d, 'Local')),
    goFunc('dateInZone', [T.string, T.any, T.string], (f, d, z) => dateInZone(f as string, d, z as string)),
    goFunc('date_in_zone', [T.string, T.any, T.string], (f, d, z) => dateInZone(f as string, d, z as string)),
    goFunc('htmlDate', [T.any], (d) => dateInZone('2006-01-02', d, 'Local')),
    goFunc('htmlDateInZone', [T.any, T.string], (d, z) => dateInZone('2006-01-02', d, z as string)),
    goFunc('dateModify', [T.string, TIME_PARAM], dateModify),
    goFunc('date_modify', [T.string, TIME_PARAM], dateModify),
    goFunc('mustDateModify', [T.string, TIME_PARAM], mustDateModify),
    goFunc('must_date_modify', [T.string, TIME_PARAM], mustDateModify),
    goFunc('ago', [T.any], (d) => formatDuration(roundDuration(now().sub(timeOf(d, false)), SECOND))),
    goFunc('duration', [T.any], (sec) => {
      let n = 0n;
      // strconv.ParseInt(s, 10, 64) with the error ignored: 0 on bad syntax, the clamp on overflow.
      if (typeof sec === 'string') n = scanGoInt(sec, 10).value;
      else if (sec instanceof GoInt && sec.kind === 'int64') n = sec.value;
      return formatDuration(BigInt.asIntN(64, n * SECOND));
    }),
    goFunc('durationRound', [T.any], (v) => {
      let d = 0n;
      if (typeof v === 'string') {
        try {
          d = parseDuration(v);
        } catch {
          d = 0n;
        }
      } else if (v instanceof GoInt && v.kind === 'int64') d = v.value;
      else if (v instanceof GoTime) d = now().sub(v);
      return durationRoundText(d);
    }),
    goFunc('toDate', [T.string, T.string], toDate),
    goFunc('mustToDate', [T.string, T.string], mustToDate),
    goFunc('unixEpoch', [TIME_PARAM], (t) => String((t as GoTime).sec)),
  ];
}
