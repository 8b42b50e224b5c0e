#!/usr/bin/env bash
# The whole test suite built with AddressSanitizer + UndefinedBehaviorSanitizer, in its own tree
# (./build-sanitize, never mixed with ./build). Any sanitizer report aborts the process that made it,
# so a report is a failing test. Extra arguments go to ctest (e.g. -R test_cli).
# Also reached as `scripts/test.sh --sanitize`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TACIT_BUILD_DIR="${TACIT_SANITIZE_BUILD_DIR:-$ROOT/build-sanitize}"
export TACIT_CMAKE_ARGS="-DTACIT_SANITIZE=ON -DTACIT_TEST_TIMEOUT_SCALE=${TACIT_TEST_TIMEOUT_SCALE:-4} ${TACIT_CMAKE_ARGS:-}"
SUPP="$ROOT/scripts/sanitizers"
# Child processes (tacit-cli started by the tests) inherit these.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=0:check_initialization_order=1:print_suppressions=0"
export LSAN_OPTIONS="suppressions=$SUPP/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$SUPP/ubsan.supp"
start=$(date +%s)
status=0
"$ROOT/scripts/test.sh" "$@" || status=$?
echo "sanitize: ASan+UBSan suite finished in $(( $(date +%s) - start ))s (build + tests), exit $status"
exit "$status"
