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
           [--no-model] [--no-ecdict]

--no-model and --no-ecdict pass annotate's flags of those names (lexical evidence only; no ECDICT).
"""
import argparse
import json
import os
import subprocess
import tempfile

from macdev import CHAPTERS, line_at, write_chapter

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument('--binary', default='.build/release/duizhao')
ap.add_argument('--shared', default='../shared')
ap.add_argument('--threshold', help='passed to annotate (its default otherwise)')
ap.add_argument('--no-model', action='store_true', help="passed to annotate: lexical evidence only")
ap.add_argument('--no-ecdict', action='store_true', help="passed to annotate: ECDICT left out")
args = ap.parse_args()
evaluation = os.path.join(args.shared, 'eval/align/mac-dev')
work = tempfile.mkdtemp(prefix='duizhao-p1-')
options = ((['--threshold', args.threshold] if args.threshold else []) + (['--no-model'] if args.no_model else [])
           + (['--no-ecdict'] if args.no_ecdict else []))


totals = {name: [0, 0] for name in ['one_to_one', 'linked', 'unaligned', 'ranked_one_to_one', 'ranked_linked', 'unrelated']}
for chapter in CHAPTERS:
    m = write_chapter(evaluation, chapter, work)
    gold_zh, one_to_one, order = m['gold'], m['one_to_one'], m['order']
    article_ranges, source_ranges, article, source = m['article_ranges'], m['source_ranges'], m['article'], m['source']
    result = subprocess.run([args.binary, 'annotate', article, '--source', source, '--format', 'json'] + options,
                            check=True, capture_output=True)
    report = json.loads(result.stdout)
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
    for e in range(m['english']):
        found = best.get(e)
        hit = bool(found and found[0] and found[1] & gold_zh[e])
        ranked = bool(found and found[1] & gold_zh[e])  # the top candidate, above the threshold or not
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
chapters = CHAPTERS
for index, chapter in enumerate(chapters):
    other = chapters[(index + 1) % len(chapters)]
    result = subprocess.run([args.binary, 'annotate', os.path.join(work, chapter + '.txt'),
                             '--source', os.path.join(work, other + '-zh.txt'), '--format', 'json'] + options,
                            check=True, capture_output=True)
    for claim in json.loads(result.stdout)['claims']:
        totals['unrelated'][0] += not claim['supported']
        totals['unrelated'][1] += 1

for name, label in [('one_to_one', 'precision@1, English sentences of 1-1 beads'),
                    ('linked', 'precision@1, all English sentences gold links to Chinese'),
                    ('ranked_one_to_one', 'top candidate right, threshold aside, 1-1 beads'),
                    ('ranked_linked', 'top candidate right, threshold aside, all linked'),
                    ('unaligned', 'unsupported, of English sentences gold leaves without Chinese'),
                    ('unrelated', "unsupported, of claims against another chapter's Chinese (no source)")]:
    hits, count = totals[name]
    print('%s: %s' % (label, '%.3f (%d of %d)' % (hits / count, hits, count) if count else 'none in the data'))
