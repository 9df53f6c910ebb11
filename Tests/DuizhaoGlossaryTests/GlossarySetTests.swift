import DuizhaoText
import Foundation
import Testing

@testable import DuizhaoGlossary

@Suite struct GlossarySetTests {
    /// A folder with a glossary and a small dictionary, removed afterwards.
    struct Fixture {
        let folder: URL
        var glossary: URL { folder.appendingPathComponent("g.tsv") }
        var dictionary: URL { folder.appendingPathComponent("cedict.u8") }
        var cache: String { folder.appendingPathComponent("cache").path }
        var sources: [GlossarySource] {
            [GlossarySource(path: glossary.path, layer: .user), GlossarySource(path: dictionary.path, layer: .dictionary, name: "cedict.u8")]
        }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-set-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(TermMatcherTests.glossary.utf8).write(to: glossary)
            try Data(CEDICTTests.sample.utf8).write(to: dictionary)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    static func summary(_ set: GlossarySet) throws -> [String] {
        let text = "周鸿祎说臺積電和银行、长城都用人工智能 and TSMC's chips; the WHO"
        let matches = try set.matcher.matches(in: text, overlapping: true).map { "\(text[$0.range]) \($0.entries)" }
        let normalizer = try TextNormalizer()
        let lookups = try ["银行", "tsmc", "zhou", "yinhang", "長城"].flatMap { query in
            try set.termBase.lookup(query, normalizer: normalizer).map { "\(query) → \($0.entry.origin) \($0.kind)" }
        }
        return matches + lookups + set.termBase.entries.map { "\($0)" }
    }

    @Test func theCacheGivesBackWhatWasBuilt() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let built = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        #expect(!built.wasCached)
        let cached = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        #expect(cached.wasCached)
        let cachedSummary = try Self.summary(cached)
        let builtSummary = try Self.summary(built)
        #expect(cachedSummary == builtSummary)
        #expect(builtSummary.count > 10)
    }

    @Test func wordCostsComeBackFromTheCacheAndFollowTheirList() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let list = fixture.folder.appendingPathComponent("freq.txt")
        try Data("银行 30\n长城 5\n人工智能 2\n".utf8).write(to: list)
        let built = try GlossarySet.load(fixture.sources, frequencies: list.path, cacheDirectory: fixture.cache)
        let cached = try GlossarySet.load(fixture.sources, frequencies: list.path, cacheDirectory: fixture.cache)
        #expect(cached.wasCached)
        #expect(built.wordCosts != nil && cached.wordCosts == built.wordCosts)
        // Without the list, or with another, the cache built with it is not used.
        let without = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        #expect(!without.wasCached && without.wordCosts == nil)
        try Data("银行 3\n长城 50\n".utf8).write(to: list)
        let changed = try GlossarySet.load(fixture.sources, frequencies: list.path, cacheDirectory: fixture.cache)
        #expect(!changed.wasCached)
        #expect(changed.wordCosts != built.wordCosts)
    }

    @Test func aFrequencyListWithoutGlossariesComesBackFromTheCacheToo() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let list = fixture.folder.appendingPathComponent("freq.txt")
        try Data("银行 30\n".utf8).write(to: list)
        let built = try GlossarySet.load([], frequencies: list.path, cacheDirectory: fixture.cache)
        let cached = try GlossarySet.load([], frequencies: list.path, cacheDirectory: fixture.cache)
        #expect(cached.wasCached && built.hasWordFrequencies && cached.hasWordFrequencies)
    }

    @Test func aChangedSourceIsNotServedFromTheCache() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        try Data((TermMatcherTests.glossary + "\nBaidu\t百度\t百度\torganization\t\t\n").utf8).write(to: fixture.glossary)
        let changed = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        #expect(!changed.wasCached)
        #expect(changed.termBase.entries.contains { $0.english == "Baidu" })
    }

    @Test(arguments: [0, 7, 100, 1000, -1])
    func aDamagedCacheIsRebuilt(keep: Int) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let built = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: fixture.cache).first)
        let path = fixture.cache + "/" + file
        var bytes = try #require(FileManager.default.contents(atPath: path))
        if keep >= 0 {
            bytes = bytes.prefix(keep)  // truncated
        } else {
            for i in stride(from: 40, to: bytes.count, by: 97) { bytes[i] ^= 0x5A }  // scrambled
        }
        try bytes.write(to: URL(fileURLWithPath: path))
        let again = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        let againSummary = try Self.summary(again)
        let builtSummary = try Self.summary(built)
        #expect(againSummary == builtSummary)
    }

    @Test func errorsNameTheFileWhereItIs() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try Data("en\tzh\n\t算力\n".utf8).write(to: fixture.glossary)
        #expect {
            try GlossarySet.load(fixture.sources, cacheDirectory: nil)
        } throws: { error in
            (error as? GlossaryError)?.diagnostics.first?.description == "\(fixture.glossary.path):2:1: error: no English term (column en)"
        }
    }
}
