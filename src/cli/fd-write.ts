// The CLI's stdout and stderr: synchronous writes to file descriptors 1 and 2. process.stdout would load Node's
// stream stack (and, for a pipe, its socket machinery), ~5 ms of a run in which helm renders a small chart; a
// CLI that writes its result once gains nothing from streams. Writes are complete when they return, so exiting
// right after loses nothing.
import { writeSync } from 'node:fs';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const broken = new Set<number>();

/** Whether a reader went away: helm (Go) then dies of SIGPIPE, which a shell reports as status 141. */
export function brokenPipe(): boolean {
  return broken.size > 0;
}

/** Writes all of `s` to `fd`, waiting while a non-blocking pipe is full; a closed reader ends output quietly. */
export function writeFd(fd: number, s: string): void {
  if (s === '' || broken.has(fd)) return;
  const buf = Buffer.from(s, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(sleeper, 0, 0, 1); // the reader is behind: give it a millisecond
        continue;
      }
      // `bosun template ... | head`: the reader has gone, as a Go program would see on SIGPIPE.
      if (code === 'EPIPE') {
        broken.add(fd);
        return;
      }
      throw e;
    }
  }
}
