#!/usr/bin/env bash
# `make run`: create or migrate ./var (with the demo data set, idempotent),
# print the demo accounts, then serve on :8080.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${THIDUA_DATA:-./var}
PORT=${PORT:-8080}
echo
build/thidua init --data-dir "$DATA" --sample
echo
echo "  Mở trình duyệt: http://localhost:$PORT/   (Ctrl+C để dừng)"
echo "  Dữ liệu: $DATA/thidua.db"
echo
exec build/thidua serve --data-dir "$DATA" --port "$PORT"
