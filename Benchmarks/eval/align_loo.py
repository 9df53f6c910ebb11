#!/usr/bin/env python3
"""Leave-one-chapter-out evaluation of `duizhao align` on ../shared/eval/align/mac-dev.

Runs the aligner once per setting of a small grid of bead-scoring parameters (the grid the
default was chosen from), scores every chapter with the evaluation's own score.py, and reports:
the default setting's pooled F1, the best setting's pooled F1 (tuned on all six chapters), and
the honest figure: for each chapter, the setting that scores best on the other five, scored on
that chapter, pooled. The texts are read from ../shared at run time, never copied.

usage: python3 Benchmarks/eval/align_loo.py [--binary .build/release/duizhao] [--shared ../shared]
Needs CC-CEDICT ($DUIZHAO_DICTIONARY or installed with `duizhao dictionary install`).
"""
import argparse
import itertools
import os
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument('--binary', default='.build/release/duizhao')
ap.add_argument('--shared', default='../shared')
args = ap.parse_args()

evaluation = os.path.join(args.shared, 'eval/align/mac-dev')
sys.path.insert(0, os.path.join(args.shared, 'eval/align'))
import score  # noqa: E402  (the evaluation's own scorer)

chapters = ['001', '002', '003', '004', '005', '006']
gold = {c: score.read_alignments(os.path.join(evaluation, 'gold', c + '.align')) for c in chapters}


def run(parameters):
    """Aligns all six chapters in one process with `parameters`; returns the beads per chapter."""
    out = tempfile.mkdtemp(prefix='duizhao-loo-')
    command = [args.binary, 'align', '--presegmented', os.path.join(evaluation, 'zh'), os.path.join(evaluation, 'en'), '-o', out]
    if parameters:
        command += ['--parameters', parameters]
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    beads = {}
    for c in chapters:
        with open(os.path.join(out, c + '.align'), encoding='utf-8') as f:
            rows = [line.split('\t')[0].split(':') for line in f if line.strip()]
        beads[c] = [([int(x) for x in a.strip('[]').split(',') if x], [int(x) for x in b.strip('[]').split(',') if x]) for a, b in rows]
    return beads


def pooled(beads, subset=chapters):
    result = score.score_multiple([gold[c] for c in subset], [beads[c] for c in subset])
    return result['f1_strict'], result['f1_lax']


grid = {}
for skip, length, cues, two_one, scale, smoothing in itertools.product(
        [0.2, 0.3], [0.03, 0.05, 0.08], [0.05, 0.08], [0, 0.03], [0.75, 1, 1.5], [5, 10]):
    # `scale` multiplies every bead-shape cost but 2-1's (which has its own axis), 1-5's included.
    setting = ('skip=%g,length=%g,cues=%g,twoOne=%g,threeOne=%g,twoTwo=%g,fourOne=%g,threeTwo=%g,fiveOne=%g,smoothing=%g'
               % (skip, length, cues, two_one, 0.05 * scale, 0.1 * scale, 0.1 * scale, 0.15 * scale, 0.3 * scale, smoothing))
    grid[setting] = run(setting)

default = run('')
print('default setting: pooled F1 strict %.3f lax %.3f' % pooled(default))
best = max(grid, key=lambda s: pooled(grid[s])[0])
print('best of %d settings on all six chapters: strict %.3f lax %.3f (%s)' % ((len(grid),) + pooled(grid[best]) + (best,)))
held_out = {}
for c in chapters:
    others = [x for x in chapters if x != c]
    chosen = max(grid, key=lambda s: pooled(grid[s], others)[0])
    held_out[c] = grid[chosen][c]
    print('  %s: tuned on the other five, strict %.3f on it' % (c, pooled(grid[chosen], [c])[0]))
print('leave-one-chapter-out: pooled F1 strict %.3f lax %.3f' % pooled(held_out))
