# gnuplot version of the chart: the team's peer benchmark script
# gp/chart.gp (kept outside this repository; this copy is all the
# project needs), unchanged but for this comment.
# Call with variables set on the command line:
#   gnuplot -e "fmt='png'; i0=0; n=1; outdir='out'; datadir='data'" gp/chart.gp
# fmt: png (pngcairo terminal) | svg (svg terminal).  Renders charts i0 .. i0+n-1.
if (fmt eq 'png') {
    set terminal pngcairo size 800,450 font "DejaVu Sans,10" noenhanced
} else {
    set terminal svg size 800,450 font "DejaVu Sans,10" noenhanced
}
set datafile separator ','
set key top left horizontal reverse Left samplen 2 width -2 at graph 0, graph 1.1 nobox
set label 1 "Looked-after children, monthly" at screen 0.075, screen 0.945 font "DejaVu Sans Bold,13"
set tmargin 4.5
set rmargin 7
set border 3
set tics nomirror out
set grid ytics lc rgb "#dddddd" lt 1 lw 1
set offsets 0, 0, graph 0.04, graph 0.04
set xrange [0:23]
set yrange [*:*]
set ytics autofreq
set style line 1 lc rgb "#1f66bf" lw 2.5
set style line 2 lc rgb "#f28c26" lw 2
set style line 3 lc rgb "#cc2626" lw 1.5 dt (6,4)
lbl(c) = (int(column(0)) % 3 == 0) ? strcol(1) : ""
t0 = time(0.0)
do for [k=i0:i0+n-1] {
    f = sprintf("%s/d%03d.csv", datadir, k % 100)
    set output sprintf("%s/gp_%03d.%s", outdir, k % 100, fmt)
    plot f every ::1 using 0:2:xtic(lbl(0)) with lines ls 1 title "Our LA", \
         f every ::1 using 0:3 with lines ls 2 title "Statistical neighbours", \
         450 with lines ls 3 title "Target (450)", \
         f every ::24::24 using (23):2 with points pt 7 ps 1 lc rgb "#1f66bf" notitle, \
         f every ::24::24 using (23):2:(sprintf("%d", $2)) with labels left offset 1,0 font "DejaVu Sans Bold,10" tc rgb "#1f66bf" notitle
}
unset output
t1 = time(0.0)
print sprintf("charts=%d loop_ms=%.1f per_chart_ms=%.3f", n, (t1-t0)*1000, (t1-t0)*1000/n)
