import Foundation

/// A review's JSON kept in pieces, so that an action costs the encoding of the claim it
/// changed and of itself, not of the whole review: the article, the sources and the other
/// claims are encoded once. The pieces joined are byte for byte what `JSONEncoder` writes for
/// the whole review (sorted keys, compact), which a test checks.
struct ReviewEncoding {
    private var claims: [Data]
    /// The actions, each followed by a comma but the last.
    private var actions: Data
    private var actionCount: Int
    /// `"articleText":…,` and the rest that never changes, in key order around `claims`.
    private var articleText: Data
    private var sources: Data
    private var threshold: Data
    private var title: Data
    private var id: Data

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Every piece of `review`, encoded.
    init(_ review: Review) throws {
        let encoder = Self.encoder()
        claims = try review.claims.map { try encoder.encode($0) }
        actions = Data()
        actionCount = 0
        articleText = try encoder.encode(review.articleText)
        sources = try encoder.encode(review.sources)
        threshold = try encoder.encode(review.threshold)
        title = try encoder.encode(review.title)
        id = try encoder.encode(review.id)
        try appendActions(review.actions[...], encoder: encoder)
    }

    private mutating func appendActions(_ new: ArraySlice<Review.Action>, encoder: JSONEncoder) throws {
        for action in new {
            if actionCount > 0 { actions.append(UInt8(ascii: ",")) }
            actions.append(try encoder.encode(action))
            actionCount += 1
        }
    }

    /// Brings the pieces from `old` to `new`, which differ in decisions and new actions only.
    mutating func update(from old: Review, to new: Review) throws {
        let encoder = Self.encoder()
        guard old.claims.count == new.claims.count, old.actions.count == actionCount, new.actions.count >= old.actions.count else {
            self = try ReviewEncoding(new)
            return
        }
        for index in new.claims.indices where new.claims[index] != old.claims[index] {
            claims[index] = try encoder.encode(new.claims[index])
        }
        try appendActions(new.actions[old.actions.count...], encoder: encoder)
    }

    /// The review's file: the pieces in the keys' sorted order.
    func file(version: Int, format: Int) -> Data {
        var data = Data()
        data.reserveCapacity(actions.count + sources.count + articleText.count + claims.reduce(0) { $0 + $1.count } + 256)
        func key(_ name: String) { data.append(contentsOf: Array("\"\(name)\":".utf8)) }
        data.append(contentsOf: Array("{".utf8))
        key("actions")
        data.append(UInt8(ascii: "["))
        data.append(actions)
        data.append(contentsOf: Array("],".utf8))
        key("articleText")
        data.append(articleText)
        data.append(UInt8(ascii: ","))
        key("claims")
        data.append(UInt8(ascii: "["))
        for (index, claim) in claims.enumerated() {
            if index > 0 { data.append(UInt8(ascii: ",")) }
            data.append(claim)
        }
        data.append(contentsOf: Array("],".utf8))
        key("format")
        data.append(contentsOf: Array("\(format),".utf8))
        key("id")
        data.append(id)
        data.append(UInt8(ascii: ","))
        key("sources")
        data.append(sources)
        data.append(UInt8(ascii: ","))
        key("threshold")
        data.append(threshold)
        data.append(UInt8(ascii: ","))
        key("title")
        data.append(title)
        data.append(UInt8(ascii: ","))
        key("version")
        data.append(contentsOf: Array("\(version)}".utf8))
        return data
    }
}
