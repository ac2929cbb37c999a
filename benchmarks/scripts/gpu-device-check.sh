#!/usr/bin/env bash
# The GPU device check of the compute seam (issue 17), one short run on a machine with a CUDA device:
#   1. builds the ILGPU backend and its tests;
#   2. runs every kernel test on the CUDA accelerator (NEXUSZERO_TEST_ACCELERATOR=cuda: bit-identical to the CPU paths,
#      the fallback and policy tests included); a missing device fails the run instead of skipping;
#   3. times each kernel against the CPU path on the same machine (G1 MSM 2^10 … 2^maxLog, Fr NTT, batches of lattice
#      NTTs up to 4096, and a Groth16 prove of 2^groth16Log constraints), printing the speed-ups and the measured
#      crossover sizes to put into ComputeOptions.MsmThreshold / NttThreshold.
# Usage: benchmarks/scripts/gpu-device-check.sh [maxLog=20] [groth16Log=16]
# Needs the .NET SDK and the NuGet packages restored (run `dotnet restore NexusZero.sln` first on a machine offline).
set -euo pipefail
max_log="${1:-20}"
groth16_log="${2:-16}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || echo "nvidia-smi not found"
dotnet build tests/NexusZero.Accelerators.Ilgpu.Tests -c Release -v quiet -nologo
echo "== kernel tests on the CUDA accelerator"
NEXUSZERO_TEST_ACCELERATOR=cuda dotnet test tests/NexusZero.Accelerators.Ilgpu.Tests -c Release --no-build -nologo
echo "== compute seam overhead on the CPU (direct call vs through the seam)"
dotnet run -c Release benchmarks/scripts/gpu-kernel-timer.cs -- seam
echo "== kernels on the GPU vs the CPU path"
dotnet run -c Release benchmarks/scripts/gpu-kernel-timer.cs -- cuda "$max_log" "$groth16_log"
