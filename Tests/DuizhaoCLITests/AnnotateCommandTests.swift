import DuizhaoText
import Foundation
import Testing

/// `duizhao annotate` and `duizhao export` run as programs on `Samples/`, with the shipped
/// glossary and a few words of the test's own (no CC-CEDICT: CI has none).
@Suite struct AnnotateCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let article = root.appendingPathComponent("Samples/article.md").path
    static let sources = root.appendingPathComponent("Samples/sources").path

    static let glossary = """
        en\tzh\tzh-Hant\tpinyin\ttype\ten-variants\tzh-variants\tnote
        research\t研发\t研發\tyánfā\tterm\t\t\t
        team\t团队\t團隊\ttuánduì\tterm\t\t\t
        analyst\t分析师\t分析師\tfēnxīshī\tterm\t\t\t
        market\t市场\t市場\tshìchǎng\tterm\t\t\t
        company\t公司\t公司\tgōngsī\tterm\t\t\t
        gap\t差距\t差距\tchājù\tterm\t\t\t
        talent\t人才\t人才\tréncái\tterm\t\t\t

        """

    /// A folder with the test glossary; removed by the caller.
    static func folder() throws -> URL {
        let folder = try BinaryRunner.temporaryFolder("annotate-cli")
        try Data(glossary.utf8).write(to: folder.appendingPathComponent("words.tsv"))
        return folder
    }

    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(
            arguments + ["--no-dictionary", "--glossary", folder.appendingPathComponent("words.tsv").path],
            environment: ["DUIZHAO_CACHE_DIR": folder.appendingPathComponent("cache").path].merging(environment) { $1 })
    }

    @Test func markdownFootnotesOnTheSamples() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(["annotate", Self.article, "--source", Self.sources], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        // The article itself, a footnote mark after each claim, then the footnotes.
        #expect(out.hasPrefix("# China's AI gap with the U.S. could close in two years, says 360 founder\n"))
        #expect(out.contains("within two years [1].[^c1]"))
        for id in 1...7 { #expect(out.contains("\n[^c\(id)]: "), "footnote c\(id)") }
        let footnotes = out.components(separatedBy: "\n[^c").dropFirst().map { "[^c" + $0 }
        let c1 = try #require(footnotes.first { $0.hasPrefix("[^c1]:") })
        #expect(c1.contains("cited source `\(Self.sources)/360-interview.txt` sentence 2"))
        #expect(c1.contains("周鸿祎\\[Zhou Hongyi\\]"))
        #expect(c1.contains("周鸿祎 Zhōu Hóngyī (Zhou Hongyi)"))
        #expect(c1.contains("**dropped-condition** the source says 一旦方向正确"))
        #expect(c1.contains("**range-differs** within two years"))
        let c4 = try #require(footnotes.first { $0.hasPrefix("[^c4]:") })
        #expect(c4.contains("sentence 5: 目前360的大模型研发团队不到150人。"))
        #expect(c4.contains("**number-mismatch** fewer than 200 people"))
        let c5 = try #require(footnotes.first { $0.hasPrefix("[^c5]:") })
        #expect(c5.contains("tsmc-revenue.txt"))
        let c7 = try #require(footnotes.first { $0.hasPrefix("[^c7]:") })
        #expect(c7.hasPrefix("[^c7]: **unsupported**"))
    }

    @Test func aNumbersUnitCharacterIsNotGlossedOnItsOwn() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // As CC-CEDICT glosses them: 月 "moon", 人 "person".
        let units = "en\tzh\tzh-Hant\tpinyin\ttype\ten-variants\tzh-variants\tnote\nmoon\t月\t月\tyuè\tterm\t\t\t\nperson\t人\t人\trén\tterm\t\t\t\n"
        let unitsFile = folder.appendingPathComponent("units.tsv").path
        try Data(units.utf8).write(to: URL(fileURLWithPath: unitsFile))
        let result = try Self.run(["annotate", Self.article, "--source", Self.sources, "--glossary", unitsFile], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2月18日，"))
        #expect(result.stdout.contains("150人。"))
        #expect(!result.stdout.contains("\\[moon\\]"))
        #expect(!result.stdout.contains("\\[person\\]"))
        // Multi-character words are glossed as before.
        #expect(result.stdout.contains("人才\\[talent\\]"))
    }

    @Test func exportReadsBackWithEveryColumn() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("pairs.csv").path
        let result = try Self.run(["export", Self.article, "--source", Self.sources, "-o", output], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let records = try CSV.parse(text).map { $0.map(\.text) }
        #expect(records[0] == ["claim_id", "claim", "source_file", "source_id", "source", "score", "terms", "numbers", "flags"])
        let rows = records.dropFirst()
        #expect(rows.allSatisfy { $0.count == 9 })
        #expect(Set(rows.map { $0[0] }) == Set((1...7).map { "c\($0)" }))
        for row in rows where row[8] != "unsupported" {
            #expect(row[2].hasPrefix(Self.sources + "/"))
            #expect(row[3].allSatisfy { $0.isNumber || $0 == "-" } && !row[3].isEmpty)
            let score = try #require(Double(row[5]))
            #expect(score >= 0.4 && score <= 1)
            #expect(!row[4].isEmpty)
        }
        let c1 = try #require(rows.first { $0[0] == "c1" })
        #expect(c1[1].hasPrefix("Zhou Hongyi, the founder of 360 Group"))
        #expect(!c1[1].contains("[1]"))
        #expect(c1[2] == Self.sources + "/360-interview.txt")
        #expect(c1[3] == "2")
        #expect(c1[4].hasPrefix("2月18日，360集团创始人周鸿祎"))
        #expect(c1[6].components(separatedBy: "; ").contains("Zhou Hongyi=周鸿祎"))
        #expect(c1[7].components(separatedBy: "; ").contains("Feb. 18=2月18日"))
        #expect(c1[8].contains("dropped-condition: "))
        #expect(c1[8].contains("range-differs: "))
        let c3 = try #require(rows.first { $0[0] == "c3" })
        #expect(c3[7].components(separatedBy: "; ").contains("5.6 million dollars=560万美元"))
        let c4 = try #require(rows.first { $0[0] == "c4" })
        #expect(c4[8].hasPrefix("number-mismatch: fewer than 200 people"))
        let c7 = try #require(rows.first { $0[0] == "c7" })
        #expect(c7[1].hasPrefix("Zhou also said that general artificial intelligence"))
        #expect(Array(c7[2...7]) == ["", "", "", "", "", ""])
        #expect(c7[8] == "unsupported")
    }

    @Test func exportNeutralizesFormulasUnlessRaw() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = folder.appendingPathComponent("formula.txt")
        try Data("@Zhou Hongyi said the team has fewer than 200 people.\n".utf8).write(to: article)
        let safe = try Self.run(["export", article.path, "--source", Self.sources], in: folder)
        #expect(safe.status == 0, "\(safe.stderr)")
        #expect(try CSV.parse(safe.stdout)[1][1].text.hasPrefix("'@Zhou"))
        let raw = try Self.run(["export", article.path, "--source", Self.sources, "--raw", "--no-bom"], in: folder)
        #expect(!raw.stdout.hasPrefix("\u{FEFF}"))
        #expect(try CSV.parse(raw.stdout)[1][1].text.hasPrefix("@Zhou"))
    }

    @Test func htmlEscapesEveryPieceOfInput() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = folder.appendingPathComponent("article.html")
        try Data(
            """
            <!DOCTYPE html>
            <html><head><title>AI</title><script>alert("head")</script></head>
            <body><article>
            <h1>AI gap</h1>
            <p>Zhou Hongyi, the founder of 360 Group, said the gap could close within two years <a href="#r1">[1]</a>. \
            Its research team has fewer than 200 people &lt;script&gt;alert(1)&lt;/script&gt;, Zhou said.</p>
            <h2>References</h2>
            <ol><li>360集团创办人:一旦方向正确 中美AI差距一两年就能赶上</li></ol>
            </article></body></html>

            """.utf8
        ).write(to: article)
        let html = try Self.run(["annotate", article.path, "--source", Self.sources, "--format", "html"], in: folder)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.stdout.contains("<script"))
        #expect(html.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.stdout.contains("<ruby>周鸿祎<rt>Zhōu Hóngyī</rt></ruby>"))
        #expect(html.stdout.contains("class=\"claim "))
        #expect(html.stdout.contains("dropped-condition"))
        #expect(html.stdout.contains("name=\"viewport\""))
        // The same article as Markdown footnotes: the claim from HTML linked to its source, the tag escaped.
        let md = try Self.run(["annotate", article.path, "--source", Self.sources], in: folder)
        #expect(md.status == 0)
        #expect(md.stdout.contains("[^c1]: **"))
        #expect(md.stdout.contains("360-interview.txt` sentence 2"))
        #expect(!md.stdout.contains("<script>"))
    }

    @Test func jsonlHasOneClaimPerLineLikeJSON() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try Self.run(["annotate", Self.article, "--source", Self.sources, "--format", "json"], in: folder)
        let jsonl = try Self.run(["annotate", Self.article, "--source", Self.sources, "--format", "jsonl"], in: folder)
        #expect(jsonl.status == 0, "\(jsonl.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let claims = try #require(object["claims"] as? [[String: Any]])
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count == claims.count)
        for (line, claim) in zip(lines, claims) {
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(parsed["id"] as? String == claim["id"] as? String)
            #expect(parsed["supported"] as? Bool == claim["supported"] as? Bool)
            #expect((parsed["links"] as? [Any])?.count == (claim["links"] as? [Any])?.count)
        }
    }

    @Test func jsonHasOffsetsIntoTheInput() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(["annotate", Self.article, "--source", Self.sources, "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let claims = try #require(object["claims"] as? [[String: Any]])
        #expect(claims.count == 7)
        let input = Array(try Data(contentsOf: URL(fileURLWithPath: Self.article)))
        for claim in claims {
            let start = try #require(claim["input_start"] as? Int)
            let end = try #require(claim["input_end"] as? Int)
            let original = String(decoding: input[start..<end], as: UTF8.self)
            let text = try #require(claim["text"] as? String)
            #expect(original.prefix(12) == text.prefix(12))
        }
        let c4 = claims[3]
        let link = try #require((c4["links"] as? [[String: Any]])?.first)
        let flag = try #require((link["discrepancies"] as? [[String: Any]])?.first { $0["kind"] as? String == "number-mismatch" })
        #expect(flag["claim_text"] as? String == "fewer than 200 people")
        #expect(flag["source_text"] as? String == "不到150人")
        #expect(claims[6]["supported"] as? Bool == false)
    }

    @Test func withoutSourcesTheArticlesChineseIsTheSource() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(["export", Self.article], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try CSV.parse(result.stdout).dropFirst().map { $0.map(\.text) }
        let c5 = try #require(rows.first { $0[0] == "c5" })
        #expect(c5[2] == "article#ref-2")
        #expect(c5[4] == "台積電:AI加速器營收將於2027年翻倍")
    }

    @Test func sameInputSameOutput() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Self.run(["annotate", Self.article, "--source", Self.sources, "--format", "json"], in: folder)
        let second = try Self.run(["annotate", Self.article, "--source", Self.sources, "--format", "json"], in: folder)
        #expect(first.stdout == second.stdout)
    }

    @Test func theHTMLSampleGivesTheSameLinksAsTheMarkdownOne() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = Self.root.appendingPathComponent("Samples/article.html").path
        let fromHTML = try Self.run(["export", html, "--source", Self.sources], in: folder)
        let fromMarkdown = try Self.run(["export", Self.article, "--source", Self.sources], in: folder)
        #expect(fromHTML.status == 0, "\(fromHTML.stderr)")
        let htmlRows = try CSV.parse(fromHTML.stdout).map { $0.map(\.text) }
        let markdownRows = try CSV.parse(fromMarkdown.stdout).map { $0.map(\.text) }
        // Same claims, same sources and sentences (the HTML's curly apostrophes aside).
        #expect(htmlRows.map { [$0[0], $0[2], $0[3]] } == markdownRows.map { [$0[0], $0[2], $0[3]] })
        #expect(!fromHTML.stdout.contains("dataLayer"))
        #expect(!fromHTML.stdout.contains("Home | Tech"))
    }

    @Test func aHigherThresholdLeavesMoreClaimsUnsupported() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let strict = try Self.run(["export", Self.article, "--source", Self.sources, "--threshold", "0.999"], in: folder)
        #expect(strict.status == 0)
        let rows = try CSV.parse(strict.stdout).dropFirst().map { $0.map(\.text) }
        #expect(rows.count == 7)
        #expect(rows.allSatisfy { $0[8] == "unsupported" })
        let bad = try Self.run(["export", Self.article, "--threshold", "2"], in: folder)
        #expect(bad.status == 64)
    }

    @Test func missingSourceExits66() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(["annotate", Self.article, "--source", "/nonexistent/source.txt"], in: folder)
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/source.txt"))
    }
}
