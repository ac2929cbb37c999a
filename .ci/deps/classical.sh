#!/usr/bin/env bash
# Classical proofs: the tests cross-check secp256k1 against @noble/curves run by Node.js.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
fi
oracle=tests/NexusZero.Classical.Tests/oracle
if [ ! -d "$oracle/node_modules/@noble/curves" ]; then
  (cd "$oracle" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
