#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster if it is installed and down. Idempotent; never stops anything.
set -euo pipefail
command -v pg_lsclusters >/dev/null || exit 1
ver=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
[ -n "$ver" ] || exit 1
if ! pg_ctlcluster "$ver" main status >/dev/null 2>&1; then
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 1; done
exit 1
