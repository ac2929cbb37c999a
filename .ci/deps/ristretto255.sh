#!/usr/bin/env bash
# libsodium (libsodium.so.23) is the independent ristretto255 implementation the tests cross-check against.
set -euo pipefail
if ldconfig -p | grep -q 'libsodium\.so\.23'; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libsodium23
