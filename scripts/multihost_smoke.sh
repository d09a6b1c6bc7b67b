#!/usr/bin/env bash
# The site on several app hosts, tried on this machine: a throwaway PostgreSQL,
# two Redis (the "default" and the "pages" cache), two gunicorn instances
# (production settings) sharing one MEDIA_ROOT, a task worker, and nginx as a
# round-robin load balancer in front of both. Checks that a page published
# through one host is fresh on the other, that a session and its TOTP state
# cross hosts, that an upload through one is downloaded through the other,
# that rate limits count across both, and that the worker runs what a host
# queued (the checks are listed in scripts/multihost_smoke.py).
#
#   scripts/multihost_smoke.sh   # exit 0: all checks passed; 1: one failed;
#                                # 77: nginx, redis-server or PostgreSQL missing
#
# Everything it starts is stopped on exit (`make nginx` installs what it needs).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-$(pwd)/.venv/bin/python}
exec "$PY" scripts/multihost_smoke.py "$@"
