// duizhao-bench: Duizhao's segmenters against raw ICU, measured in the same run.
//
//   duizhao-bench words     [--megabytes N] [--repeat K] [--input FILE ...] [--seed S]
//   duizhao-bench sentences [--megabytes N] [--repeat K] [--input FILE ...] [--seed S]
//   duizhao-bench corpus    [--megabytes N] [--input FILE ...] [--seed S]
//   duizhao-bench glossary  [--megabytes N] [--repeat K] [--input FILE ...] [--dictionary CEDICT]
//                           [--frequencies LIST] [--segmentation-only]
//   duizhao-bench embedding [--sentences N] [--repeat K] [--input FILE ...] [--model DIR]
//   duizhao-bench coverage  --pairs FILE ... [--dictionary CEDICT]
//
// Prints a Markdown report to standard output. Exit status 64 on bad arguments, 1 on failure.

import Glibc

let usage = """
    usage: duizhao-bench words|sentences [--megabytes N] [--repeat K] [--input FILE ...] [--seed S]
           duizhao-bench corpus [--megabytes N] [--input FILE ...] [--seed S]
           duizhao-bench glossary [--megabytes N] [--repeat K] [--input FILE ...] [--dictionary FILE]
                                  [--frequencies FILE] [--segmentation-only]
           duizhao-bench embedding [--sentences N] [--repeat K] [--input FILE ...] [--model DIR]
           duizhao-bench coverage --pairs FILE ... [--dictionary FILE]

      words           time Duizhao's WordSegmenter against raw ICU word break (C, UTF-8 and UTF-16)
      sentences       time Duizhao's SentenceSegmenter against raw ICU sentence break (C, UTF-8)
      corpus          write the corpus to standard output instead of timing anything
      glossary        time loading the shipped glossaries and CC-CEDICT (built, and from the
                      compiled cache), 10,000 lookups, and glossary-aware word segmentation
                      against raw ICU word break

      embedding       time Duizhao's SentenceEmbedder (no cache) against the engine's own batch
                      call from C, over the same sentences (the corpus's first N lines)

      --megabytes N   corpus size, at least N × 1,000,000 bytes of UTF-8 (default 50)
      --repeat K      timed repetitions of every variant (default 3)
      --input FILE    build the corpus from FILE (repeatable; files are concatenated, then
                      repeated until the corpus is large enough); default: synthetic mixed
                      Chinese/English news-like text from a seeded generator
      --seed S        seed of the synthetic text (default \(SyntheticCorpus.defaultSeed))
      --dictionary F  CC-CEDICT for `glossary` (default $DUIZHAO_DICTIONARY)
      --frequencies F a word-frequency list for `glossary` (default $DUIZHAO_FREQUENCIES; none
                      when unset)
      coverage        the share of English content words of sentence pairs (FILE: one
                      english<TAB>chinese a line) that a rendering in their Chinese covers, with
                      the shipped glossaries and CC-CEDICT, then with ECDICT too

      --segmentation-only
                      `glossary` times the segmentation alone, for profiling it (the
                      glossaries loaded once, untimed, through a compiled cache kept in
                      $TMPDIR/duizhao-bench-cache)
      --sentences N   `embedding`: how many sentences (default 1000)
      --model DIR     `embedding`: the installed model (default $DUIZHAO_MODEL, else the
                      default folder)
    """

func fail(_ message: String, status: Int32) -> Never {
    var standardError = StandardError()
    print("duizhao-bench: \(message)", to: &standardError)
    exit(status)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { bytes in _ = Glibc.write(2, bytes.baseAddress, bytes.count) }
    }
}

let options: BenchOptions
do throws(BenchOptions.ParseError) {
    options = try BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch .help {
    print(usage)
    exit(0)
} catch {
    fail("\(error)\n\(usage)", status: 64)
}

do {
    if options.command == .coverage {
        try CoverageBenchmark(pairFiles: options.pairs, dictionary: options.dictionary).run()
        exit(0)
    }
    let corpus = try Corpus.build(options)
    switch options.command {
    case .words: try WordBenchmark(corpus: corpus, repetitions: options.repetitions).run()
    case .sentences: try SentenceBenchmark(corpus: corpus, repetitions: options.repetitions).run()
    case .corpus: print(corpus.text, terminator: "")
    case .embedding: try EmbeddingBenchmark(corpus: corpus, options: options).run()
    case .coverage: break
    case .glossary:
        try GlossaryBenchmark(
            corpus: corpus, repetitions: options.repetitions, dictionary: options.dictionary,
            frequencies: options.frequencies, segmentationOnly: options.segmentationOnly
        ).run()
    }
} catch {
    fail("\(error)", status: 1)
}
