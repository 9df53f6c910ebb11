#!/usr/bin/env python3
"""Meaning fused with align's lexical search, explored outside Swift on the beads it weighs.

`duizhao align --candidates DIR` writes, for each pair, every bead the second pass weighs with the
terms of its lexical value, and both sides' window embeddings (1-3 sentences as one text). This
script redoes the search (the same band, shapes and tie order as BandedSearch) in Python with a
bead value changed by meaning, scores it with the evaluation's own score.py, and reports:

  - the lexical search reproduced (it must equal `duizhao align`'s output: checked, per chapter);
  - where the lexical beads err on mac-dev: by gold bead shape, and with the lexical margin;
  - each fusion tried: pooled mac-dev strict/lax F1 in-sample (best setting of its grid), the
    leave-one-chapter-out figure (each chapter scored with the setting best on the other five),
    and the Bible (never tuned on) with the setting chosen on all of mac-dev.

usage:
  python3 Benchmarks/eval/align_fusion.py dump [--binary .build/release/duizhao] [--shared ../shared] [--out DIR] [--bible]
  python3 Benchmarks/eval/align_fusion.py analyse [--shared ../shared] [--out DIR]
Texts and gold are read from ../shared, never copied; the dumps go to DIR (default
/tmp/duizhao-candidates). Needs CC-CEDICT and the model installed.
"""
import argparse
import itertools
import os
import subprocess
import sys

import numpy as np

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument('mode', choices=['dump', 'analyse'])
ap.add_argument('--binary', default='.build/release/duizhao')
ap.add_argument('--shared', default='../shared')
ap.add_argument('--out', default='/tmp/duizhao-candidates')
ap.add_argument('--bible', action='store_true', help='dump the Bible too (its windows take half an hour or more to embed)')
args = ap.parse_args()
sys.path.insert(0, os.path.join(args.shared, 'eval/align'))
import score  # noqa: E402  (the evaluation's own scorer)

MACDEV = os.path.join(args.shared, 'eval/align/mac-dev')
BIBLE = os.path.join(args.shared, 'eval/align/bible')
CHAPTERS = ['001', '002', '003', '004', '005', '006']
DIM = 384
WINDOW = 3

if args.mode == 'dump':
    def dump(source, target, out, reference):
        os.makedirs(out, exist_ok=True)
        subprocess.run([args.binary, 'align', '--presegmented', source, target, '-o', reference, '--candidates', out], check=True)
    dump(os.path.join(MACDEV, 'zh'), os.path.join(MACDEV, 'en'), os.path.join(args.out, 'mac-dev'), os.path.join(args.out, 'mac-dev-lexical'))
    if args.bible:
        dump(os.path.join(BIBLE, 'en', '001'), os.path.join(BIBLE, 'zh', '001'), os.path.join(args.out, 'bible'),
             os.path.join(args.out, 'bible-lexical.align'))
    sys.exit(0)


class Document:
    """One pair's candidate beads (arrays, in the search's order) and window embeddings."""

    def __init__(self, folder, name, gold_path, reference_path):
        path = os.path.join(folder, name)
        with open(path + '.tsv') as f:
            header = dict(x.split('=') for x in f.readline()[1:].split())
        self.swapped = header['chineseIsTarget'] == 'true'
        self.n = int(header['chinese'])
        self.m = int(header['english'])
        rows = np.loadtxt(path + '.tsv', comments='#', delimiter='\t', dtype=np.float64)
        self.z0, self.z1, self.e0, self.e1 = (rows[:, k].astype(np.int64) for k in range(4))
        self.overlap, self.length, self.cues, self.penalty, self.value = (rows[:, k] for k in range(4, 9))
        self.zw = np.fromfile(path + '.zh.f32', dtype='<f4').reshape(-1, DIM).astype(np.float64)
        self.ew = np.fromfile(path + '.en.f32', dtype='<f4').reshape(-1, DIM).astype(np.float64)
        self.gold = score.read_alignments(gold_path)
        self.reference = read_ladder(reference_path)
        self.cosine = self.cosines()
        self.paired = (self.z1 > self.z0) & (self.e1 > self.e0)

    def row(self, count, start, length):
        offset = sum(count - k + 1 for k in range(1, length))
        return offset + start

    def cosines(self):
        """The cosine of each candidate's two sides: windows of up to 3 sentences embedded as one
        text, the mean of single sentences beyond (as BeadScorer.meaningSimilarity)."""
        result = np.zeros(len(self.z0))
        single_z = self.zw[:self.n]
        single_e = self.ew[:self.m]
        for k in range(len(self.z0)):
            a, b, c, d = self.z0[k], self.z1[k], self.e0[k], self.e1[k]
            if a == b or c == d:
                continue
            if b - a <= WINDOW and d - c <= WINDOW:
                result[k] = self.zw[self.row(self.n, a, b - a)] @ self.ew[self.row(self.m, c, d - c)]
            else:
                x = single_z[a:b].sum(0)
                y = single_e[c:d].sum(0)
                result[k] = x @ y / np.sqrt((x @ x) * (y @ y))
        return result

    def search(self, values):
        """The best path (BandedSearch.run: same order of cells and shapes, ties to the first)."""
        best = {(0, 0): (0.0, -1)}
        z0, z1, e0, e1 = self.z0.tolist(), self.z1.tolist(), self.e0.tolist(), self.e1.tolist()
        values = values.tolist()
        for k in range(len(z0)):
            previous = best.get((z0[k], e0[k]))
            if previous is None:
                continue
            candidate = previous[0] + values[k]
            cell = (z1[k], e1[k])
            current = best.get(cell)
            if current is None or candidate > current[0]:
                best[cell] = (candidate, k)
        beads = []
        cell = (self.n, self.m)
        while cell != (0, 0):
            k = best[cell][1]
            beads.append((list(range(z0[k], z1[k])), list(range(e0[k], e1[k]))))
            cell = (z0[k], e0[k])
        beads.reverse()
        return [(e, z) for z, e in beads] if self.swapped else beads


def read_ladder(path):
    with open(path, encoding='utf-8') as f:
        rows = [line.split('\t')[0].split(':') for line in f if line.strip()]
    return [([int(x) for x in a.strip('[]').split(',') if x], [int(x) for x in b.strip('[]').split(',') if x]) for a, b in rows]


def pooled(documents, paths):
    result = score.score_multiple([d.gold for d in documents], paths)
    return result['f1_strict'], result['f1_lax']


def shape(bead):
    return '%d-%d' % (len(bead[0]), len(bead[1]))


def errors(documents, paths):
    """Gold beads found by shape, and what the search made of those it missed."""
    by_gold = {}
    for d, path in zip(documents, paths):
        produced = set((tuple(a), tuple(b)) for a, b in path)
        for a, b in d.gold:
            s = shape((a, b))
            hit = (tuple(a), tuple(b)) in produced
            total, right = by_gold.get(s, (0, 0))
            by_gold[s] = (total + 1, right + hit)
    print('gold beads found, by shape (Chinese-English):')
    for s, (total, right) in sorted(by_gold.items(), key=lambda x: -x[1][0]):
        print('  %s: %d of %d (%d missed)' % (s, right, total, total - right))
    replaced = {}
    for d, path in zip(documents, paths):
        produced = set((tuple(a), tuple(b)) for a, b in path)
        for a, b in d.gold:
            if (tuple(a), tuple(b)) not in produced:
                over = '+'.join(shape(p) for p in path if set(p[0]) & set(a) or set(p[1]) & set(b))
                replaced[(shape((a, b)), over)] = replaced.get((shape((a, b)), over), 0) + 1
    print('missed gold beads, as the search made them (gold -> produced), most frequent:')
    for (g, p), count in sorted(replaced.items(), key=lambda x: -x[1])[:8]:
        print('  %s -> %s: %d' % (g, p, count))


def loo(settings, documents, names):
    """settings: {label: [path per document]}. Pooled F1 of each; best in-sample; each chapter
    with the setting best on the others."""
    best = max(settings, key=lambda s: (pooled(documents, settings[s])[0], -list(settings).index(s)))
    held = []
    chosen = []
    for k in range(len(documents)):
        others = [i for i in range(len(documents)) if i != k]
        pick = max(settings, key=lambda s: (pooled([documents[i] for i in others], [settings[s][i] for i in others])[0],
                                            -list(settings).index(s)))
        held.append(settings[pick][k])
        chosen.append(pick)
    return best, pooled(documents, settings[best]), pooled(documents, held), chosen


def regions(d, path):
    """Where the path and gold part: (gold beads, produced beads, the cell both start from)."""
    def cells(beads):
        out = [(0, 0)]
        for a, b in beads:
            z, e = (b, a) if d.swapped else (a, b)
            out.append((out[-1][0] + len(z), out[-1][1] + len(e)))
        return out
    cg = cells(d.gold)
    cp = cells(path)
    common = sorted(set(cg) & set(cp))
    result = []
    for start, end in zip(common, common[1:]):
        gb = [b for b, c in zip(d.gold, cg) if start <= c < end]
        pb = [b for b, c in zip(path, cp) if start <= c < end]
        if gb != pb:
            result.append((gb, pb, start))
    return result


def region_sums(d, beads, start, arrays):
    """The sums of `arrays` over the candidates that are `beads` from cell `start`; None when a
    bead is no candidate (outside the band, or a shape the search has not)."""
    z, e = start
    ks = []
    for a, b in beads:
        zs, es = (b, a) if d.swapped else (a, b)
        k = d.index.get((z, z + len(zs), e, e + len(es)))
        if k is None:
            return None
        ks.append(k)
        z += len(zs)
        e += len(es)
    return [sum(x[k] for k in ks) for x in arrays]


def meaning_at_errors(documents, paths, centre):
    """In each region where the lexical path parts from gold: does the lexical value lose little,
    and does meaning (cosine less `centre`, summed over the beads) prefer gold?"""
    losses = []
    favours = 0
    for d, path in zip(documents, paths):
        d.index = {(d.z0[k], d.z1[k], d.e0[k], d.e1[k]): k for k in range(len(d.z0))}
        meaning = np.where(d.paired, d.cosine - centre, 0)
        for gb, pb, start in regions(d, path):
            g = region_sums(d, gb, start, [d.value, meaning])
            if g is None:
                continue
            p = region_sums(d, pb, start, [d.value, meaning])
            losses.append(g[0] - p[0])
            favours += g[1] > p[1]
    return len(losses), favours, float(np.median(losses))


def gained_lost(documents, paths, reference):
    """Gold beads `paths` finds that `reference` misses, and the reverse."""
    gained = lost = 0
    for d, path, ref in zip(documents, paths, reference):
        gold = set((tuple(a), tuple(b)) for a, b in d.gold)
        made = set((tuple(a), tuple(b)) for a, b in path)
        before = set((tuple(a), tuple(b)) for a, b in ref)
        gained += len((made - before) & gold)
        lost += len((before - made) & gold)
    return gained, lost


def fused(documents, fusion):
    return [d.search(d.value + np.where(d.paired, fusion(d), 0)) for d in documents]


def prepare(d, k=4):
    """Each candidate's margin-normalised cosine (less the mean of its sentences' k best cosines
    with any sentence of the other side, as in margin-based bitext mining), its cosine z-scored
    among the document's 1-1 candidates, and its cosine less the document's mean for its shape."""
    sims = d.zw[:d.n] @ d.ew[:d.m].T
    kz = np.concatenate([[0], np.cumsum(np.sort(sims, 1)[:, -k:].mean(1))])
    ke = np.concatenate([[0], np.cumsum(np.sort(sims, 0)[-k:, :].mean(0))])
    nz = np.maximum(d.z1 - d.z0, 1)
    ne = np.maximum(d.e1 - d.e0, 1)
    hub = ((kz[d.z1] - kz[d.z0]) / nz + (ke[d.e1] - ke[d.e0]) / ne) / 2
    d.margin = np.where(d.paired, d.cosine - hub, 0)
    one = d.paired & (d.z1 - d.z0 == 1) & (d.e1 - d.e0 == 1)
    d.zscore = np.where(d.paired, (d.cosine - d.cosine[one].mean()) / d.cosine[one].std(), 0)
    shapes = (d.z1 - d.z0) * 10 + (d.e1 - d.e0)
    d.shape_centred = np.zeros(len(d.z0))
    for s in np.unique(shapes[d.paired]):
        chosen = d.paired & (shapes == s)
        d.shape_centred[chosen] = d.cosine[chosen] - d.cosine[chosen].mean()
    d.sentences = (d.z1 - d.z0 + d.e1 - d.e0) / 2


# Each family: its settings (weight 0, the lexical search, is in every grid, so that the choice
# made on five chapters may decline meaning) and the term each adds to a paired bead's value.
FAMILIES = {
    'cosine less a centre (session 5)':
        {(w, c): (lambda d, w=w, c=c: w * (d.cosine - c)) for w in [0.25, 0.5, 1, 2] for c in [0.8, 0.83, 0.85, 0.87]},
    'the same per sentence of the bead':
        {(w, c): (lambda d, w=w, c=c: w * d.sentences * (d.cosine - c)) for w in [0.25, 0.5, 1, 2] for c in [0.8, 0.83, 0.85, 0.87]},
    'margin-normalised cosine (k=4)':
        {(w, c): (lambda d, w=w, c=c: w * (d.margin - c)) for w in [0.5, 1, 2, 4] for c in [-0.02, 0, 0.02, 0.04]},
    'cosine z-scored per document':
        {(w, c): (lambda d, w=w, c=c: w * 0.02 * (d.zscore - c)) for w in [0.25, 0.5, 1, 2] for c in [-1, -0.5, 0, 0.5]},
    'cosine less its shape\'s mean in the document':
        {(w,): (lambda d, w=w: w * d.shape_centred) for w in [0.25, 0.5, 1, 2, 4]},
    'weighed where the words give little evidence: w (t - overlap)/t (cos - c) for overlap < t':
        {(w, c, t): (lambda d, w=w, c=c, t=t: w * np.maximum(0, t - d.overlap) / t * (d.cosine - c))
         for w in [1, 2, 4] for c in [0.83, 0.85] for t in [0.3, 0.5]},
    'tie-breaker: w (cos - c) clipped to ±cap, so meaning overturns only small lexical margins':
        {(w, c, cap): (lambda d, w=w, c=c, cap=cap: np.clip(w * (d.cosine - c), -cap, cap))
         for w in [1, 2, 4] for c in [0.83, 0.85, 0.87] for cap in [0.01, 0.02, 0.04]},
    'tie-breaker on the margin-normalised cosine':
        {(w, cap): (lambda d, w=w, cap=cap: np.clip(w * d.margin, -cap, cap)) for w in [1, 2, 4] for cap in [0.01, 0.02, 0.04]},
    'tie-breaker on the shape-centred cosine':
        {(w, cap): (lambda d, w=w, cap=cap: np.clip(w * d.shape_centred, -cap, cap)) for w in [1, 2, 4] for cap in [0.01, 0.02, 0.04]},
}


folder = os.path.join(args.out, 'mac-dev')
documents = [Document(folder, c, os.path.join(MACDEV, 'gold', c + '.align'), os.path.join(args.out, 'mac-dev-lexical', c + '.align'))
             for c in CHAPTERS]
lexical = [d.search(d.value) for d in documents]
for c, d, path in zip(CHAPTERS, documents, lexical):
    assert path == d.reference, 'chapter %s: the search redone in Python differs from duizhao align' % c
print('lexical search reproduced (equal to duizhao align, chapter by chapter): mac-dev strict %.3f lax %.3f' % pooled(documents, lexical))
errors(documents, lexical)
for centre in [0.8, 0.85, 0.9]:
    count, favours, loss = meaning_at_errors(documents, lexical, centre)
    print('regions where the lexical path parts from gold (gold inside the band): %d; meaning (centre %.2f) prefers gold in %d; '
          'median lexical loss of gold %.3f' % (count, centre, favours, loss))
for d in documents:
    prepare(d)
chosen_on_all = {}
print('fusions (in-sample: best setting of the grid; held out: each chapter with the setting best on the other five):')
for name, family in FAMILIES.items():
    settings = {'lexical': lexical}
    settings.update({str(label): fused(documents, f) for label, f in family.items()})
    best, inside, held, chosen = loo(settings, documents, CHAPTERS)
    chosen_on_all[name] = (best, family.get(eval(best)) if best != 'lexical' else None)
    print('  %s: in-sample %.3f / %.3f %s; leave-one-chapter-out %.3f / %.3f' % (name, inside[0], inside[1], best, held[0], held[1]), flush=True)
for w, c in [(1, 0.85), (2, 0.85), (4, 0.85)]:
    print('  cosine less %.2f, weight %g: gold beads gained %d, lost %d against the lexical search'
          % ((c, w) + gained_lost(documents, fused(documents, lambda d: w * (d.cosine - c)), lexical)))
for centre in [0.8, 0.83, 0.85]:
    alone = [d.search(np.where(d.paired, d.cosine - centre, 0) - d.penalty) for d in documents]
    print('meaning alone (cosine less %.2f, the shape costs, no words, length or cues): %.3f / %.3f' % ((centre,) + pooled(documents, alone)))

bible_folder = os.path.join(args.out, 'bible')
if os.path.exists(os.path.join(args.out, 'bible-lexical.align')):
    bible = [Document(bible_folder, '001', os.path.join(BIBLE, 'gold', '001.align'), os.path.join(args.out, 'bible-lexical.align'))]
    assert bible[0].search(bible[0].value) == bible[0].reference, 'Bible: the search redone in Python differs from duizhao align'
    prepare(bible[0])
    print('Bible (never tuned on), lexical: %.3f / %.3f' % pooled(bible, [bible[0].reference]))
    for name, (best, fusion) in chosen_on_all.items():
        if fusion is not None:
            print('  %s, %s: %.3f / %.3f' % ((name, best) + pooled(bible, fused(bible, fusion))))
else:
    print('Bible: not dumped (align_fusion.py dump --bible)')
