#!/usr/bin/env bash
# Installs the Debian packages ofe needs, only those that are missing.
# find_package(ns3) on Debian needs `ns3` (a binary its CMake export names) and
# `libgsl-dev` besides `libns3-dev`.
set -euo pipefail

packages=(
  build-essential cmake
  libns3-dev ns3 libgsl-dev
  libboost-graph-dev libfmt-dev libyaml-cpp-dev nlohmann-json3-dev libcli11-dev
  googletest libgtest-dev libbenchmark-dev
)
# Optional tools that some tests use to check outputs as a user would (render
# DOT, read pcap, render HTML); tests skip their part when a tool is absent.
if [ "${OFE_WITH_TOOLS:-1}" = "1" ]; then
  packages+=(graphviz tshark chromium)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
