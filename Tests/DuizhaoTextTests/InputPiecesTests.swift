import Foundation
import Testing

@testable import DuizhaoText

@Suite struct InputPiecesTests {
    private func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-pieces-\(UUID().uuidString).txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func pieces(_ path: String, limit: Int, boundary: TextChunks.Boundary, blockSize: Int) throws -> [(text: String, offset: Int)] {
        let input = try InputPieces(path: path, limit: limit, at: boundary, blockSize: blockSize)
        var result: [(text: String, offset: Int)] = []
        while let piece = try input.next() { result.append(piece) }
        return result
    }

    /// Read in blocks of any size, the pieces are exactly those `TextChunks` cuts the whole
    /// text into, with their offsets, and they give back the text.
    @Test(arguments: [(8, 1), (8, 7), (64, 5), (64, 4096), (300, 13)])
    func piecesAreTheWholeTextsChunks(limit: Int, blockSize: Int) throws {
        for (index, text) in TextChunksTests.texts().enumerated() {
            let path = try file(Array(text.utf8))
            defer { try? FileManager.default.removeItem(atPath: path) }
            for boundary in [TextChunks.Boundary.paragraphs, .lines] {
                let streamed = try pieces(path, limit: limit, boundary: boundary, blockSize: blockSize)
                let whole = TextChunks.ranges(in: text, limit: limit, at: boundary)
                #expect(streamed.map(\.offset) == whole.map(\.lowerBound), "text \(index), \(boundary)")
                #expect(streamed.map(\.text) == whole.map { String(text[text.range(utf8Offsets: $0)]) }, "text \(index)")
                #expect(streamed.map(\.text).joined() == text)
            }
        }
    }

    @Test func aByteOrderMarkIsSkippedAndOffsetsCountAfterIt() throws {
        let path = try file([0xEF, 0xBB, 0xBF] + Array("周鸿祎说。\n\nSecond.\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try InputPieces(path: path, limit: 4, at: .paragraphs, blockSize: 2)
        var texts: [String] = []
        var offsets: [Int] = []
        while let piece = try input.next() {
            texts.append(piece.text)
            offsets.append(piece.offset)
        }
        #expect(input.hadByteOrderMark)
        #expect(texts == ["周鸿祎说。\n\n", "Second.\n"])
        #expect(offsets == [0, 17])
    }

    /// The error for invalid UTF-8 in a later piece names the same place as reading the
    /// whole file does.
    @Test(arguments: [1, 3, 64])
    func invalidUTF8IsPlacedAsInTheWholeFile(blockSize: Int) throws {
        for bom in [false, true] {
            var bytes: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
            bytes += Array("第一段。\n\nA line\n\n二段，".utf8) + [0xE4, 0xB8] + Array("x\n".utf8)
            let path = try file(bytes)
            defer { try? FileManager.default.removeItem(atPath: path) }
            var expected: InputError?
            do { _ = try InputText.read(path: path) } catch { expected = error }
            var found: InputError?
            do { _ = try pieces(path, limit: 4, boundary: .paragraphs, blockSize: blockSize) } catch { found = error as? InputError }
            #expect(expected != nil)
            #expect(found == expected)
            #expect(found == .invalidUTF8(origin: path, byteOffset: 31 + (bom ? 3 : 0), line: 5, column: 4))
        }
    }

    @Test func emptyAndMissingInput() throws {
        let path = try file([])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try pieces(path, limit: 8, boundary: .lines, blockSize: 4).isEmpty)
        #expect(throws: InputError.missing(path: "/nonexistent/x.txt")) { try InputPieces(path: "/nonexistent/x.txt", at: .lines) }
    }
}
