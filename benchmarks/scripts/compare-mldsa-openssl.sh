#!/usr/bin/env bash
# Side-by-side ML-DSA-65 sign/verify timing: OpenSSL (via Python's cryptography) against NexusZero
# (BenchmarkDotNet, short job), printing ours/OpenSSL ratios. Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec python3 benchmarks/scripts/compare_mldsa_openssl.py --repo . "$@"
