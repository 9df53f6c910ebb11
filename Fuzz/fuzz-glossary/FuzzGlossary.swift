import DuizhaoGlossary
import DuizhaoText
import Foundation

/// Bytes as a glossary in every format: reading reports problems, never crashes; what reads
/// back must match and look up, and glossary-aware segmentation keeps its terms whole, with and
/// without the bytes read as a word-frequency list.
#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGlossary(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    _ = TBX.read(data: bytes, file: "fuzz.tbx", layer: .user)
    guard let text = String(data: bytes, encoding: .utf8) else { return 0 }
    _ = try? CSV.parse(text)
    var entries: [GlossaryEntry] = []
    for name in ["fuzz.tsv", "fuzz.csv", "fuzz.u8"] {
        entries += GlossaryLoader.read(text, file: name, layer: .user).entries
    }
    guard !entries.isEmpty, let normalizer = try? TextNormalizer(), let base = try? TermBase(entries: entries, normalizer: normalizer),
        let matcher = try? TermMatcher(termBase: base)
    else { return 0 }
    for entry in entries.prefix(20) {
        _ = try? base.lookup(entry.english, normalizer: normalizer)
        _ = try? base.lookup(entry.simplified, normalizer: normalizer)
    }
    let sample = entries.prefix(20).map { $0.simplified + " " + $0.english }.joined(separator: "。")
    for match in (try? matcher.matches(in: sample, overlapping: true)) ?? [] {
        precondition(match.utf8Range.upperBound <= sample.utf8.count)
    }
    // Glossary-aware segmentation over the sample and the input itself, which holds the terms:
    // tokens partition the text, and no token ends inside a glossary term.
    // The input read as a word-frequency list too, to weigh the words: the same must hold.
    let frequencies = WordFrequencies.read(text, file: "fuzz.txt").frequencies
    let segmenters = [
        try? GlossarySegmenter(matcher: matcher, termBase: base),
        try? GlossarySegmenter(matcher: matcher, termBase: base, frequencies: frequencies),
    ]
    for segmenter in segmenters {
        guard let segmenter else { preconditionFailure("no segmenter") }
        for segmented in [sample, text] {
            guard let tokens = try? segmenter.tokens(in: segmented) else { preconditionFailure("segmentation failed") }
            precondition(tokens.map { String(segmented[$0.range]) }.joined() == segmented, "segmentation lost text")
            var ends = Set<Int>()
            for token in tokens { ends.insert(segmented.utf8.distance(from: segmented.startIndex, to: token.range.upperBound)) }
            for match in (try? matcher.matches(in: segmented)) ?? [] where match.entries.contains(where: { base.entries[Int($0)].origin.layer != .dictionary }) {
                precondition(!ends.contains { match.utf8Range.lowerBound < $0 && $0 < match.utf8Range.upperBound }, "a glossary term was cut")
            }
        }
    }
    let written = DuizhaoTSV.write(entries)
    let again = DuizhaoTSV.read(written, file: "again.tsv", layer: .user).entries
    precondition(again.count == entries.count, "TSV round trip lost entries")
    return 0
}
#else
/// Without libFuzzer there is nothing to run: say how to build the fuzzer.
@main
struct FuzzGlossaryMain {
    static func main() {
        print("a libFuzzer target: see Fuzz/README.md")
    }
}
#endif
