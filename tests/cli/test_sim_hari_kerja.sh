#!/usr/bin/env bash
# tests/cli/test_sim_hari_kerja.sh - multi-day steps in working time, one
# file at a time, every end worked out by hand on the calendar of
# domain.md (Mon-Thu 07:30-12:00, 13:00-16:00; Fri 07:30-11:30,
# 13:00-16:30; Ramadan 1446H, 1-30 March 2025: Mon-Thu 08:00-12:00,
# 12:30-15:00, Fri 08:00-11:30, 12:30-15:30; 1 Hari = 450 working minutes,
# so 4 Hari = 30 h), and the same office in WITA and WIT.
#
# tests/data/sim-theory/hari-kerja-scenario.ini: Front Office 30 Menit,
# then Dinas Teknis 4 Hari, fixed, staff enough that no file waits.
#   1 Fri 21 Mar 15:15 (Ramadan, closes 15:30): 15 min, Mon 24 Mar 08:00
#     + 15 = 08:15.  4 Hari from Mon 24 08:15: Mon 6.25 h, Tue-Thu 3 x 6.5
#     (25.75); Fri 28 Mar cuti bersama Nyepi, 31 Mar-1 Apr Idul Fitri,
#     2-4 and 7 Apr cuti bersama; Tue 8 Apr (no longer Ramadan) 07:30 +
#     4.25 h = 11:45.
#   2 Thu 27 Mar 10:00 -> 10:30.  4 Hari from Thu 27 10:30: 1.5 + 2.5 = 4 h;
#     Tue 8, Wed 9, Thu 10 Apr 3 x 7.5 (26.5); Fri 11 Apr 07:30 + 3.5 h
#     = 11:00.
#   3 Thu 8 May 09:30 -> 10:00.  4 Hari from Thu 8 10:00: 2 + 3 = 5 h;
#     Fri 9: 7.5 (12.5); Mon 12 Waisak (LN), Tue 13 cuti bersama; Wed 14,
#     Thu 15 (27.5); Fri 16 May 07:30 + 2.5 h = 10:00.
#   4 Thu 8 May 15:45, 15 min before closing: 15 min, Fri 9 07:30 + 15 =
#     07:45 (the next working morning).  4 Hari from Fri 9 07:45: 3.75 +
#     3.5 = 7.25; Wed 14-Fri 16 (29.75); Mon 19 May 07:45.
#   5 Fri 9 May 16:15, 15 min before Friday's 16:30: the next working
#     morning is Wed 14 May (Waisak, cuti bersama): 07:45.  4 Hari: Wed
#     7.25, Thu-Fri, Mon 19 (29.75); Tue 20 May 07:45.
# The same scenario on id-wita and id-wit (the replay's times local, the
# same holidays, the same hours in local time) gives the same local
# instants at +08:00 and +09:00, and the same figures to the byte.
. tests/cli/lib.sh

D=tests/data/sim-theory
export MUTU_CALENDARS=datasets/calendars
want() { # ZONE_OFFSET
	local z=$1
	cat <<WANT
1,1,2025-03-21T15:15:00$z,2025-03-24T08:15:00$z
1,2,2025-03-24T08:15:00$z,2025-04-08T11:45:00$z
2,1,2025-03-27T10:00:00$z,2025-03-27T10:30:00$z
2,2,2025-03-27T10:30:00$z,2025-04-11T11:00:00$z
3,1,2025-05-08T09:30:00$z,2025-05-08T10:00:00$z
3,2,2025-05-08T10:00:00$z,2025-05-16T10:00:00$z
4,1,2025-05-08T15:45:00$z,2025-05-09T07:45:00$z
4,2,2025-05-09T07:45:00$z,2025-05-19T07:45:00$z
5,1,2025-05-09T16:15:00$z,2025-05-14T07:45:00$z
5,2,2025-05-14T07:45:00$z,2025-05-20T07:45:00$z
WANT
}
# case number, step, start, end of every row, in case order
rows() { tail -n +2 "$1" | awk -F, '{ n = $1; sub(/.*-0*/, "", n); print n "," $3 "," $6 "," $7 }' | sort -t, -k1,1n -k2,2n; }

for zone in wib:+07:00 wita:+08:00 wit:+09:00; do
	name=${zone%%:*} off=${zone#*:}
	mkdir -p "$TMP/$name"
	cp $D/hari-kerja.ini $D/hari-kerja.csv "$TMP/$name/"
	sed "s/^calendar = id-wib/calendar = id-$name/" $D/hari-kerja-scenario.ini >"$TMP/$name/hk.ini"
	run "$MUTU" sim "$TMP/$name/hk.ini" --emit-log "$TMP/$name/log.csv" --format csv
	expect_rc "id-$name: exit 0" 0
	printf '%s\n' "$OUT" >"$TMP/$name/out.csv"
	expect_eq "id-$name: every step ends when the calendar says" "$(rows "$TMP/$name/log.csv")" "$(want "$off")"
done
expect_eq "WITA gives WIB's figures" "$(cat "$TMP/wita/out.csv")" "$(cat "$TMP/wib/out.csv")"
expect_eq "WIT gives WIB's figures" "$(cat "$TMP/wit/out.csv")" "$(cat "$TMP/wib/out.csv")"
