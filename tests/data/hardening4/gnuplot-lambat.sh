#!/bin/sh
# tests/data/hardening4/gnuplot-lambat.sh - a slow gnuplot (MUTU_GNUPLOT):
# waits 4 s, then runs the real one.  test_hardening4.sh interrupts a
# report or a simulation while it waits, a known point whatever the
# machine's speed (a shared machine, a loaded CI runner).
sleep 4
exec gnuplot "$@"
