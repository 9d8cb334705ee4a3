# lead.gp - lead-time histogram with the SOP ceiling marked.
# Set by the caller (rpt_chart.c): datafile (bin centre, count), binw,
# ceiling (working days, <= 0: no marker), ceiling2 (the office: the highest
# of its SOPs' ceilings when they differ, <= 0: none), cmax (the largest bar, in
# cases), xl, yl, tcases, tceil.
reset
set encoding utf8
set border 3 lc rgb '#555555'
set tics nomirror
set grid ytics lc rgb '#dddddd'
set key outside top center horizontal
set xlabel xl
set ylabel yl
set style fill solid 0.85 border lc rgb '#1b4f72'
set boxwidth binw * 0.9 absolute
set xrange [0:*]
set yrange [0:*]
# a count of cases has no halves: with few cases, a tick per case
if (cmax <= 10) { set ytics 1 }
set offsets 0, binw, 0, 0
if (ceiling > 0) {
	set arrow 1 from ceiling, graph 0 to ceiling, graph 1 nohead lw 2 dt 2 lc rgb '#c0392b'
	if (ceiling2 > 0) {
		set arrow 2 from ceiling2, graph 0 to ceiling2, graph 1 nohead lw 2 dt 2 lc rgb '#c0392b'
	}
	plot datafile using 1:2 with boxes lc rgb '#2e86c1' title tcases, \
	     NaN with lines lw 2 dt 2 lc rgb '#c0392b' title tceil
} else {
	plot datafile using 1:2 with boxes lc rgb '#2e86c1' title tcases
}
