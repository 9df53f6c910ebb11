import Testing

@testable import DuizhaoText

@Suite struct WordSegmenterTests {
    static func tokens(_ text: String) throws -> [(String, TokenKind)] {
        try WordSegmenter().tokens(in: text).map { (String(text[$0.range]), $0.kind) }
    }

    @Test(arguments: [
        ("AI", TokenKind.latin), ("café", .latin), ("ＡＩ", .latin), ("R1", .latin),
        ("2025", .number), ("1,200", .number), ("3.5", .number), ("２０２５", .number),
        ("中国", .han), ("臺灣", .han),
        ("。", .punctuation), ("“", .punctuation), (",", .punctuation), ("-", .punctuation),
        (" ", .whitespace), ("\u{3000}", .whitespace), ("\r\n", .whitespace), ("\t", .whitespace),
        ("😀", .symbol), ("👨‍👩‍👧", .symbol), ("$", .symbol), ("©", .symbol),
        ("Москва", .other), ("ア", .other),
    ])
    func tokenKinds(text: String, kind: TokenKind) throws {
        let tokens = try Self.tokens(text)
        #expect(tokens.count == 1, "\(tokens)")
        #expect(tokens.first?.1 == kind)
    }

    @Test func mixedSentence() throws {
        let tokens = try Self.tokens("我们用OpenAI的模型，花了560万。").filter { $0.1 != .whitespace }
        #expect(tokens.map(\.0).contains("OpenAI"))
        #expect(tokens.first { $0.0 == "OpenAI" }?.1 == .latin)
        #expect(tokens.first { $0.0 == "560" }?.1 == .number)
        #expect(tokens.first { $0.0 == "，" }?.1 == .punctuation)
        #expect(tokens.map(\.0).joined() == "我们用OpenAI的模型，花了560万。")
    }

    @Test func emptyText() throws {
        #expect(try WordSegmenter().tokens(in: "").isEmpty)
    }
}
