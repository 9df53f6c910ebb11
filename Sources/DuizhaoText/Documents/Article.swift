/// The kinds of article Duizhao reads.
public enum ArticleFormat: String, Sendable, CaseIterable {
    case plain, markdown, html

    /// The format a file's name, or else its first characters, show.
    public static func detect(path: String?, text: String) -> ArticleFormat {
        let lowered = (path ?? "").lowercased()
        if lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") || lowered.hasSuffix(".xhtml") { return .html }
        if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") { return .markdown }
        let start = text.drop { $0.isWhitespace }.prefix(200).lowercased()
        if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.hasPrefix("<body") || start.hasPrefix("<article") {
            return .html
        }
        return .plain
    }
}

/// An entry of an article's reference list or footnotes: `1. 360集团创办人:…`, `[^2]: …`.
public struct Reference: Sendable, Hashable {
    /// Its label as the article writes it: "1", "2", "a".
    public var label: String
    /// Its text, markup removed (often a Chinese title).
    public var text: String
    /// A link it carries, if any.
    public var url: String?
    /// Where the entry stands in `Article.text` (UTF-8 offsets).
    public var range: Range<Int>
}

/// A citation marker in the running text: `[1]`, `[^1]`, `^1`, `[1, 3]`.
public struct Citation: Sendable, Hashable {
    /// The labels it cites.
    public var labels: [String]
    /// Where the marker stands in `Article.text` (UTF-8 offsets).
    public var range: Range<Int>
}

/// An article read for checking: its readable text, reference list and citation markers.
///
/// For Markdown and HTML, `text` is the article with markup removed (links keep their words,
/// scripts and navigation are gone), one paragraph per block; `originalOffsets` maps every byte
/// of `text` back to the input, so that whatever is found in `text` can be shown in place.
public struct Article: Sendable {
    public var format: ArticleFormat
    /// The readable text.
    public var text: String
    /// For each UTF-8 byte of `text`, the offset in the input it came from; one more element at
    /// the end holds the input's length. Nil for plain text, where the two are the same.
    public var originalOffsets: [Int32]?
    public var references: [Reference]
    public var citations: [Citation]
    /// The blocks that hold no claims, with why: headings, boilerplate, the reference list. With
    /// `findsBody` false, the reference list only.
    public var skippedBlocks: [SkippedBlock]
    /// Whether the body was told from the page around it (`skippedBlocks`).
    public var findsBody: Bool

    /// The input offset of a `text` offset.
    public func originalOffset(_ offset: Int) -> Int {
        guard let originalOffsets else { return offset }
        return Int(originalOffsets[min(offset, originalOffsets.count - 1)])
    }

    /// Reads an article.
    /// - Parameters:
    ///   - input: the article's text.
    ///   - format: how to read it.
    ///   - findsBody: whether to tell the body from headings and the page around it
    ///     (`ArticleLayout`); false leaves every sentence outside the reference list a claim.
    public init(reading input: String, format: ArticleFormat, findsBody: Bool = true) {
        self.format = format
        var builder = ReadableTextBuilder()
        switch format {
        case .plain:
            builder.appendVerbatim(input)
        case .markdown:
            MarkdownReader.read(input, into: &builder)
        case .html:
            HTMLReader.read(input, into: &builder)
        }
        text = builder.text
        originalOffsets = format == .plain ? nil : builder.offsets(inputLength: input.utf8.count)
        let layout = ArticleLayout(text)
        let furniture: [Range<Int>]
        (references, citations, furniture) = CitationScanner.scan(text, layout: layout, links: builder.links, definitions: builder.definitions)
        self.findsBody = findsBody
        let bytes = Array(text.utf8)
        if findsBody {
            skippedBlocks = layout.skippedBlocks(references: references.map(\.range), furniture: builder.furniture)
            for range in furniture where !skippedBlocks.contains(where: { $0.range == range }) {
                skippedBlocks.append(SkippedBlock(text: String(decoding: bytes[range], as: UTF8.self), range: range, reason: .boilerplate))
            }
            skippedBlocks.sort { $0.range.lowerBound < $1.range.lowerBound }
        } else {
            skippedBlocks = references.map { SkippedBlock(text: String(decoding: bytes[$0.range], as: UTF8.self), range: $0.range, reason: .reference) }
        }
    }
}

/// Accumulates readable text with, for each byte, where it came from in the input.
struct ReadableTextBuilder {
    private(set) var bytes: [UInt8] = []
    private var sources: [Int32] = []
    /// Links met while reading: the readable range of the link's words, and its target.
    private(set) var links: [(range: Range<Int>, url: String)] = []

    var text: String { String(decoding: bytes, as: UTF8.self) }
    var count: Int { bytes.count }
    var last: UInt8? { bytes.last }

    mutating func append<S: Sequence<UInt8>>(_ newBytes: S, from source: Int) {
        for byte in newBytes {
            bytes.append(byte)
            sources.append(Int32(source))
        }
    }

    /// Appends input bytes that keep their own offsets.
    mutating func append(input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        for offset in range {
            bytes.append(input[offset])
            sources.append(Int32(offset))
        }
    }

    mutating func appendVerbatim(_ text: String) {
        var offset = 0
        for byte in text.utf8 {
            bytes.append(byte)
            sources.append(Int32(offset))
            offset += 1
        }
    }

    /// Ends the current block with a blank line (once), so that blocks become paragraphs.
    mutating func endBlock(at source: Int) {
        while bytes.last == 0x20 {
            bytes.removeLast()
            sources.removeLast()
        }
        guard !bytes.isEmpty else { return }
        if bytes.count >= 2 && bytes[bytes.count - 1] == 0x0A && bytes[bytes.count - 2] == 0x0A { return }
        append(bytes.last == 0x0A ? [0x0A] : [0x0A, 0x0A], from: source)
    }

    mutating func addLink(_ range: Range<Int>, url: String) { links.append((range, url)) }

    /// Readable ranges of elements whose class or id names site furniture (HTML).
    private(set) var furniture: [Range<Int>] = []

    mutating func addFurniture(_ range: Range<Int>) {
        if !range.isEmpty { furniture.append(range) }
    }

    /// Link targets defined by label (`[1]: https://…`), for references that name no link themselves.
    private(set) var definitions: [String: String] = [:]

    mutating func addDefinition(label: String, url: String) { definitions[label] = url }

    func offsets(inputLength: Int) -> [Int32] { sources + [Int32(inputLength)] }
}
