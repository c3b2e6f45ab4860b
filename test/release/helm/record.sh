#!/bin/sh
# Records what the real helm 4 prints for the release commands of scenario.ts (through the API server double of
# test/fixtures/release over a local backend) into actions.json. Run from anywhere.
set -eu
cd "$(dirname "$0")"
HELM="${BOSUN_ORACLE_DIR:-$HOME/.cache/bosun-oracle}/helm4"
ROOT="$(cd ../../.. && pwd)"
BUNDLE="$(mktemp -d)/record.mjs"
"$ROOT/node_modules/.bin/esbuild" record.ts --bundle --platform=node --format=esm --log-level=error \
  --banner:js="import {createRequire as __cr} from 'module';const require=__cr(import.meta.url);" --outfile="$BUNDLE"
node "$BUNDLE" "$PWD" "$ROOT" "$HELM"
rm -rf "$(dirname "$BUNDLE")"
