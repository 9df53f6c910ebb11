import CICUBaseline
import DuizhaoText

/// `duizhao-bench sentences`: Duizhao's SentenceSegmenter against raw ICU sentence break.
///
/// Not a like-for-like comparison: Duizhao also finds blocks (paragraphs, headings, list items),
/// blanks line breaks inside paragraphs, adds Chinese sentence ends, keeps abbreviations and
/// labels each sentence's language; so the counts differ and are reported, not compared.
struct SentenceBenchmark {
    var corpus: Corpus
    var repetitions: Int
    /// The locale SentenceSegmenter uses.
    let locale = "en@ss=standard"

    func run() throws {
        let text = corpus.text
        let bytes = corpus.byteCount
        print("## duizhao-bench sentences\n")
        print("- corpus: \(corpus.description)")
        print("- size: \(grouped(bytes)) bytes of UTF-8 (\(format(Double(bytes) / 1_000_000, decimals: 1)) MB)")
        print("- ICU \(String(cString: baseline_icu_version())), locale \"\(locale)\"; \(repetitions) repetition\(repetitions == 1 ? "" : "s"), variants interleaved")
        flushStandardOutput()

        let prefix = String(decoding: text.utf8.prefix(1_000_000), as: UTF8.self)
        _ = try baselineSentences(prefix)
        _ = try SentenceSegmenter().sentences(in: prefix)

        var icu = VariantTimings(name: "ICU C, UTF-8 UText (baseline)")
        var duizhao = VariantTimings(name: "Duizhao `sentences(in:)` (array)")
        var icuCount: Int64 = 0
        var duizhaoCount = 0
        for repetition in 1...repetitions {
            let (result, icuSeconds) = try timed { () throws(BenchError) in try baselineSentences(text) }
            icu.seconds.append(icuSeconds)
            icuCount = result.count
            let (count, duizhaoSeconds) = try timed { () throws(ICUError) -> Int in
                try SentenceSegmenter().sentences(in: text).count
            }
            duizhao.seconds.append(duizhaoSeconds)
            duizhaoCount = count
            var standardError = StandardError()
            print("repetition \(repetition)/\(repetitions) done", to: &standardError)
        }
        print("- segments: ICU \(grouped(Int(icuCount))), Duizhao \(grouped(duizhaoCount)) (different rules, not compared)")
        print("")
        print(timingTable([icu, duizhao], bytes: bytes, reference: icu))
        print("")
        print("Speed ratios are baseline best time / variant best time.")
    }

    private func baselineSentences(_ text: String) throws(BenchError) -> BaselineResult {
        try withUTF8Pointer(text) { pointer, count in baseline_sentences_utf8(pointer, Int64(count), locale) }
    }
}
