#!/usr/bin/env bash
# models/scenarios/make-calibrated.sh [MUTU] - regenerate the calibrated
# companions of the shipped scenarios (*-calibrated.ini) from the bundled
# synthetic year (datasets/logs/synthetic-2025.csv), ingested with its
# resource column as the actor so staff can be counted.  Run from the
# repository root; the store is a temporary synthetic-2025.db there (the
# name the files' first comment gives), removed afterwards.
set -euo pipefail
mutu=${1:-build/mutu}
db=synthetic-2025.db
trap 'rm -f "$db" "$db-wal" "$db-shm" "$db-journal"' EXIT
rm -f "$db"
"$mutu" ingest datasets/logs/synthetic-2025.csv --db "$db" --resource-col resource --quiet
cal() { # NAME SOP...
	local name=$1 args=()
	shift
	for s in "$@"; do args+=(--sop "$s"); done
	"$mutu" calibrate --db "$db" "${args[@]}" -o "models/scenarios/$name-calibrated.ini" --force >/dev/null
}
cal banjarbaru izin-pengumpulan-uang-barang tanda-daftar-lks-lksa izin-penyelenggaraan-kegiatan-belajar-mengajar
cal rokan-hilir izin-insidentil
cal sicantik perizinan-sicantik-cloud
