#!/usr/bin/env bash
# Builds build/sluice-cni: one executable that runs on a host without Node.js — the plugin bundled
# by esbuild into one script, embedded as a Node single executable application into a copy of the
# project's Node.js 24 binary.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
mkdir -p build/cni
esbuild cni/main.ts --bundle --platform=node --target=node24 --format=cjs --log-level=warning \
  --outfile=build/cni/sluice-cni.cjs
cat > build/cni/sea-config.json <<JSON
{ "main": "build/cni/sluice-cni.cjs", "output": "build/cni/sea-prep.blob",
  "disableExperimentalSEAWarning": true, "useCodeCache": true }
JSON
node --experimental-sea-config build/cni/sea-config.json >/dev/null
tmp=build/cni/sluice-cni.tmp
cp "$(readlink -f node_modules/.bin/node)" "$tmp"
chmod u+w "$tmp"
postject "$tmp" NODE_SEA_BLOB build/cni/sea-prep.blob \
  --sentinel-fuse NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2 >/dev/null
mv "$tmp" build/sluice-cni
