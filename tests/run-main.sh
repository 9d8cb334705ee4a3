#!/usr/bin/env bash
# tests/run-main.sh MUTU - the main job behind `make run`, on the bundled data.
set -euo pipefail
mutu=${1:-build/mutu}
echo "== mutu model check models/*.ini"
"$mutu" model check models/*.ini
echo
echo "== mutu calendar between 2025-03-28T10:00+08:00 2025-04-09T10:00+08:00 --calendar id-wita"
"$mutu" calendar between 2025-03-28T10:00+08:00 2025-04-09T10:00+08:00 --calendar id-wita
