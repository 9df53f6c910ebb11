#!/usr/bin/env python3
"""Claims against small sources: does a score still mean the same when few sentences compete?

claims_p_at_1.py checks each mac-dev chapter's English against all of its chapter's Chinese (300
sentences and more). A real article cites a news item of ten or thirty sentences, where a chance
match has fewer rivals (the calibration with the model weighs the gap to the best rival). Here
each chapter's English is checked against N Chinese sentences drawn at random (seeded) from its
own chapter, and against N from the next chapter. Reported per N:
- precision@1 over the English sentences whose gold Chinese was drawn (the top link above the
  threshold covers a gold sentence);
- how often an English sentence whose gold Chinese was not drawn comes out unsupported (same
  chapter: same people, same scene, no support);
- how often a claim checked against the next chapter's sentences comes out unsupported.
Texts go to a temporary folder at run time, never into the repo.

usage: python3 Benchmarks/eval/claims_small_sources.py [--binary .build/release/duizhao] [--shared ../shared]
           [--sizes 10,30,100] [-- annotate options, e.g. --no-model]
"""
import argparse
import json
import os
import random
import subprocess
import tempfile

from macdev import CHAPTERS, line_at, write_chapter

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument('--binary', default='.build/release/duizhao')
ap.add_argument('--shared', default='../shared')
ap.add_argument('--sizes', default='10,30,100', help='source sizes in sentences, comma-separated')
ap.add_argument('options', nargs='*', help='passed to annotate (after --)')
args = ap.parse_args()
evaluation = os.path.join(args.shared, 'eval/align/mac-dev')
work = tempfile.mkdtemp(prefix='duizhao-small-')
meta = {chapter: write_chapter(evaluation, chapter, work) for chapter in CHAPTERS}
chinese = {chapter: [line.rstrip('\n') for line in open(os.path.join(evaluation, 'zh', chapter), encoding='utf-8')]
           for chapter in CHAPTERS}

for size in [int(x) for x in args.sizes.split(',')]:
    hits, present, absent_unsupported, absent, unrelated_unsupported, unrelated = 0, 0, 0, 0, 0, 0
    for index, chapter in enumerate(CHAPTERS):
        m = meta[chapter]
        for kind, other in [('own', chapter), ('unrelated', CHAPTERS[(index + 1) % len(CHAPTERS)])]:
            drawn = sorted(random.Random(size * 100 + index).sample(range(len(chinese[other])), min(size, len(chinese[other]))))
            source = os.path.join(work, '%s-%s-%d.txt' % (chapter, kind, size))
            open(source, 'w', encoding='utf-8').write('\n\n'.join(chinese[other][k] for k in drawn) + '\n')
            ranges, offset = [], 0
            for k in drawn:
                length = len(chinese[other][k].encode('utf-8'))
                ranges.append((offset, offset + length))
                offset += length + 2
            result = subprocess.run([args.binary, 'annotate', m['article'], '--source', source, '--format', 'json'] + args.options,
                                    capture_output=True, check=True)
            seen = set()
            for claim in json.loads(result.stdout)['claims']:
                for e in sorted(line_at(m['article_ranges'], claim['start'], claim['end'])):
                    # An English line split into several claims is judged by its first, as in claims_p_at_1.py.
                    if e in seen:
                        continue
                    seen.add(e)
                    linked = bool(claim['links'])
                    if kind == 'unrelated':
                        unrelated += 1
                        unrelated_unsupported += not linked
                        continue
                    if not m['gold'][e]:
                        continue
                    gold = {drawn.index(g) for g in m['gold'][e] if g in drawn}
                    if gold:
                        present += 1
                        if linked:
                            top = claim['links'][0]
                            hits += bool(line_at(ranges, top['start'], top['end']) & gold)
                    else:
                        absent += 1
                        absent_unsupported += not linked
    print('%d sentences: precision@1 %.3f (%d English sentences whose gold was drawn); gold not drawn, unsupported %.3f (%d); '
          'against another chapter, unsupported %.3f (%d)' % (
              size, hits / max(1, present), present, absent_unsupported / max(1, absent), absent,
              unrelated_unsupported / max(1, unrelated), unrelated), flush=True)
