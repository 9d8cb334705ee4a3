#!/usr/bin/env bash
# tests/cli/test_hardening2.sh - hardening round 2: inputs fuzzed and abused
# by hand (README "Fuzzing", "Bounded input").  Each case is an input a user
# or a tool can hand mutu, with its fixture under tests/data/hardening2/ or
# generated here when it is only its size that matters; each failed on the
# code before its fix (named in the comment).  The fuzz reproducers are
# replayed apart, by `make test` (tests/fuzz/corpus/NAME/).
. tests/cli/lib.sh

H=tests/data/hardening2
MD=tests/data/models

# ---- 1. a header of 200000 columns with one name
# A sheet an office adds a 'catatan' column to on every review round, or
# any header of many repeats: the k-th repeat is NAME.k (pandas' rule).
# Before: every column was compared with every column before it, 78 s for
# this header (a 16 MiB record, 8 million columns, would take days), and
# each repeat printed its own note: 200000 lines of notes.
# Now: sorted once (seconds), ten notes and one that counts the rest.
awk 'BEGIN { n = 200000
	printf "case_id,step,activity,actor,start,end"; for (i = 0; i < n; i++) printf ",a"; printf "\n"
	printf "A,1,Pemohon mengajukan permohonan,Pemohon,2025-05-15 09:00,2025-05-15 09:20"
	for (i = 0; i < n; i++) printf ",v"; printf "\n" }' >"$TMP/a200000.csv"
run timeout 30 "$MUTU" ingest "$TMP/a200000.csv" --db "$TMP/wide.db" --sop uji-sla --models $MD --tz WIB
expect_rc "200000 columns named 'a': ingested within 30 s" 0
expect_eq "200000 columns named 'a': 10 notes of a repeat, then one count (199999 - 10 = 199989)" \
	"$(printf '%s\n' "$OUT$ERR" | grep -c "repeats the name 'a'") $(printf '%s\n' "$OUT$ERR" | grep -c '\.\.\. and 199989 more columns repeat')" \
	"10 1"
expect_eq "200000 columns named 'a': stored as a, a.1 .. a.199999" \
	"$(sqlite3 "$TMP/wide.db" "SELECT count(DISTINCT name), sum(name = 'a'), sum(name = 'a.199999') FROM event_attrs")" \
	"200000|1|1"
# the hand-made form: 14 'catatan' columns (catatan-14-kali.csv), row A1's
# c1..c14 under catatan, catatan.1 .. catatan.13: notes for the repeats 1-10
# (columns 8-17), then '... and 3 more' (catatan.11 .. catatan.13)
run "$MUTU" ingest $H/catatan-14-kali.csv --db "$TMP/catatan.db" --sop uji-sla --models $MD --tz WIB
expect_rc "14 catatan columns: exit 0" 0
expect_out_has "14 catatan columns: the tenth repeat is said" \
	"column 17 repeats the name 'catatan' of column 7: read as 'catatan.10'"
expect_out_has "14 catatan columns: the last three are counted" "... and 3 more columns repeat the name"
expect_eq "14 catatan columns: catatan.13 holds c14 (line 2's last cell)" \
	"$(sqlite3 "$TMP/catatan.db" "SELECT value FROM event_attrs WHERE name = 'catatan.13'")" "c14"

