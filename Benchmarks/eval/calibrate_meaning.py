#!/usr/bin/env python3
"""Chooses annotate's ranking with meaning and fits its calibration on mac-dev; reports in-sample
and leave-one-chapter-out figures (MeaningRanking.swift).

The same setting as claims_p_at_1.py: every English sentence of a chapter is a claim, checked
against its own chapter's Chinese (shuffled) and against the next chapter's (no source). annotate
writes every scored candidate (DUIZHAO_CANDIDATES_DUMP): lexical raw score, cosine, margin, the
claim's content tokens. As in MeaningRanking.swift, the raw score is lexical + 12 * margin +
2 * (cosine - 0.8); the ranking score adds a bonus A where each sentence of the span is closest to
this claim of all claims (reciprocity) and takes off B per sentence beyond one. For each (A, B)
of a grid, a logistic over the best candidate's ranking score, its gap to the best rival that does
not overlap it (at most 1) and log(1 + claim tokens) is fitted on the best candidates of both
settings; the (A, B) with the highest sum of precision@1 (1-1), precision@1 (all) and the
unrelated claims' unsupported rate at the threshold 0.4 is chosen. Leave-one-chapter-out: chosen
and fitted on five chapters, scored on the sixth; the reliability table says how often a held-out
best candidate is right for each tenth of its calibrated score. Also prints the trade-off curve of
the in-sample choice. Texts go to a temporary folder, never into the repo.

usage: python3 Benchmarks/eval/calibrate_meaning.py [--binary .build/release/duizhao] [--shared ../shared]
           [--penalties 0,0.05,0.1,0.15,0.2,0.3]
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
ap.add_argument('--penalties', default='0,0.05,0.1,0.15,0.2,0.3', help='the grid of penalties per sentence beyond one')
args = ap.parse_args()
evaluation = os.path.join(args.shared, 'eval/align/mac-dev')
work = tempfile.mkdtemp(prefix='duizhao-calibrate-')
chapters = CHAPTERS
threshold = 0.4
MARGIN_WEIGHT, COSINE_WEIGHT, COSINE_CENTRE = 12.0, 2.0, 0.8
LARGEST_GAP = 1.0
GRID = [(a, b) for a in [0, 0.1, 0.2, 0.3, 0.5] for b in [float(x) for x in args.penalties.split(',')]]

meta = {chapter: write_chapter(evaluation, chapter, work) for chapter in chapters}

# Every candidate of every claim (in annotate's order), with whether it covers a gold sentence.
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
        candidates, tokens = {}, {}
        for row in open(dump):
            j, start, length, lexical, cosine, margin, claim_tokens = row.split('\t')
            j, start, length = int(j), int(start), int(length)
            if math.isnan(float(cosine)):
                raise SystemExit('annotate scored without the model: install it (duizhao model install) first')
            covered = set().union(*sentence_lines[start:start + length])
            right = kind == 'own' and any(covered & m['gold'][e] for e in claims[j])
            raw = float(lexical) + MARGIN_WEIGHT * float(margin) + COSINE_WEIGHT * (float(cosine) - COSINE_CENTRE)
            candidates.setdefault(j, []).append((start, length, raw, right))
            tokens[j] = int(claim_tokens)
        data[(chapter, kind)] = (claims, candidates, tokens)


def best_candidates(ranking):
    """Per setting and claim, the best candidate by the ranking score (A, B), as the features of the
    calibration and whether it is right: {(chapter, kind): {claim: (features, right)}}."""
    a, b = ranking
    result = {}
    for key, (claims, candidates, tokens) in data.items():
        closest = {}
        for j in sorted(candidates):
            for start, length, raw, right in candidates[j]:
                if length == 1 and (start not in closest or raw > closest[start][0]):
                    closest[start] = (raw, j)
        best = {}
        for j, rows in candidates.items():
            scored = []
            for start, length, raw, right in rows:
                reciprocal = all(closest.get(g, (0, j))[1] == j for g in range(start, start + length))
                scored.append((raw + (a if reciprocal else 0) - b * (length - 1), start, length, right))
            scored.sort(key=lambda x: (-x[0], x[1], x[2]))
            top = scored[0]
            rival = next((x[0] for x in scored[1:] if x[1] + x[2] <= top[1] or top[1] + top[2] <= x[1]), None)
            gap = LARGEST_GAP if rival is None else min(LARGEST_GAP, top[0] - rival)
            best[j] = ((top[0], gap, math.log(1 + tokens[j])), top[3])
        result[key] = best
    return result


def fit(best, names):
    """Logistic regression of 'right' on the features: weights (score, gap, tokens, intercept)."""
    x = np.array([f for c in names for kind in ['own', 'unrelated'] for f, r in best[(c, kind)].values()])
    y = np.array([r for c in names for kind in ['own', 'unrelated'] for f, r in best[(c, kind)].values()], dtype=float)
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    for _ in range(60):
        p = 1 / (1 + np.exp(-xb @ w))
        gradient = xb.T @ (p - y)
        hessian = (xb * (p * (1 - p))[:, None]).T @ xb + 1e-6 * np.eye(len(w))
        w -= np.linalg.solve(hessian, gradient)
    return w


def probability(w, features):
    return 1 / (1 + math.exp(-(np.dot(w[:-1], features) + w[-1])))


def counts(best, w, names, cut):
    """Hits and totals: 1-1 right links, all right links, unrelated claims unsupported, links shown
    that are right, links shown."""
    one, linked, unrelated, shown = [0, 0], [0, 0], [0, 0], [0, 0]
    for chapter in names:
        m = meta[chapter]
        claims = data[(chapter, 'own')][0]
        by_line = {}
        for j, lines in enumerate(claims):
            found = best[(chapter, 'own')].get(j)
            for e in lines:
                by_line.setdefault(e, (probability(w, found[0]), found[1]) if found else (-1.0, False))
        for e in range(m['english']):
            p, right = by_line.get(e, (-1.0, False))
            if p >= cut:
                shown[0] += right
                shown[1] += 1
            if m['gold'][e]:
                linked[0] += right and p >= cut
                linked[1] += 1
                if e in m['one_to_one']:
                    one[0] += right and p >= cut
                    one[1] += 1
        for j in range(len(data[(chapter, 'unrelated')][0])):
            found = best[(chapter, 'unrelated')].get(j)
            above = found is not None and probability(w, found[0]) >= cut
            unrelated[0] += not above
            unrelated[1] += 1
            shown[1] += above
    return one, linked, unrelated, shown


def figures(c):
    return tuple(h / t if t else 1.0 for h, t in c)


BEST = {ranking: best_candidates(ranking) for ranking in GRID}


def choose(names):
    """The (A, B) and calibration with the highest sum of the three figures at the threshold."""
    chosen = None
    for ranking in GRID:
        w = fit(BEST[ranking], names)
        f = figures(counts(BEST[ranking], w, names, threshold))
        if chosen is None or f[0] + f[1] + f[2] > chosen[0]:
            chosen = (f[0] + f[1] + f[2], ranking, w)
    return chosen[1:]


def show(label, f):
    print('%s: precision@1 %.3f (1-1), %.3f (all); unrelated claims unsupported %.3f; links shown that are right %.3f'
          % (label, f[0], f[1], f[2], f[3]))


ranking, w = choose(chapters)
print('chosen on all six chapters: reciprocal bonus %g, extra sentence penalty %g; calibration weights: score %.2f, gap %.2f, '
      'claim tokens %.2f, intercept %.2f' % (ranking + tuple(w)))
show('in-sample at 0.4', figures(counts(BEST[ranking], w, chapters, threshold)))
held = [[0, 0] for _ in range(4)]
reliability = {}  # calibrated score's tenth -> [right, all], held-out chapters' best candidates
for chapter in chapters:
    r, wc = choose([c for c in chapters if c != chapter])
    for kind in ['own', 'unrelated']:
        for features, right in BEST[r][(chapter, kind)].values():
            tenth = min(9, int(probability(wc, features) * 10))
            reliability.setdefault(tenth, [0, 0])
            reliability[tenth][0] += right
            reliability[tenth][1] += 1
    for total, part in zip(held, counts(BEST[r], wc, [chapter], threshold)):
        total[0] += part[0]
        total[1] += part[1]
    print('  without %s: bonus %g, penalty %g, weights %s' % (chapter, r[0], r[1], ' '.join('%.2f' % x for x in wc)))
show('leave-one-chapter-out at 0.4', figures(held))
print('reliability, leave-one-chapter-out (best candidates of claims against their own chapter and another one):')
for tenth in sorted(reliability):
    right, total = reliability[tenth]
    print('  calibrated %.1f-%.1f: %4d candidates, %.3f right' % (tenth / 10, (tenth + 1) / 10, total, right / total))
print('trade-off of the in-sample choice (threshold: calibrated score):')
for t in [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]:
    show('  %.1f' % t, figures(counts(BEST[ranking], w, chapters, t)))
