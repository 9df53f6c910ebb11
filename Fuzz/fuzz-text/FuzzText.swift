import DuizhaoText
import Foundation

/// Bytes as text: decoding, segmentation (sentences, words, script runs), normalization,
/// numbers and the article readers must neither crash nor lose a byte.
/// `DUIZHAO_FUZZ_NUMBERS=1` checks number parsing alone (`checkNumbers`).
#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let input = try? InputText(decoding: bytes, origin: "fuzz") else { return 0 }
    let text = input.text
    checkNumbers(text)
    if numbersOnly { return 0 }
    do {
        let sentences = try SentenceSegmenter().sentences(in: text)
        precondition(sentences.map { String(text[$0.range]) }.joined() == text, "sentences lost text")
        let tokens = try WordSegmenter().tokens(in: text)
        precondition(tokens.map { String(text[$0.range]) }.joined() == text, "tokens lost text")
        precondition(ScriptRun.runs(in: text).map { String(text[$0.range]) }.joined() == text, "script runs lost text")
        _ = try TextNormalizer().normalize(text.prefix(2000))
        for format in ArticleFormat.allCases {
            let article = Article(reading: text, format: format)
            for citation in article.citations { precondition(citation.range.upperBound <= article.text.utf8.count) }
            if let offsets = article.originalOffsets { precondition(offsets.allSatisfy { Int($0) <= text.utf8.count }) }
        }
    } catch {
        preconditionFailure("ICU failed: \(error)")
    }
    return 0
}

/// Set `DUIZHAO_FUZZ_NUMBERS=1` to fuzz number parsing alone, many times faster.
let numbersOnly = ProcessInfo.processInfo.environment["DUIZHAO_FUZZ_NUMBERS"] == "1"

/// Number parsing: each line as Chinese numerals and as English number words, then every
/// quantity of the text. Values finite; bounds ordered; phrases in order, within the text, on
/// scalar boundaries; calendar parts in range.
func checkNumbers(_ text: String) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(200) {
        let short = line.prefix(64)
        if let value = ChineseNumeral.value(of: short) { precondition(value.isFinite, "ChineseNumeral \(short) = \(value)") }
        if let value = EnglishNumber.value(of: short) { precondition(value.isFinite, "EnglishNumber \(short) = \(value)") }
    }
    let utf8 = Array(text.utf8)
    var previousEnd = 0
    for quantity in QuantityParser().quantities(in: text) {
        let range = quantity.utf8Range
        precondition(range.lowerBound >= previousEnd && range.lowerBound < range.upperBound && range.upperBound <= utf8.count, "quantity at \(range)")
        precondition(range.upperBound == utf8.count || utf8[range.upperBound] & 0xC0 != 0x80, "quantity ends inside a character")
        precondition(utf8[range.lowerBound] & 0xC0 != 0x80, "quantity starts inside a character")
        previousEnd = range.upperBound
        for bound in [quantity.lowerBound, quantity.upperBound] {
            if let bound { precondition(!bound.isNaN, "quantity bound NaN: \(quantity)") }
        }
        if let low = quantity.lowerBound, let high = quantity.upperBound { precondition(low <= high, "bounds reversed: \(quantity)") }
        if let month = quantity.month { precondition((1...12).contains(month), "month \(month)") }
        if let day = quantity.day { precondition((1...31).contains(day), "day \(day)") }
    }
}
#else
/// Without libFuzzer there is nothing to run: say how to build the fuzzer.
@main
struct FuzzTextMain {
    static func main() {
        print("a libFuzzer target: see Fuzz/README.md")
    }
}
#endif
