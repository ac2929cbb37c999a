#!/usr/bin/env bash
# Oracles for the compression tests: the reference lz4 tool (frame interop) and xxhsum (xxHash32).
set -euo pipefail
missing=()
command -v lz4 >/dev/null 2>&1 || missing+=(lz4)
command -v xxhsum >/dev/null 2>&1 || missing+=(xxhash)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
