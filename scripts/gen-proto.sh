#!/usr/bin/env bash
# Generates the protobufjs static code for agent/api/*.proto into agent/api/gen/ (committed, never
# edited by hand). `--check` regenerates into a temp dir and fails if the committed code drifted.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
out=agent/api/gen
if [ "${1:-}" = "--check" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out"
pbjs -t static-module -w es6 --es6 --no-beautify --keep-case -o "$out/sluice.js" agent/api/sluice.proto
# protobufjs/minimal is CommonJS: Node ESM sees it as a default export, resolved by its file name.
sed -i -e 's#import \* as \$protobuf from "protobufjs/minimal"#import $protobuf from "protobufjs/minimal.js"#' "$out/sluice.js"
pbts --no-comments -o "$out/sluice.d.ts" "$out/sluice.js"
if [ "${1:-}" = "--check" ]; then
  for f in sluice.js sluice.d.ts; do
    if ! diff -q "$out/$f" "agent/api/gen/$f" >/dev/null; then
      echo "gen-proto: agent/api/gen/$f is out of date with agent/api/sluice.proto: run scripts/gen-proto.sh and commit" >&2
      exit 1
    fi
  done
  echo "gen-proto: generated code matches agent/api/sluice.proto"
fi
