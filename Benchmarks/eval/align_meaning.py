#!/usr/bin/env python3
"""Align with the embedding model on ../shared/eval/align/mac-dev: the weight of meaning, chosen
with leave-one-chapter-out figures beside the in-sample ones, and the Bible as held-out data.

Runs `duizhao align` over all six chapters for each setting of the meaning weight and centre
(AlignmentParameters.meaning, .meaningCentre; every other parameter at its default), scores them
with the evaluation's own score.py, and reports: each setting's pooled F1, the default's, the best
in-sample, the leave-one-chapter-out figure (for each chapter the setting best on the other five),
the same without the model, and the Bible (never tuned on; its first document, English side first
as its gold is) with and without the model. Texts are read from ../shared, never copied.

usage: python3 Benchmarks/eval/align_meaning.py [--binary .build/release/duizhao] [--shared ../shared]
Needs CC-CEDICT and the model installed (duizhao dictionary install, duizhao model install).
"""
import argparse
import os
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument('--binary', default='.build/release/duizhao')
ap.add_argument('--shared', default='../shared')
ap.add_argument('--no-bible', action='store_true', help='leave out the Bible (with the model, its windows take half an hour to embed on two cores)')
args = ap.parse_args()
evaluation = os.path.join(args.shared, 'eval/align/mac-dev')
sys.path.insert(0, os.path.join(args.shared, 'eval/align'))
import score  # noqa: E402  (the evaluation's own scorer)

chapters = ['001', '002', '003', '004', '005', '006']
gold = {c: score.read_alignments(os.path.join(evaluation, 'gold', c + '.align')) for c in chapters}


def parse(path):
    with open(path, encoding='utf-8') as f:
        rows = [line.split('\t')[0].split(':') for line in f if line.strip()]
    return [([int(x) for x in a.strip('[]').split(',') if x], [int(x) for x in b.strip('[]').split(',') if x]) for a, b in rows]


def run(options):
    out = tempfile.mkdtemp(prefix='duizhao-meaning-')
    subprocess.run([args.binary, 'align', '--presegmented', os.path.join(evaluation, 'zh'), os.path.join(evaluation, 'en'),
                    '-o', out] + options, check=True, stderr=subprocess.DEVNULL)
    return {c: parse(os.path.join(out, c + '.align')) for c in chapters}


def pooled(beads, subset=chapters):
    result = score.score_multiple([gold[c] for c in subset], [beads[c] for c in subset])
    return result['f1_strict'], result['f1_lax']


grid = {}
for weight in [0.25, 0.5, 1, 2, 4]:
    for centre in [0.75, 0.8, 0.85]:
        setting = 'meaning=%g,meaningCentre=%g' % (weight, centre)
        grid[setting] = run(['--parameters', setting])
        print('%s: strict %.3f lax %.3f' % ((setting,) + pooled(grid[setting])), flush=True)
print('without the model: strict %.3f lax %.3f' % pooled(run(['--no-model'])))
best = max(grid, key=lambda s: pooled(grid[s])[0])
print('best in-sample: strict %.3f lax %.3f (%s)' % (pooled(grid[best]) + (best,)))
held_out = {}
for c in chapters:
    chosen = max(grid, key=lambda s: pooled(grid[s], [x for x in chapters if x != c])[0])
    held_out[c] = grid[chosen][c]
    print('  %s: %s chosen on the other five' % (c, chosen))
print('leave-one-chapter-out: strict %.3f lax %.3f' % pooled(held_out))

if args.no_bible:
    sys.exit(0)
bible = os.path.join(args.shared, 'eval/align/bible')
bible_gold = score.read_alignments(os.path.join(bible, 'gold', '001.align'))
for label, options in [('with the model (%s)' % best, ['--parameters', best]), ('without the model', ['--no-model'])]:
    out = tempfile.mktemp(prefix='duizhao-bible-')
    subprocess.run([args.binary, 'align', '--presegmented', os.path.join(bible, 'en', '001'), os.path.join(bible, 'zh', '001'),
                    '-o', out] + options, check=True, stderr=subprocess.DEVNULL)
    result = score.score_multiple([bible_gold], [parse(out)])
    print('Bible (held out) %s: strict %.3f lax %.3f' % (label, result['f1_strict'], result['f1_lax']))
