#!/usr/bin/env bash
# Oracles for tests/NexusZero.Lattice.Tests: @noble/post-quantum (npm, pinned by package-lock.json)
# and Python's `cryptography` with ML-DSA (OpenSSL). Idempotent; installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
oracle=tests/NexusZero.Lattice.Tests/oracle

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -d "$oracle/node_modules/@noble/post-quantum" ]; then
  (cd "$oracle" && npm ci --no-audit --no-fund --silent)
fi

if ! python3 -c "from cryptography.hazmat.primitives.asymmetric import mldsa" >/dev/null 2>&1; then
  if ! command -v pip3 >/dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y -qq python3-pip >/dev/null
  fi
  pip3 install --quiet "cryptography>=48" || pip3 install --quiet --break-system-packages "cryptography>=48"
fi
