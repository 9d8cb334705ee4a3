# util.gp - utilisation per actor with its 95% interval, one or two scenarios.
# Set by the caller: datafile (actor, mean, lo, hi[, mean, lo, hi] in %),
# two (0/1), yl, ta, tb.
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
set xtics rotate by -30 noenhanced
if (two) {
	plot datafile using 2:3:4:xtic(1) title ta lc rgb '#2e86c1', '' using 5:6:7 title tb lc rgb '#27ae60'
} else {
	plot datafile using 2:3:4:xtic(1) title ta lc rgb '#2e86c1'
}
