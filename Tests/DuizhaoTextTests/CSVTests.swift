import Testing

@testable import DuizhaoText

@Suite struct CSVTests {
    /// The texts of the fields, record by record.
    static func texts(_ csv: String) throws -> [[String]] {
        try CSV.parse(csv).map { $0.map(\.text) }
    }

    // MARK: Reading

    @Test(arguments: [
        ("a,b,c", [["a", "b", "c"]]),
        ("a,b\nc,d", [["a", "b"], ["c", "d"]]),
        ("a,b\r\nc,d\r\n", [["a", "b"], ["c", "d"]]),
        ("a,b\rc,d\r", [["a", "b"], ["c", "d"]]),
        ("a,b\n", [["a", "b"]]),
        ("", []),
        ("\u{FEFF}", []),
        ("\u{FEFF}en,zh\r\n", [["en", "zh"]]),
        ("\n", [[""]]),
        ("a\n\nb", [["a"], [""], ["b"]]),
        (",", [["", ""]]),
        ("a,,c,", [["a", "", "c", ""]]),
        ("\"\"", [[""]]),
        ("\"a,b\",c", [["a,b", "c"]]),
        ("\"say \"\"hi\"\"\",x", [["say \"hi\"", "x"]]),
        ("\"\"\"\"", [["\""]]),
        ("\"line 1\r\nline 2\",x\r\ny", [["line 1\r\nline 2", "x"], ["y"]]),
        ("\"line 1\nline 2\"\n", [["line 1\nline 2"]]),
        ("\"a\rb\"", [["a\rb"]]),
        (" a , b ", [[" a ", " b "]]),
        ("周鸿祎,Zhōu Hóngyī,👨‍👩‍👧", [["周鸿祎", "Zhōu Hóngyī", "👨‍👩‍👧"]]),
        ("\"\",\"\"\r\n", [["", ""]]),
    ])
    func parsesRFC4180(csv: String, expected: [[String]]) throws {
        #expect(try Self.texts(csv) == expected)
    }

    @Test func fieldsKnowWhereTheyStart() throws {
        let records = try CSV.parse("\u{FEFF}en,zh\r\n周鸿祎,\"Zhou\r\nHongyi\",x\n,é,\"q\"")
        #expect(records.map { $0.map { [$0.line, $0.column] } } == [
            [[1, 1], [1, 4]],
            [[2, 1], [2, 5], [3, 9]],
            [[4, 1], [4, 2], [4, 4]],
        ])
        #expect(records[1][1].text == "Zhou\r\nHongyi")
    }

    @Test(arguments: [
        ("\"abc", 1, 1, "quoted field is not closed"),
        ("a,b\nc,\"d\ne", 2, 3, "quoted field is not closed"),
        ("ab\"c\",d", 1, 3, "quote inside an unquoted field"),
        ("x\n周鸿\"祎", 2, 3, "quote inside an unquoted field"),
        ("\"ab\"c,d", 1, 5, "expected a comma or a line break after the closing quote"),
        ("\u{FEFF}a,\"b\" ,c", 1, 6, "expected a comma or a line break after the closing quote"),
    ])
    func errorsSayWhere(csv: String, line: Int, column: Int, message: String) {
        #expect {
            try CSV.parse(csv)
        } throws: { error in
            guard let error = error as? CSVError else { return false }
            return error.line == line && error.column == column && error.message.hasPrefix(message)
        }
    }

    @Test func errorDescriptionIsLineColumnMessage() {
        let error = CSVError(line: 3, column: 7, message: "quoted field is not closed")
        #expect(error.description == "3:7: quoted field is not closed")
    }

    // MARK: Writing

    @Test func writesCRLFAndAByteOrderMarkByDefault() {
        let csv = CSV.write([["en", "zh"], ["computing power", "算力"]])
        #expect(csv == "\u{FEFF}en,zh\r\ncomputing power,算力\r\n")
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(CSV.write([["a"]], options: .init(byteOrderMark: false)) == "a\r\n")
        #expect(CSV.write([], options: .init(byteOrderMark: false)) == "")
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("line\r\nbreak", "\"line\r\nbreak\""),
        ("cr\rhere", "\"cr\rhere\""),
        (" leading", "\" leading\""),
        ("trailing ", "\"trailing \""),
        ("tab\t", "\"tab\t\""),
        ("in side", "in side"),
        ("", ""),
        ("周鸿祎", "周鸿祎"),
    ])
    func quotesOnlyWhenNeeded(field: String, written: String) {
        let options = CSV.WriterOptions(byteOrderMark: false, neutralizeFormulas: false)
        #expect(CSV.write([[field, "x"]], options: options) == written + ",x\r\n")
    }

    @Test(arguments: [
        ("=1+2", "'=1+2"),
        ("+86 10 1234", "'+86 10 1234"),
        ("-ism", "'-ism"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindent", "'\tindent"),
        ("\rcmd", "\"'\rcmd\""),
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("a=b", "a=b"),
        ("周=", "周="),
        ("'quoted", "'quoted"),
    ])
    func neutralizesFormulas(field: String, written: String) throws {
        let neutralized = CSV.write([[field]], options: .init(byteOrderMark: false))
        #expect(neutralized == written + "\r\n")
        let raw = CSV.write([[field]], options: .init(byteOrderMark: false, neutralizeFormulas: false))
        #expect(try Self.texts(raw) == [[field]])
    }

    @Test func aRecordOfOneEmptyFieldIsWrittenQuoted() throws {
        let csv = CSV.write([["a"], [""], ["b"]], options: .init(byteOrderMark: false))
        #expect(csv == "a\r\n\"\"\r\nb\r\n")
        #expect(try Self.texts(csv) == [["a"], [""], ["b"]])
    }

    // MARK: Round trip

    /// Pieces that CSV must protect, and ordinary text.
    static let pieces: [String] = [
        ",", "\"", "\"\"", "\r\n", "\n", "\r", " ", "\t", "'", "=", "+", "-", "@", "a", "Zhou Hongyi", "周鸿祎", "臺積電",
        "é", "e\u{301}", "👨‍👩‍👧", "\u{FEFF}", "|", ";", "\\", "\u{0}", "\u{85}", "\u{2028}",
    ]

    static func randomField(_ generator: inout MixedTextGenerator) -> String {
        let count = Int(generator.next() % 7)
        var field = ""
        for _ in 0..<count {
            field += generator.next() % 3 == 0 ? generator.pick(MixedTextGenerator.pieces) : generator.pick(pieces)
        }
        return field
    }

    @Test(arguments: Array(UInt64(1)...30))
    func readingWhatWasWrittenGivesItBack(seed: UInt64) throws {
        var generator = MixedTextGenerator(seed: seed)
        for _ in 0..<20 {
            let records = (0..<Int(generator.next() % 6)).map { _ in
                (0..<(1 + Int(generator.next() % 5))).map { _ in Self.randomField(&generator) }
            }
            for options in [CSV.WriterOptions(), CSV.WriterOptions(byteOrderMark: false, neutralizeFormulas: false)] {
                let csv = CSV.write(records, options: options)
                let read = try Self.texts(csv)
                let expected = options.neutralizeFormulas
                    ? records.map { $0.map { CSV.formulaTriggers.contains($0.unicodeScalars.first ?? " ") ? "'" + $0 : $0 } }
                    : records
                #expect(read == expected, "seed \(seed): \(csv.debugDescription)")
            }
        }
    }
}
