# simmonth.gp - simulation per period (mutu sim --by month|week): files
# finished (bars, 95% interval) and share finished within the SOP ceiling
# (line on the right axis, 95% interval).
# Set by the caller: datafile (period label, finished mean, lo, hi, share
# mean, lo, hi in %; '?' when missing), yl, y2l, tfin, tshare.
reset
set encoding utf8
set termoption noenhanced
set datafile missing '?'
set border 11 lc rgb '#555555'
set ytics nomirror
set y2tics
set xtics nomirror rotate by -45 noenhanced
set grid ytics lc rgb '#dddddd'
set key outside top center horizontal noenhanced
set ylabel yl
set y2label y2l
set yrange [0:*]
set y2range [0:105]
set style data histograms
set style histogram errorbars gap 1 lw 1
set style fill solid 0.6 border -1
plot datafile using 2:3:4:xtic(1) title tfin lc rgb '#95a5a6', \
     '' using 0:5:6:7 axes x1y2 with yerrorlines lw 2 pt 7 ps 0.8 lc rgb '#27ae60' title tshare
