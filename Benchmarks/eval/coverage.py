#!/usr/bin/env python3
"""The dictionaries' reach on mac-dev (issue 13): of the English content words of gold 1-1 pairs,
how many a rendering found in their Chinese sentence covers — with the shipped glossaries and
CC-CEDICT, then with ECDICT too — and the same for random pairs (an English sentence against a
Chinese sentence of another chapter, fixed seed), which says how much of that is chance.

Pairs go to a temporary folder at run time, never into the repo.

usage: python3 Benchmarks/eval/coverage.py [--bench Benchmarks/.build/release/duizhao-bench] [--shared ../shared]
           [--dictionary ~/.local/share/duizhao/cedict_ts.u8]
"""
import argparse
import os
import random
import subprocess
import tempfile

from macdev import CHAPTERS

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument('--bench', default='Benchmarks/.build/release/duizhao-bench')
ap.add_argument('--shared', default='../shared')
ap.add_argument('--dictionary', default=os.path.expanduser('~/.local/share/duizhao/cedict_ts.u8'))
args = ap.parse_args()
evaluation = os.path.join(args.shared, 'eval/align/mac-dev')
work = tempfile.mkdtemp(prefix='duizhao-coverage-')

gold, chapters = [], {}
for chapter in CHAPTERS:
    english = [l.rstrip('\n') for l in open(os.path.join(evaluation, 'en', chapter), encoding='utf-8')]
    chinese = [l.rstrip('\n') for l in open(os.path.join(evaluation, 'zh', chapter), encoding='utf-8')]
    chapters[chapter] = (english, chinese)
    for bead in open(os.path.join(evaluation, 'gold', chapter + '.align'), encoding='utf-8'):
        zh_side, en_side = bead.strip().split(':')
        zh = [int(x) for x in zh_side.strip('[]').split(',') if x]
        en = [int(x) for x in en_side.strip('[]').split(',') if x]
        if len(zh) == 1 and len(en) == 1:
            gold.append((chapter, english[en[0]], chinese[zh[0]]))

rng = random.Random(13)
unrelated = []
for chapter, en, _ in gold:
    other = rng.choice([c for c in CHAPTERS if c != chapter])
    unrelated.append((en, rng.choice(chapters[other][1])))


def write(name, pairs):
    path = os.path.join(work, name)
    with open(path, 'w', encoding='utf-8') as f:
        for en, zh in pairs:
            f.write(en.replace('\t', ' ') + '\t' + zh.replace('\t', ' ') + '\n')
    return path


files = [write('gold-1-1.tsv', [(en, zh) for _, en, zh in gold]), write('random.tsv', unrelated)]
subprocess.run([args.bench, 'coverage', '--dictionary', args.dictionary] + sum([['--pairs', f] for f in files], []), check=True)
