import CICUBaseline
import DuizhaoText

import Glibc

/// `duizhao-bench words`: Duizhao's WordSegmenter against raw ICU word break iteration.
struct WordBenchmark {
    var corpus: Corpus
    var repetitions: Int
    /// The locale WordSegmenter uses by default, and so the baselines.
    let locale = "zh"

    func run() throws {
        let text = corpus.text
        let bytes = corpus.byteCount
        print("## duizhao-bench words\n")
        print("- corpus: \(corpus.description)")
        print("- size: \(grouped(bytes)) bytes of UTF-8 (\(format(Double(bytes) / 1_000_000, decimals: 1)) MB)")
        print("- ICU \(String(cString: baseline_icu_version())), locale \"\(locale)\"; \(repetitions) repetition\(repetitions == 1 ? "" : "s"), variants interleaved")
        flushStandardOutput()

        // Warm-up (untimed): ICU loads its break rules and the Chinese dictionary on first use.
        try warmUp(text)

        var utf8 = VariantTimings(name: "ICU C, UTF-8 UText (baseline)")
        var utf16 = VariantTimings(name: "ICU C, UTF-16 incl. u_strFromUTF8 (baseline)")
        var forEach = VariantTimings(name: "Duizhao `forEachToken` (count)")
        var collect = VariantTimings(name: "Duizhao `tokens(in:)` (array)")
        var baseline = BaselineResult()
        var mismatches: [String] = []
        var kindCounts = [Int](repeating: 0, count: TokenKind.allCases.count)

        for repetition in 1...repetitions {
            let (utf8Result, utf8Seconds) = try timed { () throws(BenchError) in try baselineWordsUTF8(text) }
            utf8.seconds.append(utf8Seconds)
            baseline = utf8Result

            let (utf16Result, utf16Seconds) = try timed { () throws(BenchError) in try baselineWordsUTF16(text) }
            utf16.seconds.append(utf16Seconds)
            if utf16Result.count != baseline.count {
                mismatches.append("ICU UTF-16 found \(utf16Result.count) boundaries, ICU UTF-8 \(baseline.count)")
            }

            let (forEachCount, forEachSeconds) = try timed { () throws(ICUError) -> Int in
                let segmenter = try WordSegmenter(locale: locale)
                var count = 0
                try segmenter.forEachToken(in: text) { _ in count += 1 }
                return count
            }
            forEach.seconds.append(forEachSeconds)
            if forEachCount != baseline.count {
                mismatches.append("Duizhao forEachToken gave \(forEachCount) tokens, ICU \(baseline.count) boundaries")
            }

            let (tokens, collectSeconds) = try timed { () throws(ICUError) -> [Token] in
                try WordSegmenter(locale: locale).tokens(in: text)
            }
            collect.seconds.append(collectSeconds)
            // Untimed cross-check: the same boundaries, not just as many.
            if tokens.count != baseline.count {
                mismatches.append("Duizhao tokens(in:) gave \(tokens.count) tokens, ICU \(baseline.count) boundaries")
            }
            var offsetSum: Int64 = 0
            for token in tokens { offsetSum &+= Int64(text.utf8.distance(from: text.startIndex, to: token.range.upperBound)) }
            if offsetSum != baseline.offset_sum {
                mismatches.append("Duizhao token ends sum to \(offsetSum), ICU boundaries to \(baseline.offset_sum)")
            }
            if repetition == 1 {
                for token in tokens { kindCounts[TokenKind.allCases.firstIndex(of: token.kind)!] += 1 }
            }
            var standardError = StandardError()
            print("repetition \(repetition)/\(repetitions) done", to: &standardError)
        }

        print("- tokens: \(grouped(Int(baseline.count))) (ICU boundaries; Duizhao's count "
              + (mismatches.isEmpty ? "and boundary offsets match in every repetition)" : "DOES NOT MATCH, see below)"))
        let kinds = zip(TokenKind.allCases, kindCounts).filter { $0.1 > 0 }.map { "\($0.0.rawValue) \(grouped($0.1))" }
        print("- token kinds (Duizhao): \(kinds.joined(separator: ", "))")
        print("")
        let fastest = utf16.best < utf8.best ? utf16 : utf8
        print(timingTable([utf8, utf16, forEach, collect], bytes: bytes, reference: utf8, fastestBaseline: fastest))
        print("")
        print("Speed ratios are baseline best time / variant best time: 1.00× is as fast as raw ICU, 0.50× half as fast.")
        for mismatch in Set(mismatches).sorted() {
            print("\n**!!! MISMATCH !!! \(mismatch)**")
        }
    }

    private func warmUp(_ text: String) throws {
        var prefix = String(decoding: text.utf8.prefix(1_000_000), as: UTF8.self)
        _ = try baselineWordsUTF8(prefix)
        _ = try baselineWordsUTF16(prefix)
        _ = try WordSegmenter(locale: locale).tokens(in: prefix)
        prefix = ""
    }

    private func baselineWordsUTF8(_ text: String) throws(BenchError) -> BaselineResult {
        try withUTF8Pointer(text) { pointer, count in baseline_words_utf8(pointer, Int64(count), locale) }
    }

    private func baselineWordsUTF16(_ text: String) throws(BenchError) -> BaselineResult {
        try withUTF8Pointer(text) { pointer, count in baseline_words_utf16(pointer, Int64(count), locale) }
    }
}

/// Calls a baseline with `text`'s UTF-8 (not copied: the corpus is a native string).
func withUTF8Pointer(
    _ text: String, _ body: (UnsafePointer<CChar>?, Int) -> BaselineResult
) throws(BenchError) -> BaselineResult {
    var text = text
    let result = text.withUTF8 { bytes in
        bytes.withMemoryRebound(to: CChar.self) { chars in body(chars.baseAddress, chars.count) }
    }
    if result.error > 0 { throw .icu(String(cString: result.error_name)) }
    return result
}

enum BenchError: Error, CustomStringConvertible {
    case icu(String)

    var description: String {
        switch self {
        case .icu(let name): "ICU failed in the baseline: \(name)"
        }
    }
}

/// Flushes standard output (all C streams), so that progress on standard error follows it.
func flushStandardOutput() { fflush(nil) }
