# daily.gp - per day of the month: arrivals and completions (bars), work in progress (line).
# Set by the caller: datafile (day, arrivals, completions, wip, kind: 0 working
# day, else closed), ymax (for the closed-day shading), wmax (the most in progress),
# ndays (the days of the month: the axis ends there, not at the next tick),
# xl, yl, y2l, tarr, tdone, twip, tclosed.
reset
set encoding utf8
set border 11 lc rgb '#555555'
set ytics nomirror
set y2tics
set xtics nomirror 1,2
set grid ytics lc rgb '#dddddd'
set key outside top center horizontal
set xlabel xl
set ylabel yl
set y2label y2l
set xrange [0.5:ndays + 0.5]
set yrange [0:ymax]
set y2range [0:*]
# counts of cases have no halves: with few cases, a tick per case
if (ymax <= 10) { set ytics 1 }
if (wmax <= 10) { set y2tics 1 }
set boxwidth 0.4 absolute
set style fill solid 0.85 border -1
plot datafile using 1:($5 > 0 ? ymax : NaN):(1.0) with boxes fs solid 0.12 noborder lc rgb '#7f8c8d' title tclosed, \
     '' using ($1 - 0.2):2 with boxes lc rgb '#2e86c1' title tarr, \
     '' using ($1 + 0.2):3 with boxes lc rgb '#27ae60' title tdone, \
     '' using 1:4 axes x1y2 with lines lw 2 lc rgb '#c0392b' title twip
