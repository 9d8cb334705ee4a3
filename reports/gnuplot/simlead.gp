# simlead.gp - simulated lead time per SOP: mean with its 95% interval, one or
# two scenarios, and the SOP ceiling.
# Set by the caller: datafile (sop label, mean, lo, hi, ceiling[, mean, lo, hi];
# working days, '?' when missing), two (0/1), yl, ta, tb, tceil.
reset
set encoding utf8
set termoption noenhanced
set datafile missing '?'
set border 3 lc rgb '#555555'
set tics nomirror
set grid ytics lc rgb '#dddddd'
set key outside top center horizontal noenhanced
set ylabel yl
set yrange [0:*]
set style data histograms
set style histogram errorbars gap 1 lw 1
set style fill solid 0.8 border -1
# rotated, so long SOP ids (cut to 24 characters by rpt_sim.c) never touch
# their neighbours; gnuplot widens the bottom margin to fit them
set xtics rotate by -30 noenhanced
if (two) {
	plot datafile using 2:3:4:xtic(1) title ta lc rgb '#2e86c1', '' using 6:7:8 title tb lc rgb '#27ae60', \
	     '' using 0:5 with points pt 5 ps 1.6 lc rgb '#c0392b' title tceil
} else {
	plot datafile using 2:3:4:xtic(1) title ta lc rgb '#2e86c1', \
	     '' using 0:5 with points pt 5 ps 1.6 lc rgb '#c0392b' title tceil
}
