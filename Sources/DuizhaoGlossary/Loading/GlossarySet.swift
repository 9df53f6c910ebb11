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
/// Building both from CC-CEDICT takes seconds; so the result is kept in a compiled cache
/// (`CompiledGlossaries`), keyed as build tools key their outputs: by each source's path, size,
/// modification time and file number (and the names, layers and options), which a changed file
/// changes without its bytes being read. A file changed within the timestamps' resolution of
/// the cache's making is checked by its contents too. The cache is mapped rather than read, and
/// what it holds is made into Swift values when used: a lookup touches a few pages of it. A
/// damaged cache is refused and rebuilt.
public final class GlossarySet {
    public let termBase: TermBase
    /// The English → Chinese layer (ECDICT), when loaded.
    public let englishDictionary: EnglishDictionary?
    /// Whether this set came from the cache.
    public let wasCached: Bool
    /// A warning for each row (or TBX concept, or dictionary line) left out as malformed, in
    /// the order of the sources; kept in the cache too, so that every run says it.
    public let skipped: [GlossaryDiagnostic]
    /// The matcher and word costs, or the cache's columns they are made from when first used
    /// (a lookup never uses them).
    private let terms: MatcherParts

    private init(termBase: TermBase, terms: MatcherParts, englishDictionary: EnglishDictionary?, skipped: [GlossaryDiagnostic], wasCached: Bool) {
        self.termBase = termBase
        self.terms = terms
        self.englishDictionary = englishDictionary
        self.skipped = skipped
        self.wasCached = wasCached
    }

    /// The matcher for finding terms in text.
    public var matcher: TermMatcher { terms.built.matcher }

    /// What the matcher's Chinese terms cost the segmenter, when a word-frequency list was loaded.
    var wordCosts: WordCosts? { terms.built.wordCosts }

    /// Whether a word-frequency list was loaded with the glossaries.
    public var hasWordFrequencies: Bool { terms.hasWordCosts }

    /// The same glossaries for another thread: the term base, trie and costs are shared (they
    /// never change once built), the matcher's normalizer, whose cache grows as it reads, is new.
    /// - Throws: `ICUError` when ICU's transforms cannot be opened.
    public func forAnotherThread() throws(ICUError) -> GlossarySet {
        let built = terms.built
        return GlossarySet(
            termBase: termBase,
            terms: MatcherParts(matcher: try TermMatcher(trie: built.matcher.trie, patterns: built.matcher.patterns), wordCosts: built.wordCosts),
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
        // Taken before anything is read: a file whose modification time is not clearly before
        // it may change again unseen by its timestamp (`SourceStamp.mayHaveChangedUnseen`).
        let buildTime = SourceStamp.now()
        var files = sources.map { (path: $0.path, options: $0.options) }
        if let frequencies { files.append((frequencies, GlossaryReadOptions())) }
        let stamps = try files.map { file throws(InputError) in try SourceStamp(of: file.path, options: file.options) }
        let key = cacheKey(sources, stamps, hasFrequencies: frequencies != nil)
        let cacheFile = cacheDirectory.map { "\($0)/\(CompiledGlossaries.prefix)\(String(key, radix: 16)).bin" }
        if let cacheFile, let storage = FrozenBytes(mapping: cacheFile, touch: true),
            let compiled = try? CompiledGlossaries.open(storage, key: key, files: files.map(\.path))
        {
            // Checked by their contents, the sources are now old enough for their stamps alone.
            if compiled.checkedByContents, let cacheDirectory,
                !stamps.contains(where: { SourceStamp.mayHaveChangedUnseen(modified: $0.modified, buildTime: buildTime) })
            {
                CompiledGlossaries.store(CompiledGlossaries.restamped(storage, buildTime: buildTime), at: cacheFile, in: cacheDirectory)
            }
            return GlossarySet(
                termBase: compiled.termBase, terms: MatcherParts(compiled.matcher), englishDictionary: compiled.english,
                skipped: compiled.skipped, wasCached: true)
        }
        var contents: [Data] = []
        for source in sources {
            contents.append(try GlossaryLoader.contents(of: source.path, options: source.options, evenTBX: true))
        }
        let frequencyData = try frequencies.map { path throws(InputError) in try GlossaryLoader.contents(of: path, evenTBX: true) }
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
            let checks = zip(stamps, contents + (frequencyData.map { [$0] } ?? [])).map { stamp, data in
                var hash = FNV1a()
                data.withUnsafeBytes { hash.combine($0) }
                return (hash: hash.value, modified: stamp.modified)
            }
            let bytes = CompiledGlossaries.encode(termBase, matcher, wordCosts, english, skipped: skipped, key: key, buildTime: buildTime, sources: checks)
            CompiledGlossaries.store(bytes, at: cacheFile, in: cacheDirectory)
        }
        return GlossarySet(
            termBase: termBase, terms: MatcherParts(matcher: matcher, wordCosts: wordCosts), englishDictionary: english, skipped: skipped,
            wasCached: false)
    }

    /// The name of the compiled set for `sources` as they are on disk now (`SourceStamp`).
    static func cacheKey(_ sources: [GlossarySource], _ stamps: [SourceStamp], hasFrequencies: Bool) -> UInt64 {
        var hash = FNV1a()
        hash.combine("duizhao glossary cache \(CompiledGlossaries.version)")
        for (index, stamp) in stamps.enumerated() {
            if index < sources.count {
                let source = sources[index]
                hash.combine(source.name)
                hash.combine(String(source.layer.rawValue))
                hash.combine(source.options.format?.rawValue ?? "")
                hash.combine((source.options.languages ?? []).map { "\($0.column.rawValue) \($0.declaresScript)" }.joined(separator: ","))
            } else {
                hash.combine("word frequencies")
            }
            hash.combine(stamp.description)
        }
        return hash.value
    }
}

/// What tells a source file changed without reading it: its path, device, file number, size
/// and modification time in nanoseconds, as build tools tell.
struct SourceStamp: CustomStringConvertible {
    var path: String
    var device: UInt64
    var fileNumber: UInt64
    var size: Int64
    /// Nanoseconds since 1970.
    var modified: Int64

    /// `path`'s stamp.
    /// - Throws: `InputError` as `GlossaryLoader.contents` throws it: missing, a directory, or
    ///   not readable (whether or not the cache would spare reading it).
    init(of path: String, options: GlossaryReadOptions = .init()) throws(InputError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .missing(path: path) }
            throw .unreadable(path: path, reason: "cannot read")
        }
        if status.st_mode & S_IFMT == S_IFDIR { throw .unreadable(path: path, reason: "is a directory") }
        guard access(path, R_OK) == 0 else { throw .unreadable(path: path, reason: "cannot read") }
        self.path = path
        device = UInt64(status.st_dev)
        fileNumber = UInt64(status.st_ino)
        size = Int64(status.st_size)
        #if canImport(Darwin)
            modified = Int64(status.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(status.st_mtimespec.tv_nsec)
        #else
            modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        #endif
    }

    var description: String { "\(path) \(device) \(fileNumber) \(size) \(modified)" }

    /// The wall clock in nanoseconds since 1970, as file times are kept.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// How close to a cache's making a file's modification time must be for the file to be
    /// checked by its contents: file systems keep times in steps (of a clock tick, or of up to
    /// two seconds), so a file written again within the step of its last writing keeps its time.
    static let racyWindow: Int64 = 2_000_000_000

    /// Whether a file modified at `modified` may have changed after a cache made at `buildTime`
    /// read it, its time staying the same.
    static func mayHaveChangedUnseen(modified: Int64, buildTime: Int64) -> Bool {
        modified > buildTime - racyWindow
    }
}

/// The matcher and word costs: made from the sources, or from the compiled cache's columns when
/// first asked for, once, whichever thread asks.
private final class MatcherParts: @unchecked Sendable {
    private let lock = NSLock()
    private var made: (matcher: TermMatcher, wordCosts: WordCosts?)?
    private let compiled: CompiledMatcher?
    let hasWordCosts: Bool

    init(matcher: TermMatcher, wordCosts: WordCosts?) {
        made = (matcher, wordCosts)
        compiled = nil
        hasWordCosts = wordCosts != nil
    }

    init(_ compiled: CompiledMatcher) {
        self.compiled = compiled
        hasWordCosts = compiled.hasWordCosts
    }

    var built: (matcher: TermMatcher, wordCosts: WordCosts?) {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let parts = compiled!.make()
        made = parts
        return parts
    }
}

