#!/usr/bin/env bash
# Issue #13: the hand-written LZ4 block compressors (fast, high) against K4os.Compression.LZ4 1.3.8 on
# the three corpora of compare-lz4.sh (text, random, proofs), in one run, alternating rounds; prints
# MB/s and K4os / hand-written ratios (above 1: K4os faster). Usage: compare-lz4-engines.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release benchmarks/NexusZero.Benchmarks > /tmp/compare-lz4-engines.build.log 2>&1 || { tail -20 /tmp/compare-lz4-engines.build.log >&2; exit 1; }
echo "machine: $(nproc) cores; $(lscpu | grep 'Model name' | sed 's/ \+/ /g')"
dotnet run -c Release --no-build --project benchmarks/NexusZero.Benchmarks -- lz4-engines "${1:-15}"
