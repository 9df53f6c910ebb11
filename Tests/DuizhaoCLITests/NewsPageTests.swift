import Foundation
import Testing

/// `duizhao annotate` on news pages saved from a browser (`Fixtures/news`): as text and as HTML,
/// with a menu, a byline, an indented reference list without heading, a comment form, a
/// newsletter box, recent posts, placeholder text and a copyright line; and a second page
/// written differently (cookie notice, a reference heading, bullets, share and tag lines).
@Suite struct NewsPageTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/news")
    static let sources = fixtures.appendingPathComponent("sources").path

    static let opinionBody = [
        "OpenAI's Sora stunned the industry last month, and Chinese technology executives were quick to respond.",
        "Zhou Hongyi's assertion that domestic companies can catch up to SORA within two years has been repeated widely on Chinese social media.",
        "The optimism deserves a closer look.",
        "According to a report in 36Kr, the team has fewer than 200 employees.",
        "That is a small group for a model of this kind, and it competes for engineers with larger rivals.",
        "Zhou argued that the gap in large models is mainly one of computing power rather than of talent.",
        "Investors appear to agree: the company plans to spend 5.6 million dollars on a new training cluster this year.",
        "Still, a two-year horizon leaves little room for error, and few analysts share his confidence.",
    ]

    /// The JSON report of `annotate` on a fixture.
    static func report(_ name: String, _ extra: [String] = []) throws -> [String: Any] {
        let folder = try AnnotateCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = fixtures.appendingPathComponent(name).path
        let result = try AnnotateCommandTests.run(["annotate", path, "--format", "json"] + extra, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func claims(_ report: [String: Any]) -> [[String: Any]] { report["claims"] as? [[String: Any]] ?? [] }

    /// The skipped blocks as (text, reason).
    static func skipped(_ report: [String: Any]) -> [(text: String, reason: String)] {
        (report["skipped"] as? [[String: Any]] ?? []).map { ($0["text"] as? String ?? "", $0["reason"] as? String ?? "") }
    }

    @Test(arguments: ["opinion-page.txt", "opinion-page.html"])
    func everyBodySentenceAndNoBoilerplateIsAClaim(page: String) throws {
        let report = try Self.report(page, ["--source", Self.sources])
        let texts = Self.claims(report).map { ($0["text"] as? String ?? "").replacingOccurrences(of: "’", with: "'") }
        #expect(texts == Self.opinionBody)
        let skipped = Self.skipped(report)
        for line in [
            "Leave a Reply", "Subscribe to our newsletter", "Most Recent Posts", "Click here for more from The Pacific Ledger",
            "© 2024 Make by The Pacific Ledger",
        ] {
            #expect(skipped.contains { $0.text == line && $0.reason == "boilerplate" }, "\(line)")
        }
        #expect(skipped.contains { $0.text.hasPrefix("Lorem Ipsum is simply") && $0.reason == "boilerplate" })
        #expect(skipped.contains { $0.text == "What the numbers say" && $0.reason == "heading" })
        #expect(skipped.contains { $0.text == "Can China Catch Up With Sora?" && $0.reason == "heading" })
        #expect(skipped.filter { $0.reason == "reference" }.map(\.text) == ["360集团创办人:一旦方向正确 中美AI差距一两年就能赶上"])
        // The one reference is one source: the title whole, not its Han runs.
        let sources = try #require(report["sources"] as? [[String: Any]])
        let reference = try #require(sources.first { $0["file"] as? String == "article#ref-1" })
        let sentences = (reference["sentences"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(sentences == ["360集团创办人:一旦方向正确 中美AI差距一两年就能赶上"])
    }

    /// "fewer than 200 employees" against 不到150人, not the 36 of 36氪.
    @Test func theNumberOfANameIsNotCompared() throws {
        let report = try Self.report("opinion-page.txt", ["--source", Self.sources])
        let claim = try #require(Self.claims(report).first { ($0["text"] as? String)?.contains("36Kr") == true })
        let flags = claim["flags"] as? [String] ?? []
        #expect(flags == ["number-mismatch: fewer than 200 employees (< 200 person) vs 不到150人 (< 150 person)"])
    }

    @Test func withoutSourcesTheTitleIsTheSource() throws {
        let report = try Self.report("opinion-page.txt")
        let sources = try #require(report["sources"] as? [[String: Any]])
        #expect(sources.compactMap { $0["file"] as? String } == ["article#ref-1"])
        let claim = try #require(Self.claims(report).first { ($0["text"] as? String)?.hasPrefix("Zhou Hongyi's assertion") == true })
        let link = try #require((claim["links"] as? [[String: Any]])?.first ?? claim["best_candidate"] as? [String: Any])
        #expect(link["source_file"] as? String == "article#ref-1")
        let kinds = (link["discrepancies"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(kinds.contains("dropped-condition") && kinds.contains("range-differs"))
    }

    /// A page written differently from the one the rules were tuned on.
    @Test func aSecondPage() throws {
        let report = try Self.report("briefing-page.txt", ["--source", Self.sources])
        #expect(Self.claims(report).compactMap { $0["text"] as? String } == [
            "Li Yanhong, the chief executive of Baidu, said on Tuesday that the company's Ernie 4.0 model now matches GPT-4 on most Chinese-language tasks.",
            "He added that Baidu had stockpiled enough A100 chips to train its models for the next two years.",
            "Ernie has more than 300 million users, according to the company.",
            "Baidu spent 12 billion yuan on research last year.",
            "None of these figures could be checked independently.",
            "The G7 has discussed limits on exports of advanced chips since 2023, and 3M has no part in the matter.",
        ])
        let skipped = Self.skipped(report)
        #expect(skipped.filter { $0.reason == "reference" }.map(\.text) == ["百度CEO李彦宏：文心大模型4.0综合水平与GPT-4相比毫不逊色"])
        for start in ["This website uses cookies", "Share this article", "Read more at", "Sign up for our daily briefing", "Copyright 2025"] {
            #expect(skipped.contains { $0.text.hasPrefix(start) && $0.reason == "boilerplate" }, "\(start)")
        }
        // The reference names the source file by its title.
        let references = try #require(report["references"] as? [[String: Any]])
        #expect(references.compactMap { $0["source_file"] as? String }.map { URL(fileURLWithPath: $0).lastPathComponent } == ["baidu-briefing.txt"])
        // Names with digits (GPT-4, A100, G7, 3M) are no quantities.
        for claim in Self.claims(report) {
            #expect(!(claim["flags"] as? [String] ?? []).contains { $0.hasPrefix("number-only-in-claim") }, "\(claim["text"] ?? "")")
        }
    }

    @Test func allSentencesChecksTheBoilerplateToo() throws {
        let report = try Self.report("opinion-page.txt", ["--source", Self.sources, "--all-sentences"])
        let texts = Self.claims(report).compactMap { $0["text"] as? String }
        #expect(texts.count > Self.opinionBody.count)
        #expect(texts.contains { $0.hasPrefix("Lorem Ipsum") })
        #expect(Self.skipped(report).map(\.reason) == ["reference"])
    }
}
