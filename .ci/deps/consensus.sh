#!/usr/bin/env bash
# Consensus tests cross-check encodings and signatures against pyca/cryptography (tests/NexusZero.Consensus.Tests/Vectors).
set -euo pipefail
if python3 -c 'import cryptography.hazmat.primitives.asymmetric.ec' >/dev/null 2>&1; then
  exit 0
fi
apt-get update -qq
apt-get install -y -qq python3 python3-cryptography >/dev/null
