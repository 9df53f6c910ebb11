import DuizhaoText
import Foundation

/// A glossary file to load, with the layer it belongs to.
public struct GlossarySource: Sendable, Hashable {
    public var path: String
    public var layer: GlossaryLayer
    /// The name its entries give as their origin.
    public var name: String
    /// Its format and languages, when not told by the file.
    public var options: GlossaryReadOptions

    public init(path: String, layer: GlossaryLayer, name: String? = nil, options: GlossaryReadOptions = .init()) {
        self.path = path
        self.layer = layer
        self.name = name ?? path
        self.options = options
    }
}

/// Loaded glossaries: the term base for lookup and the matcher for finding terms in text.
///
/// Building both from CC-CEDICT takes seconds; so the result is kept in a compiled cache, keyed
/// by a hash of the sources' contents (and names and layers), and read back in a fraction of
/// that the next time. A changed file changes the key; a damaged cache is ignored and rebuilt.
public final class GlossarySet {
    public let termBase: TermBase
    public let matcher: TermMatcher
    /// What the matcher's Chinese terms cost the segmenter, when a word-frequency list was loaded.
    let wordCosts: WordCosts?
    /// The English → Chinese layer (ECDICT), when loaded.
    public let englishDictionary: EnglishDictionary?
    /// Whether this set came from the cache.
    public let wasCached: Bool
    /// A warning for each row (or TBX concept, or dictionary line) left out as malformed, in
    /// the order of the sources; kept in the cache too, so that every run says it.
    public let skipped: [GlossaryDiagnostic]

    private init(
        termBase: TermBase, matcher: TermMatcher, wordCosts: WordCosts?, englishDictionary: EnglishDictionary?, skipped: [GlossaryDiagnostic],
        wasCached: Bool
    ) {
        self.termBase = termBase
        self.matcher = matcher
        self.wordCosts = wordCosts
        self.englishDictionary = englishDictionary
        self.skipped = skipped
        self.wasCached = wasCached
    }

    /// Whether a word-frequency list was loaded with the glossaries.
    public var hasWordFrequencies: Bool { wordCosts != nil }

    /// The same glossaries for another thread: the term base, trie and costs are shared (they
    /// never change once built), the matcher's normalizer, whose cache grows as it reads, is new.
    /// - Throws: `ICUError` when ICU's transforms cannot be opened.
    public func forAnotherThread() throws(ICUError) -> GlossarySet {
        GlossarySet(
            termBase: termBase, matcher: try TermMatcher(trie: matcher.trie, patterns: matcher.patterns), wordCosts: wordCosts,
            englishDictionary: englishDictionary, skipped: skipped, wasCached: wasCached)
    }

    /// The environment variable naming the cache folder.
    public static let cacheVariable = "DUIZHAO_CACHE_DIR"

    /// `$DUIZHAO_CACHE_DIR`, else `$XDG_CACHE_HOME/duizhao`, else `~/.cache/duizhao`.
    public static func defaultCacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment[cacheVariable], !path.isEmpty { return path }
        return UserDirectories.cache(environment)
    }

    /// Loads `sources` in order of precedence, from the cache when it holds them.
    /// - Parameters:
    ///   - sources: the glossary files; one of layer `.englishDictionary` is read as ECDICT's
    ///     file (`ECDICT`), into `englishDictionary` rather than the term base.
    ///   - frequencies: a word-frequency list (`WordFrequencies`) for word segmentation, or nil.
    ///   - cacheDirectory: where compiled sets are kept; nil to neither read nor write one.
    /// - Throws: `InputError` for an unreadable file; `GlossaryError` for a file that cannot be
    ///   read as a glossary (a bad row is only left out, with a warning in `skipped`).
    public static func load(_ sources: [GlossarySource], frequencies: String? = nil, cacheDirectory: String?) throws -> GlossarySet {
        // Every source's bytes, TBX too, since the cache key hashes them.
        var contents: [Data] = []
        for source in sources {
            contents.append(try GlossaryLoader.contents(of: source.path, options: source.options, evenTBX: true))
        }
        let frequencyData = try frequencies.map { path throws(InputError) in try GlossaryLoader.contents(of: path, evenTBX: true) }
        let key = cacheKey(sources, contents, frequencies: frequencyData)
        let cacheFile = cacheDirectory.map { "\($0)/glossaries-\(String(key, radix: 16)).bin" }
        if let cacheFile, let data = FileManager.default.contents(atPath: cacheFile),
            let (termBase, matcher, wordCosts, english, skipped) = try? CompiledGlossaries.decode(data, key: key)
        {
            return GlossarySet(
                termBase: termBase, matcher: matcher, wordCosts: wordCosts, englishDictionary: english, skipped: skipped, wasCached: true)
        }
        var entries: [GlossaryEntry] = []
        var skipped: [GlossaryDiagnostic] = []
        var english: EnglishDictionary?
        for (source, data) in zip(sources, contents) {
            if source.layer == .englishDictionary {
                let input = try InputText(decoding: data, origin: source.path)
                let (dictionary, diagnostics) = ECDICT.read(input.text, file: source.name)
                let placed = diagnostics.map { var d = $0; d.file = source.path; return d }
                if placed.contains(where: { $0.extent == .file }) { throw GlossaryError(diagnostics: placed) }
                skipped += placed.map(\.leftOut)
                english = dictionary
                continue
            }
            let read = try GlossaryLoader.entries(data, path: source.path, name: source.name, layer: source.layer, options: source.options)
            entries += read.entries
            skipped += read.skipped
        }
        let termBase = try TermBase(entries: entries, normalizer: TextNormalizer())
        let matcher = try TermMatcher(termBase: termBase)
        var wordCosts: WordCosts?
        if let frequencies, let frequencyData {
            let input = try InputText(decoding: frequencyData, origin: frequencies)
            let (list, diagnostics) = WordFrequencies.read(input.text, file: frequencies)
            guard diagnostics.isEmpty else { throw GlossaryError(diagnostics: diagnostics) }
            wordCosts = try WordCosts(frequencies: list, matcher: matcher)
        }
        if let cacheDirectory, let cacheFile {
            store(
                CompiledGlossaries.encode(termBase, matcher, wordCosts, english, skipped: skipped, key: key), at: cacheFile, in: cacheDirectory)
        }
        return GlossarySet(
            termBase: termBase, matcher: matcher, wordCosts: wordCosts, englishDictionary: english, skipped: skipped, wasCached: false)
    }

    static func cacheKey(_ sources: [GlossarySource], _ contents: [Data], frequencies: Data? = nil) -> UInt64 {
        var hash = FNV1a()
        hash.combine("duizhao glossary cache \(CompiledGlossaries.version)")
        for (source, data) in zip(sources, contents) {
            hash.combine(source.name)
            hash.combine(String(source.layer.rawValue))
            hash.combine(source.options.format?.rawValue ?? "")
            hash.combine((source.options.languages ?? []).map { "\($0.column.rawValue) \($0.declaresScript)" }.joined(separator: ","))
            data.withUnsafeBytes { hash.combine($0) }
        }
        if let frequencies {
            hash.combine("word frequencies")
            frequencies.withUnsafeBytes { hash.combine($0) }
        }
        return hash.value
    }

    /// Writes the cache atomically; a cache that cannot be written is only a slower next start.
    private static func store(_ bytes: [UInt8], at path: String, in directory: String) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            // Keep the four newest compiled sets: one per set of glossaries in use.
            let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
                $0.hasPrefix("glossaries-") && $0.hasSuffix(".bin")
            }
            let dated = names.map { name -> (String, Date) in
                let attributes = try? FileManager.default.attributesOfItem(atPath: "\(directory)/\(name)")
                return (name, attributes?[.modificationDate] as? Date ?? .distantPast)
            }.sorted { $0.1 > $1.1 }
            for (name, _) in dated.dropFirst(4) {
                try? FileManager.default.removeItem(atPath: "\(directory)/\(name)")
            }
        } catch {
            return
        }
    }
}

/// The binary form of a term base and its matcher.
enum CompiledGlossaries {
    /// Bumped whenever the layout or what is derived from the sources changes.
    /// 2: a CC-CEDICT headword's usual reading first; 3: old and variant forms after it;
    /// 4: word costs from a frequency list; 5: CC-CEDICT lines whose first gloss is Chinese, or
    /// that lack a Chinese form, refused; 6: CC-CEDICT glosses trimmed, glosses of spaces skipped;
    /// 7: entries say whether their Simplified form is derived, rows left out are kept as warnings;
    /// 8: the English → Chinese layer; 9: people's roles, and their patterns in the matcher.
    static let version: Int32 = 9
    private static let magic: UInt64 = 0x4443_5A44_5F47_4C53  // "DZGLSCDZ"-ish marker

    struct Damaged: Error {}

    static func encode(
        _ termBase: TermBase, _ matcher: TermMatcher, _ wordCosts: WordCosts?, _ english: EnglishDictionary? = nil,
        skipped: [GlossaryDiagnostic] = [], key: UInt64
    ) -> [UInt8] {
        var writer = BinaryWriter()
        writer.write(magic)
        writer.write(version)
        writer.write(key)
        var files: [String] = []
        var fileIndex: [String: Int32] = [:]
        for entry in termBase.entries where fileIndex[entry.origin.file] == nil {
            fileIndex[entry.origin.file] = Int32(files.count)
            files.append(entry.origin.file)
        }
        writer.write(files)
        writer.write(Int32(termBase.entries.count))
        for entry in termBase.entries {
            writer.write(entry.english)
            writer.write(entry.englishVariants)
            writer.write(entry.simplified)
            writer.write(entry.traditional)
            writer.write(entry.chineseVariants)
            writer.write(entry.pinyin)
            writer.write(UInt8(TermType.allCases.firstIndex(of: entry.type)!))
            writer.write(entry.note)
            // A role's English is never empty (`Role.parse`), so "" stands for none.
            writer.write(entry.roles.map(\.chinese))
            writer.write(entry.roles.map { $0.english ?? "" })
            writer.write(fileIndex[entry.origin.file]!)
            writer.write(Int32(entry.origin.line))
            writer.write(UInt8(entry.origin.layer.rawValue))
            writer.write(UInt8(entry.simplifiedIsDerived ? 1 : 0))
        }
        for index in [termBase.englishIndex, termBase.chineseIndex, termBase.pinyinIndex] {
            writer.write(Int32(index.pairs.count))
            for (key, id) in index.pairs {
                writer.write(key)
                writer.write(id)
            }
        }
        writer.write(matcher.trie.base)
        writer.write(matcher.trie.check)
        writer.write(matcher.trie.value)
        writer.write(Int32(matcher.patterns.count))
        for pattern in matcher.patterns {
            writer.write(pattern.entries)
            writer.write(UInt8((pattern.requiresCapitals ? 1 : 0) | (pattern.isChinese ? 2 : 0) | (pattern.isRole ? 4 : 0)))
        }
        writer.write(UInt8(wordCosts == nil ? 0 : 1))
        writer.write(wordCosts?.patternCosts ?? [])
        writer.write(wordCosts?.unknown ?? 0)
        writer.write(Int32(skipped.count))
        for warning in skipped {
            writer.write(warning.file)
            writer.write(Int32(clamping: warning.line))
            writer.write(Int32(clamping: warning.column))
            writer.write(warning.message)
        }
        writer.write(UInt8(english == nil ? 0 : 1))
        english?.encode(into: &writer)
        writer.write(magic)
        return writer.bytes
    }

    static func decode(_ data: Data, key: UInt64) throws -> (TermBase, TermMatcher, WordCosts?, EnglishDictionary?, [GlossaryDiagnostic]) {
        try data.withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            guard reader.readUInt64() == magic, reader.readInt32() == version, reader.readUInt64() == key,
                let files = reader.readStrings(), let entryCount = reader.readInt32(), entryCount >= 0
            else { throw Damaged() }
            var entries: [GlossaryEntry] = []
            entries.reserveCapacity(Int(entryCount))
            for _ in 0..<entryCount {
                guard let english = reader.readString(), let englishVariants = reader.readStrings(),
                    let simplified = reader.readString(), let traditional = reader.readOptionalString(),
                    let chineseVariants = reader.readStrings(), let pinyin = reader.readOptionalString(),
                    let type = reader.readUInt8(), Int(type) < TermType.allCases.count,
                    let note = reader.readOptionalString(), let roleChinese = reader.readStrings(),
                    let roleEnglish = reader.readStrings(), roleEnglish.count == roleChinese.count, let file = reader.readInt32(), files.indices.contains(Int(file)),
                    let line = reader.readInt32(), let layerValue = reader.readUInt8(),
                    let layer = GlossaryLayer(rawValue: Int(layerValue)), let derived = reader.readUInt8(), derived <= 1
                else { throw Damaged() }
                entries.append(
                    GlossaryEntry(
                        english: english, englishVariants: englishVariants, simplified: simplified,
                        traditional: traditional, chineseVariants: chineseVariants, pinyin: pinyin,
                        type: TermType.allCases[Int(type)], note: note,
                        roles: zip(roleChinese, roleEnglish).map { GlossaryEntry.Role(chinese: $0, english: $1.isEmpty ? nil : $1) },
                        simplifiedIsDerived: derived == 1,
                        origin: EntryOrigin(file: files[Int(file)], line: Int(line), layer: layer)))
            }
            var indexes: [SortedKeyIndex] = []
            for _ in 0..<3 {
                guard let count = reader.readInt32(), count >= 0 else { throw Damaged() }
                var pairs: [(String, Int32)] = []
                pairs.reserveCapacity(Int(count))
                for _ in 0..<count {
                    guard let key = reader.readString(), let id = reader.readInt32(), id >= 0, id < entryCount else { throw Damaged() }
                    pairs.append((key, id))
                }
                indexes.append(SortedKeyIndex(sorted: pairs))
            }
            guard let base = reader.readInt32s(), let check = reader.readInt32s(), let value = reader.readInt32s(),
                let trie = DoubleArrayTrie(base: base, check: check, value: value),
                let patternCount = reader.readInt32(), patternCount >= 0
            else { throw Damaged() }
            var patterns: [TermMatcher.Pattern] = []
            patterns.reserveCapacity(Int(patternCount))
            for _ in 0..<patternCount {
                guard let ids = reader.readInt32s(), ids.allSatisfy({ $0 >= 0 && $0 < entryCount }), let flags = reader.readUInt8()
                else { throw Damaged() }
                patterns.append(TermMatcher.Pattern(entries: ids, requiresCapitals: flags & 1 != 0, isChinese: flags & 2 != 0, isRole: flags & 4 != 0))
            }
            // Costs out of range would overflow the segmenter's sums.
            guard let hasCosts = reader.readUInt8(), hasCosts <= 1, let patternCosts = reader.readInt32s(),
                patternCosts.count == (hasCosts == 1 ? Int(patternCount) : 0),
                patternCosts.allSatisfy({ (1...WordCosts.highest).contains($0) }), let unknown = reader.readInt32(),
                hasCosts == 0 || (1...WordCosts.highest).contains(unknown)
            else { throw Damaged() }
            guard let skippedCount = reader.readInt32(), skippedCount >= 0 else { throw Damaged() }
            var skipped: [GlossaryDiagnostic] = []
            for _ in 0..<skippedCount {
                guard let file = reader.readString(), let line = reader.readInt32(), let column = reader.readInt32(),
                    let message = reader.readString()
                else { throw Damaged() }
                skipped.append(GlossaryDiagnostic(file: file, line: Int(line), column: Int(column), severity: .warning, extent: .entry, message: message))
            }
            guard let hasEnglish = reader.readUInt8(), hasEnglish <= 1 else { throw Damaged() }
            var english: EnglishDictionary?
            if hasEnglish == 1 {
                guard let dictionary = EnglishDictionary.decode(from: &reader) else { throw Damaged() }
                english = dictionary
            }
            // The trie's values must name patterns that exist, or matching would read past them.
            guard reader.readUInt64() == magic, reader.isAtEnd, value.allSatisfy({ $0 < patternCount }) else { throw Damaged() }
            let termBase = TermBase(entries: entries, englishIndex: indexes[0], chineseIndex: indexes[1], pinyinIndex: indexes[2])
            let wordCosts = hasCosts == 1 ? WordCosts(patternCosts: patternCosts, unknown: unknown) : nil
            return (termBase, try TermMatcher(trie: trie, patterns: patterns), wordCosts, english, skipped)
        }
    }
}
