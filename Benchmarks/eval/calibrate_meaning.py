#!/usr/bin/env python3
"""Chooses annotate's meaning weights and fits their calibration on mac-dev; reports in-sample and
leave-one-chapter-out figures.

The same setting as claims_p_at_1.py: every English sentence of a chapter is a claim, checked
against its own chapter's Chinese (shuffled) and against the next chapter's (no source). annotate
writes every scored candidate (DUIZHAO_CANDIDATES_DUMP): lexical raw score, cosine, margin. Here
the raw score with meaning is lexical + wm * margin + wc * (cosine - 0.8); for each (wm, wc) of a
grid a logistic calibration is fitted on the best candidates of both settings, and the pair with
the highest sum of precision@1 (1-1), precision@1 (all) and the unrelated claims' unsupported rate
at the threshold 0.4 is chosen. Leave-one-chapter-out: chosen and fitted on five chapters, scored
on the sixth. Also prints the lexical score's own figures over the same candidates, the model's
where it rejects as many unrelated claims, and the trade-off curve of the in-sample choice. Texts go to a temporary
folder, never into the repo.

usage: python3 Benchmarks/eval/calibrate_meaning.py [--binary .build/release/duizhao] [--shared ../shared]
"""
import argparse
import json
import math
import os
import subprocess
import tempfile

import numpy as np

from macdev import CHAPTERS, line_at, write_chapter

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument('--binary', default='.build/release/duizhao')
ap.add_argument('--shared', default='../shared')
args = ap.parse_args()
evaluation = os.path.join(args.shared, 'eval/align/mac-dev')
work = tempfile.mkdtemp(prefix='duizhao-calibrate-')
chapters = CHAPTERS
threshold = 0.4


meta = {chapter: write_chapter(evaluation, chapter, work) for chapter in chapters}

# Every candidate of every claim, with whether it covers a gold sentence.
data = {}
dump = os.path.join(work, 'candidates.tsv')
for index, chapter in enumerate(chapters):
    for kind, other in [('own', chapter), ('unrelated', chapters[(index + 1) % len(chapters)])]:
        result = subprocess.run([args.binary, 'annotate', meta[chapter]['article'], '--source', meta[other]['source'], '--format', 'json'],
                                env=dict(os.environ, DUIZHAO_CANDIDATES_DUMP=dump), capture_output=True, check=True)
        report = json.loads(result.stdout)
        m, s = meta[chapter], meta[other]
        sentence_lines = [{s['order'][j] for j in line_at(s['source_ranges'], x['start'], x['end'])}
                          for x in report['sources'][0]['sentences']]
        claims = [line_at(m['article_ranges'], c['start'], c['end']) for c in report['claims']]
        candidates = {}
        for row in open(dump):
            j, start, length, lexical, cosine, margin = row.split('\t')
            j, start, length = int(j), int(start), int(length)
            covered = set().union(*sentence_lines[start:start + length])
            right = kind == 'own' and any(covered & m['gold'][e] for e in claims[j])
            candidates.setdefault(j, []).append((start, length, float(lexical), float(cosine), float(margin), right))
        if any(math.isnan(c[3]) for cs in candidates.values() for c in cs):
            raise SystemExit('annotate scored without the model: install it (duizhao model install) first')
        data[(chapter, kind)] = (claims, candidates)


def best_candidates(weights, chapter):
    """Per English line of the chapter: (raw score of its claim's best candidate, right, 1-1, linked);
    per claim against the unrelated chapter: the raw score of its best candidate."""
    wm, wc = weights
    def raw(c):
        return c[2] + wm * c[4] + wc * (c[3] - 0.8)
    m = meta[chapter]
    claims, candidates = data[(chapter, 'own')]
    by_line = {}
    for j, lines in enumerate(claims):
        best = max(candidates.get(j, []), key=lambda c: (raw(c), -c[0], -c[1]), default=None)
        for e in lines:
            by_line.setdefault(e, (raw(best), best[5]) if best else (-9.0, False))
    own = [by_line.get(e, (-9.0, False)) + (e in m['one_to_one'], bool(m['gold'][e])) for e in range(m['english'])]
    claims, candidates = data[(chapter, 'unrelated')]
    unrelated = [max((raw(c) for c in candidates.get(j, [])), default=-9.0) for j in range(len(claims))]
    return own, unrelated


def fit(own, unrelated):
    """Logistic regression of 'right' on the raw score: (slope, midpoint)."""
    x = np.array([o[0] for o in own if o[0] > -9] + [u for u in unrelated if u > -9])
    y = np.array([o[1] for o in own if o[0] > -9] + [False for u in unrelated if u > -9], dtype=float)
    a, b = 3.0, -0.84
    for _ in range(100):
        p = 1 / (1 + np.exp(-(a * x + b)))
        w = p * (1 - p)
        gradient = np.array([np.sum((p - y) * x), np.sum(p - y)])
        hessian = np.array([[np.sum(w * x * x), np.sum(w * x)], [np.sum(w * x), np.sum(w)]]) + 1e-9 * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        a, b = a - step[0], b - step[1]
    return a, -b / a


def figures(own, unrelated, cut):
    one = sum(1 for f, r, o, l in own if o and r and f >= cut) / sum(1 for x in own if x[2])
    linked = sum(1 for f, r, o, l in own if l and r and f >= cut) / sum(1 for x in own if x[3])
    unsupported = sum(1 for u in unrelated if u < cut) / len(unrelated)
    shown = sum(1 for f, r, o, l in own if f >= cut) + sum(1 for u in unrelated if u >= cut)
    shown_right = sum(1 for f, r, o, l in own if f >= cut and r)
    return one, linked, unsupported, shown_right / shown if shown else 1.0


def pooled(weights, names):
    own, unrelated = [], []
    for chapter in names:
        o, u = best_candidates(weights, chapter)
        own += o
        unrelated += u
    return own, unrelated


def choose(names):
    best = None
    for weights in [(wm, wc) for wm in [0, 2, 4, 6, 8, 12, 16] for wc in [0, 1, 2, 4, 6]]:
        own, unrelated = pooled(weights, names)
        slope, midpoint = fit(own, unrelated)
        cut = midpoint + math.log(threshold / (1 - threshold)) / slope
        f = figures(own, unrelated, cut)
        if best is None or f[0] + f[1] + f[2] > best[0]:
            best = (f[0] + f[1] + f[2], weights, slope, midpoint)
    return best[1:]


def show(label, f):
    print('%s: precision@1 %.3f (1-1), %.3f (all); unrelated claims unsupported %.3f; links shown that are right %.3f'
          % (label, f[0], f[1], f[2], f[3]))


weights, slope, midpoint = choose(chapters)
print('chosen on all six chapters: margin weight %g, cosine weight %g; calibration slope %.2f, midpoint %.3f'
      % (weights[0], weights[1], slope, midpoint))
own, unrelated = pooled(weights, chapters)
show('in-sample at 0.4', figures(own, unrelated, midpoint + math.log(threshold / (1 - threshold)) / slope))
own_held, unrelated_held = [], []
for chapter in chapters:
    w, s, m = choose([c for c in chapters if c != chapter])
    cut = m + math.log(threshold / (1 - threshold)) / s
    o, u = best_candidates(w, chapter)
    # Scores as seen through the five chapters' calibration: the held-out chapter's cut.
    own_held += [(f - cut, r, a, b) for f, r, a, b in o]
    unrelated_held += [x - cut for x in u]
    print('  without %s: weights %s, slope %.2f, midpoint %.3f' % (chapter, w, s, m))
show('leave-one-chapter-out at 0.4', figures(own_held, unrelated_held, 0.0))
# The lexical score alone, with its own calibration (CrossReferencer.calibrate: slope 3, midpoint
# 0.28), over the same candidates, and the model where it rejects as many unrelated claims.
own_words, unrelated_words = pooled((0, 0), chapters)
lexical = figures(own_words, unrelated_words, 0.28 + math.log(threshold / (1 - threshold)) / 3)
show('lexical score alone at 0.4', lexical)
same = sorted(unrelated)[int(lexical[2] * len(unrelated))]
show('with the model, as many unrelated claims unsupported as lexically', figures(own, unrelated, same))
print('trade-off of the in-sample choice (threshold: calibrated score):')
for t in [0.2, 0.3, 0.4, 0.5, 0.6]:
    show('  %.1f' % t, figures(own, unrelated, midpoint + math.log(t / (1 - t)) / slope))
