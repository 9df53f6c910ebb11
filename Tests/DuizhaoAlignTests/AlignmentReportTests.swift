import DuizhaoAlign
import DuizhaoReports
import DuizhaoText
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct AlignmentReportTests {
    /// The fixture aligned, with a source sentence that needs escaping in XML, CSV and JSON.
    static func report() throws -> AlignmentReport {
        var chinese = AlignmentFixture.chinese
        chinese[6] = "他买了三本新书<&>\"。"
        let aligner = try SentenceAligner(glossaries: try AlignmentFixture.glossaries())
        let alignment = try aligner.align(source: chinese, target: AlignmentFixture.english, evidence: true)
        return AlignmentReport(alignment: alignment, source: chinese, target: AlignmentFixture.english, toolVersion: "0.1.0")
    }

    @Test func ladderListsBeadsSourceFirstWithScores() throws {
        let lines = try Self.report().render(.ladder).split(separator: "\n")
        #expect(lines.count == AlignmentFixture.gold.count)
        #expect(lines[1].hasPrefix("[1,2]:[1]\t"))
        #expect(lines[2].hasPrefix("[3]:[2,3]\t"))
        #expect(lines[4].hasPrefix("[]:[5]\t0.000"))
        for line in lines {
            let fields = line.split(separator: "\t")
            #expect(fields.count == 2)
            #expect(Double(fields[1]) != nil)
        }
    }

    @Test func tsvHasThreeColumnsPerBead() throws {
        let lines = try Self.report().render(.tsv).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == AlignmentFixture.gold.count)
        for line in lines { #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == 3) }
        #expect(lines[1].hasPrefix("他在湖边散步。他看船。\tHe took a walk"))
        #expect(lines[4].hasPrefix("\tNobody"))
    }

    @Test func csvReadsBackWithAHeader() throws {
        let records = try CSV.parse(try Self.report().render(.csv))
        #expect(records.count == AlignmentFixture.gold.count + 1)
        #expect(records[0].map(\.text) == ["source", "target", "score"])
        #expect(records.last?[0].text == "他买了三本新书<&>\"。")
    }

    @Test func jsonlObjectsCarryNumbersTextsScoreAndEvidence() throws {
        let lines = try Self.report().render(.jsonl).split(separator: "\n")
        #expect(lines.count == AlignmentFixture.gold.count)
        var sources: [Int] = []
        var targets: [Int] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            sources += try #require(object["source"] as? [Int])
            targets += try #require(object["target"] as? [Int])
            #expect(object["source_text"] is String)
            #expect(object["target_text"] is String)
            #expect(object["score"] is Double || object["score"] is Int)
            let evidence = try #require(object["evidence"] as? [String: Any])
            #expect(evidence["terms"] is [String])
        }
        #expect(sources == Array(AlignmentFixture.chinese.indices))
        #expect(targets == Array(AlignmentFixture.english.indices))
    }

    @Test func tmxIsWellFormedWithTheRequiredAttributes() throws {
        let text = try Self.report().render(.tmx)
        let document = try XMLDocument(data: Data(text.utf8), options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "tmx")
        #expect(root.attribute(forName: "version")?.stringValue == "1.4")
        let header = try #require(root.elements(forName: "header").first)
        for name in ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"] {
            let value = header.attribute(forName: name)?.stringValue
            #expect(value?.isEmpty == false, "header lacks \(name)")
        }
        #expect(header.attribute(forName: "srclang")?.stringValue == "zh")
        let units = try #require(root.elements(forName: "body").first).elements(forName: "tu")
        #expect(units.count == AlignmentFixture.gold.count)
        var languages: [String] = []
        var segments: [String] = []
        for unit in units {
            let variants = unit.elements(forName: "tuv")
            #expect(!variants.isEmpty)
            for variant in variants {
                let language = try #require(variant.attribute(forName: "xml:lang")?.stringValue ?? variant.attribute(forLocalName: "lang", uri: "http://www.w3.org/XML/1998/namespace")?.stringValue)
                languages.append(language)
                segments.append(try #require(variant.elements(forName: "seg").first?.stringValue))
            }
        }
        #expect(Set(languages) == ["zh", "en"])
        #expect(languages.count == AlignmentFixture.gold.count * 2 - 1)
        #expect(segments.contains("他买了三本新书<&>\"。"))
    }
}
