#!/usr/bin/env python3
"""Makes the large and hostile inputs docs/BENCHMARKS.md measures, in a folder outside the repo.

  make_inputs.py hostile OUT            200 MB line, NUL bytes, nested HTML, 1M-row glossary
  make_inputs.py align-pair N OUT       zh-N / en-N: the six mac-dev chapters repeated until the
                                        Chinese side has at least N sentences
  make_inputs.py claims N M OUT         claims-N.txt (N English sentences, one per paragraph) and
                                        sources-M.txt (M Chinese sentences), from mac-dev
  make_inputs.py article MB OUT         article-MB.txt: Samples/ (the article and its sources)
                                        repeated to MB megabytes, paragraphs of both languages

Evaluation texts are read from ../shared at run time (--shared) and written only to OUT.
"""
import argparse
import os
import random

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument('what', choices=['hostile', 'align-pair', 'claims', 'article'])
ap.add_argument('numbers', nargs='*', type=int)
ap.add_argument('out')
ap.add_argument('--shared', default='../shared')
args = ap.parse_args()
os.makedirs(args.out, exist_ok=True)
mac_dev = os.path.join(args.shared, 'eval/align/mac-dev')


def chapter_lines(side):
    lines = []
    for chapter in ['001', '002', '003', '004', '005', '006']:
        with open(os.path.join(mac_dev, side, chapter), encoding='utf-8') as f:
            lines += [l.rstrip('\n') for l in f]
    return lines


if args.what == 'hostile':
    random.seed(7)
    words = ['周鸿祎', '表示', '中美', 'AI', '差距', '一两年', '就能', '赶上', '。', 'The', 'gap', 'could', 'close',
             'within', 'two', 'years', '.', '台積電', '，', ' ']
    chunk = ''.join(random.choice(words) for _ in range(100000))
    with open(os.path.join(args.out, 'huge-line.txt'), 'w', encoding='utf-8') as f:
        size = 0
        while size < 200_000_000:
            f.write(chunk)
            size += len(chunk.encode())
    with open(os.path.join(args.out, 'nested.html'), 'w') as f:
        f.write('<html><body>' + '<div>' * 200000 + 'Deep text here.' + '</div>' * 200000 + '</body></html>')
    with open(os.path.join(args.out, 'nul.txt'), 'wb') as f:
        f.write('前文。\x00中间\x00。After.\x00\n'.encode())
    with open(os.path.join(args.out, 'million.tsv'), 'w', encoding='utf-8') as f:
        f.write('en\tzh\n')
        for i in range(1_000_000):
            f.write('term %d\t词%d语\n' % (i, i))
elif args.what == 'align-pair':
    (n,) = args.numbers
    zh, en = chapter_lines('zh'), chapter_lines('en')
    repeats = -(-n // len(zh))
    with open(os.path.join(args.out, 'zh-%d' % n), 'w', encoding='utf-8') as f:
        f.write('\n'.join(zh * repeats) + '\n')
    # The English of whole repetitions, so that the pair stays a translation.
    with open(os.path.join(args.out, 'en-%d' % n), 'w', encoding='utf-8') as f:
        f.write('\n'.join(en * repeats) + '\n')
elif args.what == 'article':
    (megabytes,) = args.numbers
    samples = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../Samples')
    parts = [open(os.path.join(samples, 'article.md'), encoding='utf-8').read()]
    for name in sorted(os.listdir(os.path.join(samples, 'sources'))):
        parts.append(open(os.path.join(samples, 'sources', name), encoding='utf-8').read())
    block = ('\n\n'.join(parts) + '\n\n').encode('utf-8') * 64
    with open(os.path.join(args.out, 'article-%d.txt' % megabytes), 'wb') as f:
        size = 0
        while size < megabytes * 1_000_000:
            f.write(block)
            size += len(block)
else:
    n, m = args.numbers
    en, zh = chapter_lines('en'), chapter_lines('zh')
    with open(os.path.join(args.out, 'claims-%d.txt' % n), 'w', encoding='utf-8') as f:
        f.write('\n\n'.join((en * (-(-n // len(en))))[:n]) + '\n')
    with open(os.path.join(args.out, 'sources-%d.txt' % m), 'w', encoding='utf-8') as f:
        f.write('\n\n'.join((zh * (-(-m // len(zh))))[:m]) + '\n')
