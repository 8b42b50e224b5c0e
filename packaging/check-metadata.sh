#!/usr/bin/env bash
# The desktop entry, AppStream metadata and MIME type the package installs are valid, and the
# AppStream release is the project version. Usage: check-metadata.sh PACKAGING_DIR VERSION
set -euo pipefail
DIR=$1 VERSION=$2
fail=0
out=$(desktop-file-validate "$DIR/tacit.desktop" 2>&1) || fail=1
[ -z "$out" ] || { echo "desktop-file-validate: $out"; fail=1; }
appstreamcli validate --no-net --explain "$DIR/org.tacit.Tacit.metainfo.xml" || fail=1
latest=$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' "$DIR/org.tacit.Tacit.metainfo.xml" | head -1)
[ "$latest" = "$VERSION" ] || { echo "metainfo: latest release $latest, project version $VERSION"; fail=1; }
grep -q 'MimeType=application/x-tacit-project;' "$DIR/tacit.desktop" &&
  grep -q 'type="application/x-tacit-project"' "$DIR/org.tacit.Tacit.mime.xml" ||
  { echo "desktop entry and MIME package disagree on the project MIME type"; fail=1; }
[ "$fail" -eq 0 ] && echo "packaging metadata: valid"
exit "$fail"
