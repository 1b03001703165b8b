#!/usr/bin/env bash
# Browser tests: node:test files under tests/e2e/ driving Debian's Chromium
# through playwright-core; screenshots land in tests/artifacts/.
exec "$(dirname "$0")/node-test.sh" "${THIDUA_LABEL:-e2e}" tests/e2e/ 1
