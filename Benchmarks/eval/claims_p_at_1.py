#!/usr/bin/env python3
"""Precision@1 of `duizhao annotate` at finding a claim's source sentence, on mac-dev.

For each chapter of ../shared/eval/align/mac-dev, every English sentence becomes a claim of an
article and all Chinese sentences of the chapter, shuffled (fixed seed), become one source. A
claim's top link is a hit when one of the Chinese sentences it covers is gold-linked to the
claim's sentence. Reported: precision@1 over English sentences of 1-1 beads, over all English
sentences that gold links to Chinese, and how often English sentences gold leaves without
Chinese come out unsupported, and how often claims checked against another chapter's Chinese
(which cannot support them) come out unsupported. Texts go to a temporary folder at run time, never into the repo.

usage: python3 Benchmarks/eval/claims_p_at_1.py [--binary .build/release/duizhao] [--shared ../shared] [--threshold T]
           [--no-model] [--per-chapter FILE]

--no-model passes annotate's flag of that name (lexical evidence only); --per-chapter writes each
chapter's counts as JSON, for leave-one-chapter-out figures (calibrate.py).
"""
import argparse
import json
import os
import random
import subprocess
import tempfile

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument('--binary', default='.build/release/duizhao')
ap.add_argument('--shared', default='../shared')
ap.add_argument('--threshold', help='passed to annotate (its default otherwise)')
ap.add_argument('--no-model', action='store_true', help="passed to annotate: lexical evidence only")
ap.add_argument('--per-chapter', help='write per-chapter counts and every top candidate (score, right or not) as JSON here')
args = ap.parse_args()
evaluation = os.path.join(args.shared, 'eval/align/mac-dev')
work = tempfile.mkdtemp(prefix='duizhao-p1-')
options = (['--threshold', args.threshold] if args.threshold else []) + (['--no-model'] if args.no_model else [])
per_chapter = {}


def lines_with_offsets(lines):
    """The lines joined by blank lines (one paragraph each), with each line's UTF-8 byte range."""
    text, ranges, offset = [], [], 0
    for line in lines:
        data = line.encode('utf-8')
        ranges.append((offset, offset + len(data)))
        text.append(line)
        offset += len(data) + 2
    return '\n\n'.join(text) + '\n', ranges


def line_at(ranges, start, end):
    """The lines that the byte range start..<end touches."""
    return {i for i, (a, b) in enumerate(ranges) if a < end and start < b}


totals = {name: [0, 0] for name in ['one_to_one', 'linked', 'unaligned', 'ranked_one_to_one', 'ranked_linked', 'unrelated']}
for chapter in ['001', '002', '003', '004', '005', '006']:
    english = [l.rstrip('\n') for l in open(os.path.join(evaluation, 'en', chapter), encoding='utf-8')]
    chinese = [l.rstrip('\n') for l in open(os.path.join(evaluation, 'zh', chapter), encoding='utf-8')]
    gold_zh = {e: set() for e in range(len(english))}
    one_to_one = set()
    for bead in open(os.path.join(evaluation, 'gold', chapter + '.align'), encoding='utf-8'):
        zh_side, en_side = bead.strip().split(':')
        zh = [int(x) for x in zh_side.strip('[]').split(',') if x]
        en = [int(x) for x in en_side.strip('[]').split(',') if x]
        for e in en:
            gold_zh[e].update(zh)
        if len(zh) == 1 and len(en) == 1:
            one_to_one.add(en[0])
    order = list(range(len(chinese)))
    random.Random(int(chapter)).shuffle(order)
    article_text, article_ranges = lines_with_offsets(english)
    source_text, source_ranges = lines_with_offsets([chinese[i] for i in order])
    article = os.path.join(work, chapter + '.txt')
    source = os.path.join(work, chapter + '-zh.txt')
    open(article, 'w', encoding='utf-8').write(article_text)
    open(source, 'w', encoding='utf-8').write(source_text)
    result = subprocess.run([args.binary, 'annotate', article, '--source', source, '--format', 'json'] + options,
                            check=True, capture_output=True)
    report = json.loads(result.stdout)
    chapter_top = []
    top_score = {}
    sentences = {s['id']: s for doc in report['sources'] for s in doc['sentences']}
    best = {}
    for claim in report['claims']:
        lines = line_at(article_ranges, claim['start'], claim['end'])
        top = claim['links'][0] if claim['links'] else claim.get('best_candidate')
        if not top:
            for e in lines:
                best.setdefault(e, None)
            continue
        ids = [int(x) for x in str(top['source_id']).split('-')]
        covered = set()
        for i in range(ids[0], ids[-1] + 1):
            s = sentences.get(i) or sentences.get(str(i))
            if s:
                covered |= {order[j] for j in line_at(source_ranges, s['start'], s['end'])}
        for e in lines:
            if e not in best or best[e] is None:
                best[e] = (claim['supported'], covered)
        for e in lines:
            top_score.setdefault(e, top['score'])
    per_chapter[chapter] = {'top': chapter_top, 'unrelated': []}
    for e in range(len(english)):
        found = best.get(e)
        hit = bool(found and found[0] and found[1] & gold_zh[e])
        ranked = bool(found and found[1] & gold_zh[e])  # the top candidate, above the threshold or not
        chapter_top.append({'score': top_score.get(e, 0.0), 'right': ranked, 'linked': bool(gold_zh[e]), 'one_to_one': e in one_to_one})
        if gold_zh[e]:
            for name, value in [('linked', hit), ('ranked_linked', ranked)]:
                totals[name][0] += value
                totals[name][1] += 1
            if e in one_to_one:
                for name, value in [('one_to_one', hit), ('ranked_one_to_one', ranked)]:
                    totals[name][0] += value
                    totals[name][1] += 1
        else:
            totals['unaligned'][0] += not (found and found[0])
            totals['unaligned'][1] += 1

# Claims with no source: each chapter's English against the next chapter's Chinese. Every claim
# should come out unsupported; those that do not are false links.
chapters = ['001', '002', '003', '004', '005', '006']
for index, chapter in enumerate(chapters):
    other = chapters[(index + 1) % len(chapters)]
    result = subprocess.run([args.binary, 'annotate', os.path.join(work, chapter + '.txt'),
                             '--source', os.path.join(work, other + '-zh.txt'), '--format', 'json'] + options,
                            check=True, capture_output=True)
    for claim in json.loads(result.stdout)['claims']:
        totals['unrelated'][0] += not claim['supported']
        totals['unrelated'][1] += 1
        top = claim['links'][0] if claim['links'] else claim.get('best_candidate')
        if top:
            per_chapter[chapter]['unrelated'].append({'score': top['score'], 'similarity': top.get('similarity')})

for name, label in [('one_to_one', 'precision@1, English sentences of 1-1 beads'),
                    ('linked', 'precision@1, all English sentences gold links to Chinese'),
                    ('ranked_one_to_one', 'top candidate right, threshold aside, 1-1 beads'),
                    ('ranked_linked', 'top candidate right, threshold aside, all linked'),
                    ('unaligned', 'unsupported, of English sentences gold leaves without Chinese'),
                    ('unrelated', "unsupported, of claims against another chapter's Chinese (no source)")]:
    hits, count = totals[name]
    print('%s: %s' % (label, '%.3f (%d of %d)' % (hits / count, hits, count) if count else 'none in the data'))

if args.per_chapter:
    with open(args.per_chapter, 'w') as out:
        json.dump(per_chapter, out)
