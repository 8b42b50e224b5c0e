#!/usr/bin/env bash
# Writes a gzip -9n man page for a Tacit executable from its --help and --version (help2man), run by
# the build (packaging/CMakeLists.txt). For tacit-cli, every command's own --help becomes a
# COMMANDS section. Usage: manpage.sh BIN_DIR PROGRAM "one-line description" OUT.1.gz
set -euo pipefail
BIN_DIR=$1 PROGRAM=$2 DESCRIPTION=$3 OUT=$4
# Run by name from PATH so the usage lines say "tacit-cli", not the build folder's path.
export PATH="$BIN_DIR:$PATH" QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANGUAGE=
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# Text as troff: escape backslashes and lines that start with a control character.
troff_text() { sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"; }
{
  echo "[SEE ALSO]"
  if [ "$PROGRAM" = tacit ]; then echo ".BR tacit\-cli (1)"; else echo ".BR tacit (1)"; fi
  echo "[FILES]"
  echo ".TP"
  echo ".I ~/.local/state/tacit/$PROGRAM.log"
  echo "Rotating log (\$XDG_STATE_HOME/tacit when set); \\fB\\-\\-verbose\\fR also prints debug messages on stderr."
  if [ "$PROGRAM" = tacit-cli ]; then
    echo "[EXIT STATUS]"
    echo "0 success, 1 bad data (one line on stderr naming the file and the problem), 2 usage error."
    echo "[COMMANDS]"
    "$PROGRAM" --help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' | while read -r command; do
      echo ".SS $command"
      echo ".nf"
      "$PROGRAM" "$command" --help 2>&1 | troff_text || true
      echo ".fi"
    done
  fi
} > "$WORK/include.h2m"
help2man --no-info --section 1 --name "$DESCRIPTION" --include "$WORK/include.h2m" \
  --output "$WORK/page.1" "$PROGRAM"
gzip -9n -c "$WORK/page.1" > "$OUT"
