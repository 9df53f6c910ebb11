import DuizhaoBatch
import Foundation
import Testing

@Suite struct JobLineReaderTests {
    static func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-lines-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func lines(_ path: String, limit: Int, keepsPrefix: Bool = false) throws -> ([JobLine], JobLineReader) {
        let reader = try JobLineReader(path: path, limit: limit, keepsPrefix: keepsPrefix)
        var lines: [JobLine] = []
        while let line = try reader.next() { lines.append(line) }
        return (lines, reader)
    }

    @Test func numbersOffsetsBlankLinesCRLFAndALongLine() throws {
        let path = try Self.file(Array("a\r\n\n  \nbbbbbbbbbb\nc".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (lines, reader) = try Self.lines(path, limit: 5)
        #expect(lines.map(\.number) == [1, 4, 5])
        #expect(lines.map(\.offset) == [0, 7, 18])
        #expect(lines.map(\.bytes) == [Array("a".utf8), nil, Array("c".utf8)])
        #expect(lines.map(\.length) == [1, 10, 1])
        #expect(reader.endsWithUnterminatedLine)
        #expect(reader.endOfLastCompleteLine == 18)
        #expect(JobLineReader.countLines(path: path) == 3)

        let (prefixes, _) = try Self.lines(path, limit: 5, keepsPrefix: true)
        #expect(prefixes[1].bytes == Array("bbbbb".utf8))
    }

    @Test func aLineAcrossManyReadsIsWhole() throws {
        let long = [UInt8](repeating: 0x78, count: 2_500_000)
        let path = try Self.file(long + [0x0A] + Array("{}\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (lines, reader) = try Self.lines(path, limit: 3_000_000)
        #expect(lines.count == 2)
        #expect(lines[0].bytes?.count == 2_500_000)
        #expect(lines[1].offset == 2_500_001)
        #expect(lines[1].bytes == Array("{}".utf8))
        #expect(!reader.endsWithUnterminatedLine)
        #expect(reader.endOfLastCompleteLine == 2_500_004)
    }

    @Test func aMissingFileIsNoInput() {
        #expect(throws: BatchError(message: "/nonexistent/jobs: no such file", exit: .missingInput)) {
            _ = try JobLineReader(path: "/nonexistent/jobs", limit: 10)
        }
    }
}
