#!/usr/bin/env bash
# HTTP consensus round on loopback, n = 4 ValidatorNode processes (started and killed by the benchmark).
# Usage: benchmarks/scripts/consensus-http-round.sh [extra BenchmarkDotNet args]
# Runs in-process (BenchmarkDotNet InProcess toolchain) so a busy machine cannot time out the boilerplate build.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build samples/NexusZero.ValidatorNode -c Release -v quiet -nologo
export NEXUSZERO_VALIDATOR_NODE="$PWD/samples/NexusZero.ValidatorNode/bin/Release/net10.0/NexusZero.ValidatorNode.dll"
dotnet run -c Release --project benchmarks/NexusZero.Benchmarks -- --filter '*HttpRoundBenchmarks*' --job short --inProcess "$@"
