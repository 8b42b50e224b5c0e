#!/usr/bin/env bash
# Installs every Debian 12 package Tacit needs to build, run and test.
# Idempotent and non-interactive; works as root or through sudo.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang-format
  # Qt 6
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libgl-dev libglx-dev
  # media
  ffmpeg libavformat-dev libavcodec-dev libavutil-dev libswscale-dev
  libopencv-dev opencv-data opencv-doc python3-skimage
  # 3D
  libvtk9-dev
  # storage and formats
  libsqlite3-dev sqlite3 libhdf5-dev hdf5-tools libzstd-dev liblz4-dev zlib1g-dev
  # utilities
  libspdlog-dev libfmt-dev nlohmann-json3-dev libeigen3-dev
  # tests: headless GUI, independent readers
  xvfb xauth libgl1-mesa-dri fonts-dejavu-core python3 python3-h5py python3-numpy poppler-utils
  # run time: a CJK font so the Chinese translation draws characters, not empty boxes
  fonts-wqy-microhei
  nodejs
  # hardening: libFuzzer/ASan/UBSan (clang + compiler-rt), Debian package checks, man pages
  clang libclang-rt-14-dev lintian desktop-file-utils appstream help2man
)
# npm ships inside some nodejs builds (and conflicts with Debian's npm there).
if ! command -v npm >/dev/null 2>&1; then PACKAGES+=(npm); fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all Debian packages present"
fi

# Independent Parquet and Arrow readers used by the export tests (npm registry, pinned).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -f "$ROOT/tests/js/package.json" ] && { [ ! -d "$ROOT/tests/js/node_modules/hyparquet" ] ||
  [ ! -d "$ROOT/tests/js/node_modules/apache-arrow" ]; }; then
  if command -v npm >/dev/null; then
    (cd "$ROOT/tests/js" && npm install --no-audit --no-fund --silent)
  fi
fi
