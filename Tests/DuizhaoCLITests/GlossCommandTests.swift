import Foundation
import Testing

@Suite struct GlossCommandTests {
    static let text = "周鸿祎说：中美AI差距一两年就能赶上。Zhou Hongyi of 360 Group spoke. <script>alert(1)</script>"

    @Test func textMarksBothLanguages() throws {
        let result = try BinaryRunner.run(["gloss", "--no-dictionary"], stdin: Data(Self.text.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("周鸿祎[Zhou Hongyi]说："))
        #expect(result.stdout.contains("Zhou Hongyi[周鸿祎] of 360 Group[360集团] spoke."))
    }

    @Test func htmlHasRubyAndEscapesInput() throws {
        let result = try BinaryRunner.run(["gloss", "--no-dictionary", "--format", "html"], stdin: Data(Self.text.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("<ruby>周鸿祎<rt>Zhōu Hóngyī</rt></ruby>"))
        #expect(result.stdout.contains("title=\"Zhou Hongyi — founder and chairman of 360 Group\""))
        #expect(result.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!result.stdout.contains("<script>"))
    }

    @Test func jsonSpansHaveOffsetsAndIds() throws {
        let result = try BinaryRunner.run(["gloss", "--no-dictionary", "--format", "json"], stdin: Data(Self.text.utf8))
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let spans = object["spans"] as! [[String: Any]]
        #expect(spans.map { $0["text"] as! String } == ["周鸿祎", "AI", "Zhou Hongyi", "360 Group"])
        let bytes = Array(Self.text.utf8)
        for span in spans {
            let start = span["start"] as! Int
            let end = span["end"] as! Int
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == span["text"] as! String)
            #expect((span["id"] as! String).hasPrefix("china-tech.tsv:"))
        }
    }

    @Test func sameInputSameOutput() throws {
        let first = try BinaryRunner.run(["gloss", "--no-dictionary", "--format", "json"], stdin: Data(Self.text.utf8))
        let second = try BinaryRunner.run(["gloss", "--no-dictionary", "--format", "json"], stdin: Data(Self.text.utf8))
        #expect(first.stdout == second.stdout)
    }
}
