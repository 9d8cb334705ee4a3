#!/usr/bin/env bash
# tests/bench/gen_report_store.sh MUTU DB N - a store of N cases for the
# report benchmark, half of SOP izin-insidentil (11 steps, id-wib) and half
# of izin-pengumpulan-uang-barang (9 steps, id-wita): 10 events a case on
# average, one case in 25 left open (its last step missing).  The cases' spans
# and markers (first_ms, last_ms, last_done_step) and the batch's marks
# (batch_touch, schema 8) are filled as the writer keeps them.
#
# Cases arrive evenly from 2024-01-02 to 2026-06-30; each case's step times
# follow a fixed template (hours after arrival) stretched by a per-case
# factor 0.5..1.5 (a multiplicative hash of the id), so some cases pass
# the SOP ceiling and some do not.  Deterministic: same N, same store.
#
# The schema comes from the real code (a one-row `mutu ingest` creates the
# store); the rows go in with INSERT ... SELECT over a recursive CTE, with
# the indexes dropped during the load and rebuilt after (the same indexes,
# read back from sqlite_master), and each case's span (cases.first_ms,
# last_ms) computed from its events as the ingest would keep it.
set -eu
mutu=$1 db=$2 n=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -f "$db" "$db-wal" "$db-shm"
printf 'case_id,sop,step,activity,actor,start,end\nSEED,izin-insidentil,1,seed,Pemohon,2024-01-02 08:00,2024-01-02 08:30\n' >"$tmp/seed.csv"
"$mutu" ingest "$tmp/seed.csv" --db "$db" --quiet

# base 2024-01-02T00:00Z = 1704153600000 ms; span to 2026-06-30 = 910 days
sqlite3 "$db" "DELETE FROM events; DELETE FROM case_attrs; DELETE FROM event_attrs; DELETE FROM cases;"
# drop the indexes (names read back), load, rebuild
drops=$(sqlite3 "$db" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('events', 'cases')")
creates=$(sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('events', 'cases')")
# each case's span (schema 4: what the ingest's writer keeps), in one
# grouped pass, when the store has the columns
spans=
if sqlite3 "$db" "SELECT 1 FROM pragma_table_info('cases') WHERE name = 'last_ms'" | grep -q 1; then
	spans="WITH s AS (SELECT case_id, min(coalesce(start_ms, end_ms)) AS f, max(coalesce(end_ms, start_ms)) AS l
	FROM events GROUP BY case_id) UPDATE cases SET first_ms = s.f, last_ms = s.l FROM s WHERE s.case_id = cases.id;"
fi
# and (schema 6) each case's marker, the step of its latest completion
# (greatest end_ms, then greatest step: end_ms * 1000 + step, steps < 1000),
# as the writer keeps it
if sqlite3 "$db" "SELECT 1 FROM pragma_table_info('cases') WHERE name = 'last_done_step'" | grep -q 1; then
	spans="$spans
	WITH d AS (SELECT case_id, max(end_ms * 1000 + coalesce(step, 0)) AS k FROM events WHERE end_ms IS NOT NULL
	GROUP BY case_id) UPDATE cases SET last_done_step = d.k % 1000 FROM d WHERE d.case_id = cases.id;"
fi
# and (schema 8) the batch's marks, as the writer's finish leaves them:
# per (office, SOP) the earliest first_ms of the cases the batch touched
if sqlite3 "$db" "SELECT 1 FROM sqlite_master WHERE name = 'batch_touch'" | grep -q 1; then
	spans="$spans
	DELETE FROM batch_touch;
	INSERT INTO batch_touch (batch_id, office, sop, low_ms) SELECT 1, office, coalesce(sop, ''), min(first_ms)
	FROM cases WHERE first_ms IS NOT NULL GROUP BY office, coalesce(sop, '');"
fi
sqlite3 "$db" >/dev/null <<EOF
PRAGMA journal_mode=OFF;
PRAGMA synchronous=OFF;
PRAGMA cache_size=-262144;
$drops
CREATE TEMP TABLE tmpl (sop TEXT, step INTEGER, activity TEXT, actor TEXT, off_h REAL, dur_h REAL);
INSERT INTO tmpl VALUES
 ('izin-insidentil', 1, 'Pendaftaran', 'Pemohon', 0, 0.5),
 ('izin-insidentil', 2, 'Pemeriksaan berkas', 'fo.rina', 1, 0.3),
 ('izin-insidentil', 3, 'Rekomendasi teknis', 'tim.teknis', 2, 160),
 ('izin-insidentil', 4, 'Entri data', 'bo.dedi', 170, 0.3),
 ('izin-insidentil', 5, 'Verifikasi Sub Koordinator', 'kasi.ani', 172, 0.2),
 ('izin-insidentil', 6, 'Verifikasi Koordinator', 'kabid.yusuf', 175, 0.2),
 ('izin-insidentil', 7, 'Verifikasi Sekretaris', 'sekdis', 178, 0.2),
 ('izin-insidentil', 8, 'Persetujuan Kadis', 'kadis', 182, 0.2),
 ('izin-insidentil', 9, 'Cetak izin', 'bo.dedi', 190, 0.3),
 ('izin-insidentil', 10, 'Tanda tangan', 'kadis', 194, 0.1),
 ('izin-insidentil', 11, 'Pengambilan izin', 'Pemohon', 200, 0.1),
 ('izin-pengumpulan-uang-barang', 1, 'Pendaftaran Online', 'Pemohon', 0, 0.5),
 ('izin-pengumpulan-uang-barang', 2, 'Verifikasi Berkas', 'fo.sari', 1, 0.2),
 ('izin-pengumpulan-uang-barang', 3, 'Penerimaan Berkas BO', 'bo.andi', 2, 0.2),
 ('izin-pengumpulan-uang-barang', 4, 'Pemeriksaan Teknis', 'dinsos', 3, 100),
 ('izin-pengumpulan-uang-barang', 5, 'Draft SK', 'bo.andi', 105, 0.2),
 ('izin-pengumpulan-uang-barang', 6, 'Persetujuan Kabid', 'kabid.yusuf', 108, 0.1),
 ('izin-pengumpulan-uang-barang', 7, 'Persetujuan Sekretaris', 'sekdis', 112, 0.1),
 ('izin-pengumpulan-uang-barang', 8, 'Tanda tangan SK', 'kadis', 118, 0.1),
 ('izin-pengumpulan-uang-barang', 9, 'Penyerahan SK', 'Pemohon', 140, 0.1);
CREATE TEMP TABLE last AS SELECT sop, max(step) AS step FROM tmpl GROUP BY sop;
BEGIN;
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $n)
INSERT INTO cases (id, case_key, sop, batch_id)
SELECT i, printf('BENCH-%07d', i), CASE WHEN i % 2 THEN 'izin-insidentil' ELSE 'izin-pengumpulan-uang-barang' END, 1 FROM c;
INSERT INTO events (case_id, batch_id, line, step, activity, actor, start_ms, start_off, end_ms, end_off, unknown)
SELECT c.id, 1, c.id * 12 + t.step, t.step, t.activity, t.actor,
       1704153600000 + (c.id - 1) * (910 * 86400000 / $n)
         + CAST(t.off_h * (0.5 + ((c.id * 2654435761) % 1000) / 1000.0) * 3600000 AS INTEGER),
       CASE WHEN c.id % 2 THEN 420 ELSE 480 END,
       1704153600000 + (c.id - 1) * (910 * 86400000 / $n)
         + CAST((t.off_h + t.dur_h) * (0.5 + ((c.id * 2654435761) % 1000) / 1000.0) * 3600000 AS INTEGER),
       CASE WHEN c.id % 2 THEN 420 ELSE 480 END, 0
FROM cases c CROSS JOIN tmpl t
WHERE t.sop = c.sop AND NOT (c.id % 50 IN (0, 25) AND t.step = (SELECT step FROM last l WHERE l.sop = c.sop));
$spans
COMMIT;
$creates
ANALYZE;
EOF
sqlite3 "$db" "PRAGMA journal_mode=WAL" >/dev/null
