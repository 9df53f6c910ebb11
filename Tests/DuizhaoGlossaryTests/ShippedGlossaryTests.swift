import DuizhaoText
import Foundation
import Testing

@testable import DuizhaoGlossary

/// The glossaries in Glossaries/: they load cleanly, and every name looks up in every form.
@Suite struct ShippedGlossaryTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Glossaries")

    static func entries() throws -> [GlossaryEntry] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tsv") }.sorted()
        #expect(!files.isEmpty)
        return try files.flatMap { try GlossaryLoader.load(path: directory.appendingPathComponent($0).path, layer: .shipped) }
    }

    @Test func loadsWithoutDiagnostics() throws {
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.directory.path) where file.hasSuffix(".tsv") {
            let text = try String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8)
            let (entries, diagnostics) = DuizhaoTSV.read(text, file: file, layer: .shipped)
            #expect(diagnostics.isEmpty, "\(diagnostics.prefix(5))")
            #expect(entries.count >= 300)
            #expect(entries.allSatisfy { $0.traditional != nil && $0.pinyin != nil })
        }
    }

    @Test func everyEntryLooksUpInEveryForm() throws {
        let entries = try Self.entries()
        let normalizer = try TextNormalizer()
        let base = try TermBase(entries: entries, normalizer: normalizer)
        let pinyin = try PinyinConverter()
        var misses: [String] = []
        for entry in entries {
            var queries = [entry.english, entry.english.lowercased(), entry.simplified]
            if let traditional = entry.traditional { queries.append(traditional) }
            if let reading = entry.pinyin, LookupKey.pinyin(reading).count >= 2 {
                let toneless = try pinyin.toneless(reading)
                queries += [reading, toneless, toneless.replacingOccurrences(of: " ", with: "")]
            }
            for query in queries {
                let found = try base.lookup(query, normalizer: normalizer, limit: 200)
                if !found.contains(where: { $0.entry.origin == entry.origin }) { misses.append("\(entry.english): '\(query)'") }
            }
        }
        #expect(misses.isEmpty, "\(misses.count) misses, e.g. \(misses.prefix(10))")
    }

    @Test func samplesPeopleAndBodiesAreCovered() throws {
        let simplified = Set(try Self.entries().flatMap(\.chineseTerms))
        for term in ["周鸿祎", "360集团", "台积电", "北京", "算力", "大模型", "人工智能", "美元"] {
            #expect(simplified.contains(term), "\(term)")
        }
    }
}
