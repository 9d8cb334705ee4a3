#!/usr/bin/env bash
# tests/cli/test_out_device.sh - the atomic writer (base.h, mutu_out_open)
# writes in place to a FIFO or character device at the output name instead
# of renaming a temporary file over it.  Found in review: as root,
# `mutu sim ... -o /dev/null` replaced /dev/null with a regular file (every
# later `> /dev/null` on the machine failed).  The FIFO stands in for the
# device (safe to test as root): after the write it must still be a FIFO,
# and its reader must have received the whole model, the same bytes as
# the same import written to a regular file.
. tests/cli/lib.sh

T=datasets/sop/izin-contoh.txt
"$MUTU" sop import "$T" -o "$TMP/plain.ini" >/dev/null 2>&1 || not_ok "import to a regular file" "exit $?"
mkfifo "$TMP/pipe"
cat "$TMP/pipe" >"$TMP/got" &
reader=$!
run "$MUTU" sop import "$T" --force -o "$TMP/pipe"
expect_rc "import into a FIFO: exit 0" 0
# a FIFO renamed away leaves the reader waiting for a writer: stop it
if [ -p "$TMP/pipe" ]; then
	ok "the FIFO is still a FIFO"
	wait "$reader"
else
	not_ok "the FIFO is still a FIFO" "$(ls -l "$TMP/pipe")"
	kill "$reader" 2>/dev/null
	wait "$reader" 2>/dev/null
fi
cmp -s "$TMP/got" "$TMP/plain.ini" && ok "the reader got the whole model" \
	|| not_ok "the reader got the whole model" "$(wc -c <"$TMP/got") bytes, expected $(wc -c <"$TMP/plain.ini")"
ls -a "$TMP" | grep -q '^\.pipe\..*\.tmp$' && not_ok "no temporary file left" "$(ls -a "$TMP")" \
	|| ok "no temporary file left"
