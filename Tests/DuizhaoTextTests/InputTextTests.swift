import Testing

@testable import DuizhaoText

@Suite struct InputTextTests {
    @Test func byteOrderMarkIsSkipped() throws {
        let input = try InputText(decoding: [0xEF, 0xBB, 0xBF] + Array("中文".utf8), origin: "t.txt")
        #expect(input.text == "中文")
        #expect(input.hadByteOrderMark)
    }

    @Test(arguments: [
        ([0x61, 0x0A, 0x62, 0xFF], 3, 2, 2),  // a stray 0xFF on line 2, column 2
        ([0xE4, 0xB8], 0, 1, 1),  // a truncated sequence
        ([0x41, 0xC0, 0x80], 1, 1, 2),  // an overlong encoding of NUL
        ([0xED, 0xA0, 0x80], 0, 1, 1),  // a surrogate
        ([0xEF, 0xBB, 0xBF, 0x41, 0xFE], 4, 1, 2),  // after a BOM, offsets count from the file start
    ] as [([UInt8], Int, Int, Int)])
    func invalidUTF8IsReportedWithItsPlace(bytes: [UInt8], offset: Int, line: Int, column: Int) {
        #expect(throws: InputError.invalidUTF8(origin: "t.txt", byteOffset: offset, line: line, column: column)) {
            try InputText(decoding: bytes, origin: "t.txt")
        }
    }

    @Test func missingFile() {
        #expect(throws: InputError.missing(path: "/nonexistent/file.txt")) {
            try InputText.read(path: "/nonexistent/file.txt")
        }
    }

    @Test func emptyInput() throws {
        #expect(try InputText(decoding: [], origin: "e").text == "")
    }
}

@Suite struct LineSliceTests {
    @Test(arguments: [
        ("a\nb", ["a", "b"]), ("a\r\nb\r\n", ["a", "b"]), ("a\rb", ["a", "b"]), ("\n\n", ["", ""]),
        ("", []), ("中文\r\n\r\nx", ["中文", "", "x"]),
    ])
    func lines(text: String, expected: [String]) {
        #expect(text.lineSlices().map(String.init) == expected)
    }
}
