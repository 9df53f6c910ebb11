"""mac-dev as the claims benchmarks read it: each chapter's English sentences as an article of one
paragraph each, its Chinese sentences shuffled (seeded by the chapter) as one source, and which
Chinese sentences gold links to each English one. Shared by claims_p_at_1.py and
calibrate_meaning.py; texts are written to a temporary folder, never into the repo."""
import os
import random

CHAPTERS = ['001', '002', '003', '004', '005', '006']


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


def write_chapter(evaluation, chapter, work):
    """Writes WORK/CHAPTER.txt (the article) and WORK/CHAPTER-zh.txt (the shuffled source); returns
    a dict: english (count), gold (English line -> Chinese lines), one_to_one (English lines of 1-1
    beads), order (source line -> Chinese line), article_ranges, source_ranges, article, source."""
    english = [l.rstrip('\n') for l in open(os.path.join(evaluation, 'en', chapter), encoding='utf-8')]
    chinese = [l.rstrip('\n') for l in open(os.path.join(evaluation, 'zh', chapter), encoding='utf-8')]
    gold = {e: set() for e in range(len(english))}
    one_to_one = set()
    for bead in open(os.path.join(evaluation, 'gold', chapter + '.align'), encoding='utf-8'):
        zh_side, en_side = bead.strip().split(':')
        zh = [int(x) for x in zh_side.strip('[]').split(',') if x]
        en = [int(x) for x in en_side.strip('[]').split(',') if x]
        for e in en:
            gold[e].update(zh)
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
    return dict(english=len(english), gold=gold, one_to_one=one_to_one, order=order, article_ranges=article_ranges,
                source_ranges=source_ranges, article=article, source=source)
