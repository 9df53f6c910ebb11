import DuizhaoText
import Foundation

/// The compiled cache: a term base, its matcher, word costs, ECDICT's layer and the warnings,
/// laid out to be mapped and read in place.
///
/// After a header (the key, when it was made, and per source a hash of its contents with its
/// modification time), the term base's layout as `TermBase` keeps it in memory, then the
/// matcher's columns, the warnings, and ECDICT's arrays. Everything read in place is checked
/// when the file is opened (every id in range, every offset in order), so that a damaged or
/// truncated file is refused, never read out of bounds.
enum CompiledGlossaries {
    /// Bumped whenever the layout or what is derived from the sources changes.
    /// 2: a CC-CEDICT headword's usual reading first; 3: old and variant forms after it;
    /// 4: word costs from a frequency list; 5: CC-CEDICT lines whose first gloss is Chinese, or
    /// that lack a Chinese form, refused; 6: CC-CEDICT glosses trimmed, glosses of spaces skipped;
    /// 7: entries say whether their Simplified form is derived, rows left out are kept as warnings;
    /// 8: the English → Chinese layer; 9: people's roles, and their patterns in the matcher;
    /// 10: laid out flat to be mapped, keyed by the sources' stamps, an index of gloss words.
    static let version: Int32 = 10
    private static let magic: UInt64 = 0x4443_5A44_5F47_4C53  // "DZGLSCDZ"-ish marker
    /// Compiled sets are files `glossaries-KEY.bin` in the cache folder.
    static let prefix = "glossaries-"
    /// How many compiled sets the cache folder keeps: the ones used last (`store`).
    static let kept = 4

    struct Damaged: Error {}

    /// What `open` gives.
    struct Opened {
        var termBase: TermBase
        var matcher: CompiledMatcher
        var english: EnglishDictionary?
        var skipped: [GlossaryDiagnostic]
        /// Whether a source was checked by its contents (modified close to the cache's making).
        var checkedByContents: Bool
    }

    static func encode(
        _ termBase: TermBase, _ matcher: TermMatcher, _ wordCosts: WordCosts?, _ english: EnglishDictionary? = nil,
        skipped: [GlossaryDiagnostic] = [], key: UInt64, buildTime: Int64, sources: [(hash: UInt64, modified: Int64)]
    ) -> [UInt8] {
        var writer = BinaryWriter()
        writer.write(magic)
        writer.write(version)
        writer.write(key)
        writer.write(UInt64(bitPattern: buildTime))
        writer.write(Int32(sources.count))
        for source in sources {
            writer.write(source.hash)
            writer.write(UInt64(bitPattern: source.modified))
        }
        writer.writeSection(termBase.layout)
        writer.writeColumn(Array(matcher.trie.base))
        writer.writeColumn(Array(matcher.trie.check))
        writer.writeColumn(Array(matcher.trie.value))
        var patternStart: [Int32] = [0]
        var patternEntries: [Int32] = []
        for pattern in matcher.patterns {
            patternEntries += pattern.entries
            patternStart.append(Int32(patternEntries.count))
        }
        writer.writeColumn(patternStart)
        writer.writeColumn(patternEntries)
        writer.writeColumn(matcher.patterns.map { Int32((($0.requiresCapitals ? 1 : 0) | ($0.isChinese ? 2 : 0) | ($0.isRole ? 4 : 0))) })
        writer.write(UInt8(wordCosts == nil ? 0 : 1))
        writer.writeColumn(wordCosts?.patternCosts ?? [])
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

    /// The compiled set in `storage`, when it is whole, made for `key`, and its sources are as
    /// they were (those modified close to its making are checked by their contents).
    /// - Parameter files: the sources' paths, in the order of the key.
    /// - Throws: `Damaged` when it is not.
    static func open(_ storage: FrozenBytes, key: UInt64, files: [String]) throws(Damaged) -> Opened {
        var reader = BinaryReader(storage.buffer, owner: storage)
        guard reader.readUInt64() == magic, reader.readInt32() == version, reader.readUInt64() == key,
            let buildTime = reader.readUInt64().map({ Int64(bitPattern: $0) }), let sourceCount = reader.readInt32(),
            Int(sourceCount) == files.count
        else { throw Damaged() }
        var checkedByContents = false
        for file in files {
            guard let hash = reader.readUInt64(), let modified = reader.readUInt64().map({ Int64(bitPattern: $0) }) else { throw Damaged() }
            if SourceStamp.mayHaveChangedUnseen(modified: modified, buildTime: buildTime) {
                checkedByContents = true
                var contents = FNV1a()
                guard let data = FileManager.default.contents(atPath: file) else { throw Damaged() }
                data.withUnsafeBytes { contents.combine($0) }
                guard contents.value == hash else { throw Damaged() }
            }
        }
        guard let section = reader.readSection() else { throw Damaged() }
        let termBase = try TermBase(storage: storage, range: section)
        guard let matcher = CompiledMatcher.read(from: &reader, entryCount: termBase.entries.count),
            let skippedCount = reader.readInt32(), skippedCount >= 0
        else { throw Damaged() }
        var skipped: [GlossaryDiagnostic] = []
        for _ in 0..<skippedCount {
            guard let file = reader.readString(), let line = reader.readInt32(), let column = reader.readInt32(), let message = reader.readString()
            else { throw Damaged() }
            skipped.append(GlossaryDiagnostic(file: file, line: Int(line), column: Int(column), severity: .warning, extent: .entry, message: message))
        }
        guard let hasEnglish = reader.readUInt8(), hasEnglish <= 1 else { throw Damaged() }
        var english: EnglishDictionary?
        if hasEnglish == 1 {
            guard let dictionary = EnglishDictionary.decode(from: &reader) else { throw Damaged() }
            english = dictionary
        }
        guard reader.readUInt64() == magic, reader.isAtEnd else { throw Damaged() }
        return Opened(termBase: termBase, matcher: matcher, english: english, skipped: skipped, checkedByContents: checkedByContents)
    }

    /// Where the header keeps when the cache was made.
    private static let buildTimeOffset = 20

    /// The compiled set in `storage` as if made at `buildTime`: for a cache whose sources were
    /// checked by their contents and found as they were, at a time when none of them was
    /// modified close to it any more, so that later runs need not read them again.
    static func restamped(_ storage: FrozenBytes, buildTime: Int64) -> [UInt8] {
        var bytes = [UInt8](storage.buffer)
        withUnsafeBytes(of: UInt64(bitPattern: buildTime).littleEndian) { bytes.replaceSubrange(buildTimeOffset..<(buildTimeOffset + 8), with: $0) }
        return bytes
    }

    /// When the compiled set in `bytes` says it was made.
    static func buildTime(of bytes: UnsafeRawBufferPointer) -> Int64? {
        guard bytes.count >= buildTimeOffset + 8 else { return nil }
        return Int64(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: buildTimeOffset, as: UInt64.self)))
    }

    /// Writes the cache atomically (beside, then renamed over), then removes all but the
    /// `kept` compiled sets used last; a cache that cannot be written is only a slower next start.
    ///
    /// A set is marked used each time it is opened (its modification time), so a set in use
    /// outlives others built since. Removing a file another process has open or mapped leaves
    /// that process its copy; it only finds the set gone the next time, and builds it again.
    static func store(_ bytes: [UInt8], at path: String, in directory: String) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            return
        }
        evict(in: directory, keeping: kept)
    }

    /// Removes all but the `keeping` compiled sets used last from `directory`.
    static func evict(in directory: String, keeping: Int) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let dated = names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".bin") }.map { name -> (String, Int64) in
            let stamp = try? SourceStamp(of: "\(directory)/\(name)")
            return (name, stamp?.modified ?? 0)
        }.sorted { ($0.1, $0.0) > ($1.1, $1.0) }
        for (name, _) in dated.dropFirst(keeping) {
            try? FileManager.default.removeItem(atPath: "\(directory)/\(name)")
        }
    }
}

/// The matcher's trie and patterns and the word costs, as columns of the compiled cache,
/// checked on opening; made into a `TermMatcher` and `WordCosts` when first used.
struct CompiledMatcher {
    var base, check, value, patternStart, patternEntries, patternFlags, costs: Int32Column
    var unknown: Int32
    var hasWordCosts: Bool

    /// Reads the columns `CompiledGlossaries.encode` wrote; nil when any is inconsistent.
    static func read(from reader: inout BinaryReader, entryCount: Int) -> CompiledMatcher? {
        guard let base = reader.readColumn(), let check = reader.readColumn(), let value = reader.readColumn(), !base.isEmpty,
            base.count == check.count, check.count == value.count, let patternStart = reader.readColumn(),
            let patternEntries = reader.readColumn(), let patternFlags = reader.readColumn(), !patternStart.isEmpty
        else { return nil }
        let patternCount = patternStart.count - 1
        // The trie's values must name patterns that exist, or matching would read past them.
        guard patternFlags.count == patternCount, patternStart.ascends(from: 0, to: patternEntries.count),
            patternEntries.all(from: 0, below: entryCount), patternFlags.all(from: 0, below: 8), value.all(from: -1, below: patternCount),
            let hasCosts = reader.readUInt8(), hasCosts <= 1, let costs = reader.readColumn(), let unknown = reader.readInt32(),
            costs.count == (hasCosts == 1 ? patternCount : 0),
            // Costs out of range would overflow the segmenter's sums.
            costs.all(from: 1, below: Int(WordCosts.highest) + 1), hasCosts == 0 || (1...WordCosts.highest).contains(unknown)
        else { return nil }
        return CompiledMatcher(
            base: base, check: check, value: value, patternStart: patternStart, patternEntries: patternEntries, patternFlags: patternFlags,
            costs: costs, unknown: unknown, hasWordCosts: hasCosts == 1)
    }

    /// The matcher and costs.
    func make() -> (matcher: TermMatcher, wordCosts: WordCosts?) {
        let patterns = (0..<patternFlags.count).map { index in
            let flags = patternFlags[index]
            return TermMatcher.Pattern(
                entries: Array(patternEntries[Int(patternStart[index])..<Int(patternStart[index + 1])]),
                requiresCapitals: flags & 1 != 0, isChinese: flags & 2 != 0, isRole: flags & 4 != 0)
        }
        let trie = DoubleArrayTrie(base: Array(base), check: Array(check), value: Array(value))!
        // The transforms a matcher opens are the ones every command opened (`TextNormalizer`)
        // before it matches; they cannot fail here unless ICU's data went missing mid-run.
        let matcher = try! TermMatcher(trie: trie, patterns: patterns)
        return (matcher, hasWordCosts ? WordCosts(patternCosts: Array(costs), unknown: unknown) : nil)
    }
}
