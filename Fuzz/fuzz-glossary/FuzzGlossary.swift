import DuizhaoGlossary
import DuizhaoText
import Foundation

/// Bytes as a glossary in every format: reading reports problems, never crashes; what reads
/// back must match and look up.
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
