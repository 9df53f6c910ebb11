import DuizhaoText
import Foundation
import Testing

@testable import DuizhaoGlossary

/// The compiled cache: keyed by the sources' stamps, checked by contents near its making,
/// refused when damaged, and kept to the sets used last.
@Suite struct GlossaryCacheTests {
    typealias Fixture = GlossarySetTests.Fixture

    /// Sets a file's modification time to `secondsAgo` before now.
    static func age(_ url: URL, secondsAgo: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -secondsAgo)], ofItemAtPath: url.path)
    }

    /// The compiled sets in the fixture's cache folder.
    static func compiled(_ fixture: Fixture) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixture.cache)) ?? []).filter { $0.hasPrefix("glossaries-") }.sorted()
    }

    @Test func anOldSourceIsToldUnchangedByItsStampAlone() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let old = Date(timeIntervalSinceNow: -3_600)
        for file in [fixture.glossary, fixture.dictionary] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: file.path)
        }
        _ = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        // Other bytes of the same size put back under the same time, in the same file: the
        // contents are not read (as build tools, it trusts a stamp well before the cache's making).
        let text = try String(contentsOf: fixture.glossary, encoding: .utf8)
        let before = try SourceStamp(of: fixture.glossary.path)
        try Data(text.replacingOccurrences(of: "TSMC", with: "TSMX").utf8).write(to: fixture.glossary)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: fixture.glossary.path)
        #expect(try SourceStamp(of: fixture.glossary.path).description == before.description)
        let again = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        #expect(again.wasCached)
        #expect(!again.termBase.entries.contains { $0.english == "TSMX" })
        #expect(Self.compiled(fixture).count == 1)
    }

    @Test func aSourceChangedLongAfterTheCacheIsToldByItsStamp() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try Self.age(fixture.glossary, secondsAgo: 7_200)
        try Self.age(fixture.dictionary, secondsAgo: 7_200)
        _ = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        // Same size, other bytes, an hour later: the modification time tells.
        let text = try String(contentsOf: fixture.glossary, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "TSMC", with: "TSMX").utf8).write(to: fixture.glossary)
        try Self.age(fixture.glossary, secondsAgo: 3_600)
        let changed = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        #expect(!changed.wasCached)
        #expect(changed.termBase.entries.contains { $0.english == "TSMX" })
    }

    @Test func aSourceRewrittenWithinTheTimestampsStepIsToldByItsContents() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        // Written, cached, written again with as many bytes and the very same time: only the
        // contents differ, which a file changed this close to the cache's making is checked by.
        let moment = Date(timeIntervalSinceNow: -0.5)
        try FileManager.default.setAttributes([.modificationDate: moment], ofItemAtPath: fixture.glossary.path)
        _ = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        let text = try String(contentsOf: fixture.glossary, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "TSMC", with: "TSMX").utf8).write(to: fixture.glossary)
        try FileManager.default.setAttributes([.modificationDate: moment], ofItemAtPath: fixture.glossary.path)
        let stamp = try SourceStamp(of: fixture.glossary.path)
        #expect(SourceStamp.mayHaveChangedUnseen(modified: stamp.modified, buildTime: SourceStamp.now()))
        let changed = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        #expect(!changed.wasCached)
        #expect(changed.termBase.entries.contains { $0.english == "TSMX" })
        // Checked and found as it was, the same file is served from the cache.
        let again = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        #expect(again.wasCached)
    }

    @Test func sourcesCheckedByContentsAreTrustedByStampOnceOldEnough() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let files = fixture.sources.map(\.path)
        let recent = Date(timeIntervalSinceNow: -Double(SourceStamp.racyWindow) / 1e9 + 0.3)
        for file in files { try FileManager.default.setAttributes([.modificationDate: recent], ofItemAtPath: file) }
        _ = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        let path = fixture.cache + "/" + (try #require(Self.compiled(fixture).first))
        func opened() throws -> CompiledGlossaries.Opened {
            let storage = try #require(FrozenBytes(mapping: path))
            return try CompiledGlossaries.open(storage, key: storage.buffer.loadUnaligned(fromByteOffset: 12, as: UInt64.self), files: files)
        }
        #expect(try opened().checkedByContents)
        Thread.sleep(forTimeInterval: 0.5)
        // Served after checking the contents, at a time the sources are past the window: the
        // cache is stamped anew, and read by stamps alone from then on.
        #expect(try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache).wasCached)
        #expect(try !opened().checkedByContents)
        #expect(try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache).wasCached)
        #expect(Self.compiled(fixture).count == 1)
    }

    @Test func aMissingOrUnreadableSourceIsAnErrorEvenWhenCached() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        try FileManager.default.removeItem(at: fixture.glossary)
        #expect(throws: InputError.missing(path: fixture.glossary.path)) {
            try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        }
        try FileManager.default.createDirectory(at: fixture.glossary, withIntermediateDirectories: false)
        #expect(throws: InputError.unreadable(path: fixture.glossary.path, reason: "is a directory")) {
            try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        }
    }

    @Test(arguments: [0.5, 0.9, 0.999])
    func aCacheTruncatedAnywhereIsRebuilt(fraction: Double) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let built = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        let path = fixture.cache + "/" + (try #require(Self.compiled(fixture).first))
        let bytes = try #require(FileManager.default.contents(atPath: path))
        try bytes.prefix(Int(Double(bytes.count) * fraction)).write(to: URL(fileURLWithPath: path))
        let again = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        #expect(!again.wasCached)
        #expect(try GlossarySetTests.summary(again) == GlossarySetTests.summary(built))
        #expect(try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache).wasCached)
    }

    @Test func anIdOutOfRangeInTheCacheIsRefused() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let built = try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)
        let path = fixture.cache + "/" + (try #require(Self.compiled(fixture).first))
        let files = fixture.sources.map(\.path)
        let storage = try #require(FrozenBytes(mapping: path))
        let key = storage.buffer.loadUnaligned(fromByteOffset: 12, as: UInt64.self)
        let opened = try CompiledGlossaries.open(storage, key: key, files: files)
        let (entries, base, words, matcher) = (opened.termBase.entries, opened.termBase, opened.termBase.glossWords, opened.matcher)
        // Each column read in place whose values are ids, counts or offsets: its first value
        // made larger than any table must be refused when the file is opened, not met later.
        let columns = [
            entries.strings.starts, entries.english, entries.simplified, entries.traditional, entries.pinyin, entries.note, entries.flags,
            entries.extraStart, entries.extras, base.englishIndex.keys, base.englishIndex.ids, base.chineseIndex.keys, base.chineseIndex.ids,
            base.pinyinIndex.keys, base.pinyinIndex.ids, words.words, words.postingStart, words.postings, matcher.patternStart,
            matcher.patternEntries, matcher.patternFlags,
        ]
        var bytes = [UInt8](UnsafeRawBufferPointer(storage.buffer))
        for (index, column) in columns.enumerated() {
            let address = try #require(column.values.baseAddress)
            let offset = try #require(storage.buffer.baseAddress).distance(to: UnsafeRawPointer(address))
            let original = Array(bytes[offset..<(offset + 4)])
            bytes.replaceSubrange(offset..<(offset + 4), with: [0xFF, 0xFF, 0xFF, 0x3F])
            #expect(throws: CompiledGlossaries.Damaged.self, "column \(index)") {
                try CompiledGlossaries.open(FrozenBytes(copying: bytes), key: key, files: files)
            }
            bytes.replaceSubrange(offset..<(offset + 4), with: original)
        }
        // Put back, the bytes open again.
        _ = try CompiledGlossaries.open(FrozenBytes(copying: bytes), key: key, files: files)
        #expect(try GlossarySetTests.summary(try GlossarySet.load(fixture.sources, cacheDirectory: fixture.cache)) == GlossarySetTests.summary(built))
    }

    /// A fixture with `count` glossaries of one entry each beside the dictionary: as many sets.
    static func sets(_ fixture: Fixture, count: Int) throws -> [[GlossarySource]] {
        try (0..<count).map { index in
            let file = fixture.folder.appendingPathComponent("set\(index).tsv")
            try Data("en\tzh\nTerm \(index)\t术语\(index)\n".utf8).write(to: file)
            return [GlossarySource(path: file.path, layer: .user)] + fixture.sources
        }
    }

    @Test func theCacheKeepsTheSetsUsedLast() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let sets = try Self.sets(fixture, count: CompiledGlossaries.kept + 2)
        for set in sets.prefix(CompiledGlossaries.kept) { _ = try GlossarySet.load(set, cacheDirectory: fixture.cache) }
        #expect(Self.compiled(fixture).count == CompiledGlossaries.kept)
        // The first set, used again, is the one used last but one when two more are built.
        Thread.sleep(forTimeInterval: 0.02)
        #expect(try GlossarySet.load(sets[0], cacheDirectory: fixture.cache).wasCached)
        for set in sets.suffix(2) {
            Thread.sleep(forTimeInterval: 0.02)
            _ = try GlossarySet.load(set, cacheDirectory: fixture.cache)
        }
        #expect(Self.compiled(fixture).count == CompiledGlossaries.kept)
        #expect(try GlossarySet.load(sets[0], cacheDirectory: fixture.cache).wasCached)
        #expect(try !GlossarySet.load(sets[1], cacheDirectory: fixture.cache).wasCached)
    }

    @Test func aSetInUseOutlivesTheRemovalOfItsCache() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let sets = try Self.sets(fixture, count: CompiledGlossaries.kept + 2)
        _ = try GlossarySet.load(sets[0], cacheDirectory: fixture.cache)
        let inUse = try GlossarySet.load(sets[0], cacheDirectory: fixture.cache)
        #expect(inUse.wasCached)
        let before = try GlossarySetTests.summary(inUse)
        // Another process, with other glossaries, fills the cache: this set's file goes.
        for set in sets.dropFirst() {
            Thread.sleep(forTimeInterval: 0.02)
            _ = try GlossarySet.load(set, cacheDirectory: fixture.cache)
        }
        #expect(Self.compiled(fixture).count == CompiledGlossaries.kept)
        #expect(try GlossarySetTests.summary(inUse) == before)
        let normalizer = try TextNormalizer()
        #expect(try inUse.lookup("term 0", normalizer: normalizer).first?.entry.simplified == "术语0")
    }

    @Test func setsLoadedAtOnceFromTwoThreadsWithOneCacheFolderBothServe() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let sets = try Self.sets(fixture, count: 2 * CompiledGlossaries.kept)
        let cache = fixture.cache
        let found = try await withThrowingTaskGroup(of: Bool.self) { group in
            for (index, set) in sets.enumerated() {
                group.addTask {
                    var right = true
                    for _ in 0..<3 {
                        let loaded = try GlossarySet.load(set, cacheDirectory: cache)
                        let first = try loaded.lookup("term \(index)", normalizer: TextNormalizer()).first
                        if first?.entry.simplified != "术语\(index)" { right = false }
                    }
                    return right
                }
            }
            return try await group.reduce(true) { $0 && $1 }
        }
        #expect(found)
        #expect(Self.compiled(fixture).count <= CompiledGlossaries.kept)
    }

    @Test func englishPhrasesAreFoundThroughTheIndexOfGlossWordsAsByScanning() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let set = try GlossarySet.load(fixture.sources, cacheDirectory: nil)
        // Every word of every dictionary gloss, looked up as a phrase: the same entries as a
        // search of every gloss's bytes finds.
        var words = Set<String>()
        for entry in set.termBase.entries where entry.origin.layer == .dictionary {
            for gloss in entry.englishTerms { words.formUnion(set.glossWords(gloss)) }
        }
        #expect(words.count >= 5)
        for word in words.sorted() {
            let indexed = set.phraseMatches(word, limit: 50).map(\.entry.origin)
            let scanned = set.termBase.entries.indices.filter { position in
                let entry = set.termBase.entries[position]
                return entry.origin.layer == .dictionary && entry.englishTerms.contains { Set(set.glossWords(LookupKey.english($0))).contains(word) }
            }
            #expect(Set(indexed) == Set(scanned.map { set.termBase.entries[$0].origin }), "\(word)")
        }
    }
}
