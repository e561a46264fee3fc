#!/usr/bin/env bash
# Two dashboard processes (serve.py, as `make run` serves) behind nginx (bench/nginx.conf) on loopback: http://127.0.0.1:8650
# Needs Debian's nginx (apt-get install nginx-light). Stops everything on Ctrl-C.
# Environment passes through (TURNOVER_DATA_DIR, TURNOVER_TIMING_LOG, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PREFIX=bench/output/nginx
mkdir -p "$PREFIX/tmp"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait; }
trap cleanup EXIT INT TERM
for port in 8651 8652; do
  "$PY" -m streamlit run serve.py --server.port "$port" --server.headless true --server.fileWatcherType none &
  pids+=($!)
done
nginx -p "$PWD/$PREFIX" -c "$PWD/bench/nginx.conf" -e "$PWD/$PREFIX/error.log" &
pids+=($!)
echo "serving on http://127.0.0.1:8650 (apps on 8651, 8652); Ctrl-C stops"
wait
