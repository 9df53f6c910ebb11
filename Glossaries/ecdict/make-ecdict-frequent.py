#!/usr/bin/env python3
"""Makes ecdict-frequent.tsv, the English → Chinese layer Duizhao ships, from the shared copy of
ECDICT's frequent words (../shared/data/ecdict: ecdict-frequent.csv and lemma.en.txt).

Each row keeps ECDICT's headword, its inflected forms from ECDICT's lemma list, and ECDICT's
Chinese `translation` text unchanged (its lines joined by a literal \\n): Duizhao parses that text
itself (Sources/DuizhaoGlossary/Formats/ECDICT.swift), so the file stays ECDICT's own words.
Rows without Chinese are left out. Output is sorted by headword, so a rebuild diffs cleanly.

usage: python3 Glossaries/ecdict/make-ecdict-frequent.py [--shared ../shared] [-o Glossaries/ecdict/ecdict-frequent.tsv]
"""
import argparse
import csv
import os
import re

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument('--shared', default='../shared')
ap.add_argument('-o', '--output', default=os.path.join(os.path.dirname(__file__), 'ecdict-frequent.tsv'))
args = ap.parse_args()
folder = os.path.join(args.shared, 'data/ecdict')

han = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')
# What ECDICT says of an inflected form ("catch的过去式和过去分词"): a pointer, not a rendering.
notes = ['的过去式', '的过去分词', '的现在分词', '的复数', '的比较级', '的最高级', '的第三人称单数']
runs = re.compile(r'[\u3400-\u9fff\uf900-\ufaff〇]+')


def has_rendering(translation):
    """Whether some run of Chinese outside brackets is more than a grammar note, as the reader has it."""
    text = re.sub(r'[\[（(][^\]）)]*[\]）)]', '', translation)
    return any(not any(note in run for note in notes) for run in runs.findall(text))

rows = {}
with open(os.path.join(folder, 'ecdict-frequent.csv'), encoding='utf-8', newline='') as f:
    for record in csv.DictReader(f):
        word = record['word'].strip()
        translation = record['translation'].replace('\r', '').replace('\n', '\\n').replace('\t', ' ').strip()
        # ECDICT writes line breaks as a literal \n, sometimes as \r\n.
        translation = translation.replace('\\r\\n', '\\n').replace('\\r', '')
        # Rows whose only Chinese is a label or a remark ("[口语]=damned", "（…的宾语时）") give
        # no rendering.
        if not word or '\t' in word or not has_rendering(translation):
            continue
        rows[word] = translation

# lemma.en.txt: "lemma/count -> form,form,…"; only the lemmas that are headwords here.
forms = {}
with open(os.path.join(folder, 'lemma.en.txt'), encoding='utf-8') as f:
    for line in f:
        if line.startswith(';') or '->' not in line:
            continue
        head, _, tail = line.partition('->')
        lemma = head.split('/')[0].strip()
        if lemma not in rows:
            continue
        for form in tail.strip().split(','):
            form = form.strip()
            if form and form != lemma and form not in forms.setdefault(lemma, []):
                forms[lemma].append(form)

with open(args.output + '.tmp', 'w', encoding='utf-8', newline='\n') as out:
    out.write('# ECDICT (github.com/skywind3000/ECDICT, MIT: see LICENSE), its 42,231 frequent English words\n')
    out.write('# with their Chinese translations, as ECDICT gives them. Made by make-ecdict-frequent.py; do not edit.\n')
    out.write('en\tforms\ttranslation\n')
    for word in sorted(rows, key=lambda w: (w.lower(), w)):
        out.write(f"{word}\t{'|'.join(forms.get(word, []))}\t{rows[word]}\n")
os.replace(args.output + '.tmp', args.output)
print(f'{len(rows)} headwords, {sum(len(v) for v in forms.values())} inflected forms -> {args.output}')
