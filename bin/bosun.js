#!/usr/bin/env node
// `node bin/bosun.js ...`: the same CLI as bin/bosun, for platforms without a POSIX shell. bin/bosun.cjs does the
// work; bin/bosun starts it faster (see there).
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./bosun.cjs');
