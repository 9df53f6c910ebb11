import DuizhaoAlign
import DuizhaoGlossary
import Foundation

/// `duizhao-bench coverage`: the share of English content words of sentence pairs that a
/// rendering in their Chinese sentence covers, with the shipped glossaries and CC-CEDICT alone,
/// then with ECDICT's English → Chinese layer too (issue 13).
struct CoverageBenchmark {
    /// Files of pairs, one `english<TAB>chinese` a line; each reported on its own.
    var pairFiles: [String]
    var dictionary: String?

    func run() throws {
        let dictionaryPath = dictionary ?? ProcessInfo.processInfo.environment["DUIZHAO_DICTIONARY"]
        guard let dictionaryPath, FileManager.default.fileExists(atPath: dictionaryPath) else {
            throw GlossaryBenchError.noDictionary
        }
        let shipped = try FileManager.default.contentsOfDirectory(atPath: GlossaryBenchmark.glossaries.path)
            .filter { $0.hasSuffix(".tsv") }.sorted()
            .map { GlossarySource(path: GlossaryBenchmark.glossaries.appendingPathComponent($0).path, layer: .shipped, name: $0) }
        let base = shipped + [GlossarySource(path: dictionaryPath, layer: .dictionary, name: "cedict_ts.u8")]
        let ecdict = GlossarySource(
            path: GlossaryBenchmark.glossaries.appendingPathComponent("ecdict/ecdict-frequent.tsv").path, layer: .englishDictionary,
            name: "ecdict-frequent.tsv")
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-bench-cache")
        let variants = [
            ("glossaries and CC-CEDICT", try GlossarySet.load(base, cacheDirectory: cache.path)),
            ("… and ECDICT", try GlossarySet.load(base + [ecdict], cacheDirectory: cache.path)),
        ]
        print("## duizhao-bench coverage\n")
        print("English content words (numbers and glossary names aside) that some rendering of a word of their Chinese sentence covers.\n")
        print("| pairs | \(variants.map(\.0).joined(separator: " | ")) |")
        print("|---|" + String(repeating: "---:|", count: variants.count))
        for file in pairFiles {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let pairs = text.split(separator: "\n").compactMap { line -> (english: String, chinese: String)? in
                let cells = line.split(separator: "\t", maxSplits: 1)
                return cells.count == 2 ? (String(cells[0]), String(cells[1])) : nil
            }
            var cells: [String] = []
            for (_, glossaries) in variants {
                let (covered, total) = try FeatureExtractor(glossaries: glossaries).wordCoverage(pairs: pairs)
                cells.append("\(format(Double(covered) / Double(max(total, 1)), decimals: 3)) (\(grouped(covered)) of \(grouped(total)))")
            }
            print("| \(URL(fileURLWithPath: file).lastPathComponent), \(grouped(pairs.count)) pairs | \(cells.joined(separator: " | ")) |")
        }
    }
}
