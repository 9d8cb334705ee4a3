# trend.gp - 12-month trend: cases finished (bars) and share within the ceiling (line).
# Set by the caller: datafile (month label, finished, share %, median days;
# '?' when missing), yl, y2l, tfin, tshare.
reset
set encoding utf8
set datafile missing '?'
set border 11 lc rgb '#555555'
set ytics nomirror
set y2tics
set xtics nomirror
set grid ytics lc rgb '#dddddd'
set key outside top center horizontal
set ylabel yl
set y2label y2l
set yrange [0:*]
set y2range [0:105]
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.6 border -1
plot datafile using 2:xtic(1) title tfin lc rgb '#95a5a6', \
     '' using 0:3 axes x1y2 with linespoints lw 2 pt 7 ps 0.8 lc rgb '#27ae60' title tshare
