"""svg_labels.py SVG... - do a gnuplot SVG's texts overlap or leave the canvas?

Every <text> gnuplot writes sits in a <g transform="translate(x,y)
rotate(r)" font-size=.. text-anchor=..>; its box is estimated as
0.58 em per character (DejaVu Sans averages 0.55-0.62 em for these
labels) by 0.95 em tall (ascent 0.75, descent 0.2), rotated with the
text, and anchored as gnuplot anchors it.  Two boxes overlap when no
edge normal of either separates them (separating axis theorem).  Prints
"clean (N texts)" or the first overlaps.  Used by test_sim_chart_labels.sh.
"""
import math, re, sys

GRP = re.compile(r'<g transform="translate\(([-\d.]+),([-\d.]+)\)(?: rotate\(([-\d.]+)\))?"[^>]*font-size="([\d.]+)"[^>]*text-anchor="(start|middle|end)">\s*<text>(.*?)</text>')

def boxes(svg):
    out = []
    for m in GRP.finditer(svg):
        x, y, rot, fs, anc, t = float(m[1]), float(m[2]), float(m[3] or 0), float(m[4]), m[5], m[6]
        t = re.sub(r'<[^>]+>', '', t).replace('&amp;', '&').replace('&lt;', '<').replace('&gt;', '>').strip()
        if not t:
            continue
        L = 0.58 * fs * len(t)
        a0 = {"start": 0, "middle": -L / 2, "end": -L}[anc]
        c, s = math.cos(math.radians(rot)), math.sin(math.radians(rot))
        pts = [(x + px * c - py * s, y + px * s + py * c)
               for px, py in ((a0, -0.75 * fs), (a0 + L, -0.75 * fs), (a0 + L, 0.2 * fs), (a0, 0.2 * fs))]
        out.append((t, pts))
    return out

def overlap(p, q):
    for poly in (p, q):
        for i in range(4):
            (x1, y1), (x2, y2) = poly[i], poly[(i + 1) % 4]
            nx, ny = y1 - y2, x2 - x1
            a = [nx * X + ny * Y for X, Y in p]
            b = [nx * X + ny * Y for X, Y in q]
            if max(a) <= min(b) or max(b) <= min(a):
                return False
    return True

bad = []
for f in sys.argv[1:]:
    svg = open(f).read()
    W, H = (float(v) for v in re.search(r'<svg[^>]*width="([\d.]+)" height="([\d.]+)"', svg).groups())
    bx = boxes(svg)
    for i in range(len(bx)):
        for j in range(i + 1, len(bx)):
            if overlap(bx[i][1], bx[j][1]):
                bad.append("%s: %r overlaps %r" % (f.rsplit("/", 1)[-1], bx[i][0], bx[j][0]))
        for X, Y in bx[i][1]:
            if not (-1 <= X <= W + 1 and -1 <= Y <= H + 1):
                bad.append("%s: %r leaves the %gx%g canvas" % (f.rsplit("/", 1)[-1], bx[i][0], W, H))
                break
print("\n".join(bad[:8]) or "clean", "(%d texts)" % sum(len(boxes(open(f).read())) for f in sys.argv[1:]))
