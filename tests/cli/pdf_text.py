# tests/cli/pdf_text.py PDF - the text of a PDF that chromium printed, page by
# page ("=== page N"), decoded through each font's ToUnicode map; enough for
# Skia's output (Type0 fonts, hex glyph strings), not a general PDF reader.
import re, sys, zlib
d = open(sys.argv[1], 'rb').read()
objs = {int(m[1]): m[2] for m in re.finditer(rb'(\d+) 0 obj(.*?)endobj', d, re.S)}
def stream(n):
    b = objs[n]
    m = re.search(rb'stream\r?\n(.*?)\r?\nendstream', b, re.S)
    s = m[1]
    return zlib.decompress(s) if b'FlateDecode' in b else s
def cmap(n):
    t, s = {}, stream(n).decode('latin-1')
    for blk in re.findall(r'beginbfchar(.*?)endbfchar', s, re.S):
        for a, u in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', blk):
            t[int(a, 16)] = bytes.fromhex(u).decode('utf-16-be', 'replace')
    for blk in re.findall(r'beginbfrange(.*?)endbfrange', s, re.S):
        for a, b, u in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', blk):
            for i in range(int(a, 16), int(b, 16) + 1):
                t[i] = chr(int(u, 16) + i - int(a, 16))
    return t
def kids(n):
    b = objs[n]
    if re.search(rb'/Type\s*/Pages\b', b):
        out = []
        for k in re.findall(rb'(\d+) 0 R', re.search(rb'/Kids\s*\[(.*?)\]', b, re.S)[1]):
            out += kids(int(k))
        return out
    return [n]
root = [k for k, v in objs.items() if re.search(rb'/Type\s*/Pages\b', v) and b'/Parent' not in v][0]
for pn, p in enumerate(kids(root)):
    b = objs[p]
    fonts = {f.decode(): int(r) for f, r in re.findall(rb'/(F\d+) (\d+) 0 R', b)}
    maps = {}
    for f, r in fonts.items():
        m = re.search(rb'/ToUnicode (\d+) 0 R', objs[r])
        maps[f] = cmap(int(m[1])) if m else {}
    cs = b''.join(stream(int(c)) for c in re.findall(rb'(\d+) 0 R', re.search(rb'/Contents\s*(\[.*?\]|\d+ 0 R)', b, re.S)[1]))
    out, cur = [], {}
    for tok in re.finditer(rb'/(F\d+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\](\s*)TJ|(Tj)|(ET)', cs):
        if tok[1]: cur = maps.get(tok[1].decode(), {})
        elif tok[2] is not None:
            h = tok[2].decode()
            out.append(''.join(cur.get(int(h[i:i + 4], 16), '?') for i in range(0, len(h), 4)))
        elif tok[5]: out.append('\n')
    print('=== page %d' % (pn + 1))
    print(''.join(out))
