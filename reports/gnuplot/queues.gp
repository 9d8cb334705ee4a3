# queues.gp - simulated queue length over time per actor (mean over replications).
# Set by the caller: datafile (first line: column heads; then day, one column
# per actor), ncol (columns), xl, yl.
reset
set encoding utf8
set termoption noenhanced
set border 3 lc rgb '#555555'
set tics nomirror
set grid ytics lc rgb '#dddddd'
set key outside right top vertical noenhanced
set xlabel xl
set ylabel yl
set yrange [0:*]
set style data lines
plot for [i=2:ncol] datafile using 1:i title columnhead(i) lw 2
