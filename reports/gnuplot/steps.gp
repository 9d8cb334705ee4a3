# steps.gp - per SOP step: actual median and p90 against the standard (waktu).
# Set by the caller: datafile (step label, median, p90, standard; hours,
# '?' when missing), nrows (rows in the file), yl, tmed, tp90, tstd, xl.
reset
set encoding utf8
set datafile missing '?'
set border 3 lc rgb '#555555'
set tics nomirror
set grid ytics lc rgb '#dddddd'
set key outside top center horizontal
set xlabel xl
set ylabel yl
set logscale y
# explicit ranges: a month without data still draws an empty chart
set xrange [-0.6:nrows - 0.4]
set yrange [0.01:*]
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
plot datafile using 2:xtic(1) title tmed lc rgb '#2e86c1', \
     '' using 3 title tp90 lc rgb '#f39c12', \
     '' using 4 title tstd lc rgb '#7f8c8d'
