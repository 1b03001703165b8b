#!/usr/bin/env bash
# API tests: node:test files under tests/api/, each starting its own server
# on a free loopback port. THIDUA_TEST_PG_URL switches them to PostgreSQL.
exec "$(dirname "$0")/node-test.sh" "${THIDUA_LABEL:-api}" tests/api/ 2
