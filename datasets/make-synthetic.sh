#!/usr/bin/env bash
# datasets/make-synthetic.sh [MUTU] [OUT] - regenerate datasets/logs/synthetic-2025.csv:
# one simulated year (2025) of the five seed SOPs, as the simulator's
# --emit-log writes it (canonical ingest form), from the shipped scenarios:
#   banjarbaru.ini   izin-pengumpulan-uang-barang, tanda-daftar-lks-lksa,
#                    izin-penyelenggaraan-kegiatan-belajar-mengajar (WITA)
#   rokan-hilir.ini  izin-insidentil (WIB)
#   sicantik.ini     perizinan-sicantik-cloud (WIB, online 24x7 arrivals)
# Replication 1 with each scenario's own seed, so the file is reproducible to
# the byte (tests/cli/test_datasets.sh checks that).  Case ids carry the
# scenario (sim-banjarbaru-000001, ...).  Arrival rates and variability are the
# scenarios' written assumptions, not office data.
set -euo pipefail
mutu=${1:-build/mutu}
out=${2:-datasets/logs/synthetic-2025.csv}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "case_id,sop,step,activity,actor,start,end,resource" >"$tmp/all.csv"
for s in banjarbaru rokan-hilir sicantik; do
	"$mutu" sim "models/scenarios/$s.ini" --replications 1 --threads 1 --emit-log "$tmp/$s.csv" >/dev/null
	tail -n +2 "$tmp/$s.csv" >>"$tmp/all.csv"
done
mv "$tmp/all.csv" "$out"
