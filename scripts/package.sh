#!/usr/bin/env bash
# Builds the Debian package from its own tree (./build-package: -O2 -g like Debian's own builds,
# binaries stripped into the package, debug symbols in tacit-dbgsym), then checks it: lintian
# (0 errors, 0 warnings), desktop-file-validate and appstreamcli on the installed files, and prints
# the package and installed sizes.
#   scripts/package.sh              build + check
#   scripts/package.sh --install    also dpkg -i it, run /usr/bin/tacit-cli sample S and
#                                   /usr/bin/tacit --screenshot S.png S (xvfb-run), then remove it
#                                   again (--keep leaves it installed). Needs root.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${TACIT_PACKAGE_BUILD_DIR:-$ROOT/build-package}"
INSTALL=0 KEEP=0
for a in "$@"; do
  case "$a" in
  --install) INSTALL=1 ;;
  --keep) KEEP=1 ;;
  *) echo "usage: scripts/package.sh [--install [--keep]]" >&2; exit 2 ;;
  esac
done
"$ROOT/scripts/install-deps.sh"
# RelWithDebInfo (-O2 -g): the compile commands match the normal ./build, so ccache shares the
# objects; CPack strips the binaries and moves the symbols into the -dbgsym .ddeb.
TACIT_BUILD_DIR="$BUILD" TACIT_BUILD_TYPE="${TACIT_PACKAGE_BUILD_TYPE:-RelWithDebInfo}" \
  TACIT_CMAKE_ARGS="-DTACIT_BUILD_TESTS=OFF -DCMAKE_INSTALL_PREFIX=/usr ${TACIT_CMAKE_ARGS:-}" \
  "$ROOT/scripts/build.sh"
rm -f "$BUILD"/tacit*.deb "$BUILD"/tacit*.ddeb
(cd "$BUILD" && cpack -G DEB > cpack.log 2>&1) || { cat "$BUILD/cpack.log"; exit 1; }
DEB=$(ls "$BUILD"/tacit_*.deb)
echo "package: $DEB"

fail=0
# Pedantic and info tags are listed for the record; errors and warnings fail.
lintian -I --pedantic --tag-display-limit 0 "$DEB" | tee "$BUILD/lintian.log" || true
if grep -qE '^[EW]: ' "$BUILD/lintian.log"; then
  echo "package: lintian reports errors or warnings" >&2
  fail=1
fi
echo "lintian: $(grep -c '^E: ' "$BUILD/lintian.log" || true) errors, $(grep -c '^W: ' "$BUILD/lintian.log" || true) warnings"

EXTRACT="$BUILD/deb-contents"
rm -rf "$EXTRACT"
dpkg-deb -x "$DEB" "$EXTRACT"
desktop-file-validate "$EXTRACT/usr/share/applications/org.tacit.Tacit.desktop" && echo "desktop-file-validate: ok" || fail=1
appstreamcli validate --no-net "$EXTRACT/usr/share/metainfo/org.tacit.Tacit.metainfo.xml" || fail=1
for f in usr/bin/tacit usr/bin/tacit-cli usr/share/man/man1/tacit.1.gz usr/share/man/man1/tacit-cli.1.gz \
  usr/share/doc/tacit/copyright usr/share/doc/tacit/changelog.Debian.gz; do
  [ -e "$EXTRACT/$f" ] || { echo "package: missing /$f" >&2; fail=1; }
done
if file "$EXTRACT/usr/bin/tacit" "$EXTRACT/usr/bin/tacit-cli" | grep -q 'not stripped'; then
  echo "package: binaries are not stripped" >&2
  fail=1
fi
# The translations are compiled into the binary (:/i18n; rcc stores the names as UTF-16BE).
for qm in tacit_de.qm tacit_zh_CN.qm; do
  strings -eb "$EXTRACT/usr/bin/tacit" | grep -qx "$qm" || { echo "package: $qm is not in tacit" >&2; fail=1; }
done
echo "size: $(du -h "$DEB" | cut -f1) package ($(stat -c %s "$DEB") bytes), $(dpkg-deb -f "$DEB" Installed-Size) KiB installed"
for d in "$BUILD"/tacit-dbgsym_*.ddeb; do [ -e "$d" ] && echo "debug symbols: $(basename "$d") $(du -h "$d" | cut -f1)"; done
echo "Depends: $(dpkg-deb -f "$DEB" Depends)"
echo "Recommends: $(dpkg-deb -f "$DEB" Recommends)"

if [ "$INSTALL" -eq 1 ] && [ "$fail" -eq 0 ]; then
  dpkg -i "$DEB"
  T=$(mktemp -d)
  (cd "$T" && /usr/bin/tacit-cli sample S --duration 3 && [ -f S/recording.json ]) || fail=1
  (cd "$T" && xvfb-run -a -s "-screen 0 1920x1080x24" /usr/bin/tacit --screenshot S.png S && [ -s S.png ]) || fail=1
  [ "$fail" -eq 0 ] && echo "installed package: tacit-cli sample and tacit --screenshot work ($(stat -c %s "$T/S.png") byte PNG)"
  man -l /usr/share/man/man1/tacit-cli.1.gz > /dev/null 2>&1 && man -w tacit tacit-cli > /dev/null && echo "man pages: found by man"
  rm -rf "$T"
  [ "$KEEP" -eq 1 ] || dpkg -r tacit > /dev/null
fi
[ "$fail" -eq 0 ] && echo "package: all checks passed"
exit "$fail"
