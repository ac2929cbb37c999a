#!/usr/bin/env python3
"""Times ML-DSA-65 sign and verify of OpenSSL (through Python's `cryptography`) and of NexusZero
(BenchmarkDotNet, MLDsa65ComparisonBenchmarks) in one run and prints ours/OpenSSL ratios.

OpenSSL is timed before and after the BenchmarkDotNet run and the two medians are averaged, so a
change in machine load during the run shows up as a spread between them (printed too).
Usage: compare_mldsa_openssl.py [--repo DIR] [--seconds S]
"""

import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

try:
    from cryptography.hazmat.primitives.asymmetric import mldsa
except ImportError as error:
    sys.exit(f"python cryptography with ML-DSA support is required: {error}")

MESSAGE = bytes(32)


def time_per_call(function, seconds):
    """Median per-call time in microseconds over five batches sized to take `seconds` in total."""
    calls = 1
    while True:
        start = time.perf_counter()
        for _ in range(calls):
            function()
        elapsed = time.perf_counter() - start
        if elapsed > 0.05:
            break
        calls *= 2
    batch = max(1, int(calls * (seconds / 5) / elapsed))
    samples = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(batch):
            function()
        samples.append((time.perf_counter() - start) / batch * 1e6)
    return statistics.median(samples)


def time_openssl(seconds):
    key = mldsa.MLDSA65PrivateKey.from_seed_bytes(bytes(32))
    public_key = key.public_key()
    signature = key.sign(MESSAGE)
    return {
        "Sign": time_per_call(lambda: key.sign(MESSAGE), seconds),
        "Verify": time_per_call(lambda: public_key.verify(signature, MESSAGE), seconds),
    }


def time_nexuszero(repo):
    artifacts = tempfile.mkdtemp(prefix="nz-mldsa-bench-")
    command = [
        "dotnet", "run", "-c", "Release", "--project", os.path.join(repo, "benchmarks", "NexusZero.Benchmarks"), "--",
        "--filter", "*MLDsa65ComparisonBenchmarks*", "--job", "short", "--inProcess", "--exporters", "json", "--artifacts", artifacts,
    ]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    reports = glob.glob(os.path.join(artifacts, "results", "*MLDsa65ComparisonBenchmarks*.json"))
    if not reports:
        sys.exit(f"no BenchmarkDotNet JSON report under {artifacts}/results")
    with open(reports[0], encoding="utf-8") as handle:
        report = json.load(handle)
    results = {b["Method"]: b["Statistics"]["Median"] / 1000.0 for b in report["Benchmarks"] if b["Statistics"]}
    if set(results) != {"Sign", "Verify"}:
        sys.exit(f"BenchmarkDotNet produced no results for {sorted({'Sign', 'Verify'} - set(results))}; see the log in {artifacts}")
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    parser.add_argument("--seconds", type=float, default=3.0)
    arguments = parser.parse_args()

    before = time_openssl(arguments.seconds)
    ours = time_nexuszero(arguments.repo)
    after = time_openssl(arguments.seconds)

    print("ML-DSA-65, 32-byte message, empty context, hedged signing (median per operation)")
    print(f"{'operation':<10}{'OpenSSL µs':>14}{'(before/after)':>20}{'NexusZero µs':>15}{'ratio ours/OpenSSL':>21}")
    worst = 0.0
    for operation in ("Sign", "Verify"):
        openssl = (before[operation] + after[operation]) / 2
        ratio = ours[operation] / openssl
        worst = max(worst, ratio)
        spread = f"{before[operation]:.1f}/{after[operation]:.1f}"
        print(f"{operation:<10}{openssl:>14.1f}{spread:>20}{ours[operation]:>15.1f}{ratio:>21.2f}")
    print(f"target ratio <= 1.00: {'met' if worst <= 1.0 else 'NOT met'}")


if __name__ == "__main__":
    main()
