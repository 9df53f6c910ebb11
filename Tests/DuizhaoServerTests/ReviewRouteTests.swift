import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DuizhaoServer

/// Each route of the review server, over a workspace with the samples.
@Suite struct ReviewRouteTests {
    @Test func indexListsTheWorkspaceFilesAndReviews() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("<option value=\"article.md\">"))
                #expect(response.text.contains("<option value=\"sources/360-interview.txt\">"))
                #expect(response.text.contains("No review yet."))
            }
            let id = try await client.startReview()
            #expect(id == "article-1")
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.text.contains("<a href=\"/reviews/article-1\">article.md</a>"))
                #expect(response.text.contains("0 of 7 claims reviewed"))
            }
        }
    }

    @Test func aReviewShowsClaimsCandidatesWithPinyinAndTheActions() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let id = try await client.startReview()
            try await client.execute(uri: "/reviews/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(page.contains("data-review=\"article-1\" data-version=\"0\""))
                #expect(page.contains("<meta name=\"duizhao-token\" content=\"\(ServerFixture.token)\">"))
                #expect(page.contains("<script src=\"/static/review.js\" defer></script>"))
                // Seven claims, each with its panel; 周鸿祎 with its pinyin as ruby.
                #expect(page.components(separatedBy: "class=\"claim-panel").count - 1 == 7)
                #expect(page.contains("<ruby>周鸿祎<rt>Zhōu Hóngyī</rt></ruby>"))
                #expect(page.contains("data-action=\"accept\""))
                #expect(page.contains("data-action=\"pick\" data-candidate=\"1\""))
                #expect(page.contains("number-mismatch"))
                #expect(page.contains("id=\"term-form\""))
            }
            // A second review of the same article gets its own id.
            #expect(try await client.startReview() == "article-2")
        }
    }

    @Test func reviewsStartedTogetherGetFilesOfTheirOwn() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<3 { group.addTask { try await client.startReview() } }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(ids == ["article-1", "article-2", "article-3"])
            let files = try FileManager.default.contentsOfDirectory(atPath: fixture.root.appendingPathComponent("reviews").path)
            #expect(files.sorted() == ["article-1.json", "article-2.json", "article-3.json"])
        }
    }

    @Test func everyActionIsSavedWithItsVersion() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let id = try await client.startReview()
            // c1 is supported (its score, near 0.75, decides mid or high); accepting keeps that.
            var engine = ""
            try await client.execute(uri: "/reviews/\(id)", method: .get) { response in
                engine = ["engine-mid", "engine-high"].first { response.text.contains("class=\"claim state-pending \($0)\" id=\"claim-c1\"") } ?? ""
            }
            #expect(!engine.isEmpty)
            var response = try await client.act(id, claim: "c1", #"{"action":"accept","version":0}"#)
            #expect(response.status == .ok)
            // The page drawn again for the new version.
            try await client.execute(uri: "/reviews/\(id)", method: .get) { response in
                #expect(response.text.contains("class=\"claim state-accepted \(engine)\" id=\"claim-c1\""))
                #expect(response.text.contains("data-version=\"1\""))
            }
            var json = try response.json()
            #expect(json["version"] as? Int == 1)
            #expect(json["state"] as? String == "accepted")
            #expect(json["candidate"] as? Int == 0)
            response = try await client.act(id, claim: "c2", #"{"action":"reject","version":1}"#)
            #expect(try response.json()["state"] as? String == "rejected")
            response = try await client.act(id, claim: "c3", #"{"action":"pick","candidate":1,"version":2}"#)
            json = try response.json()
            #expect(json["state"] as? String == "changed")
            #expect(json["candidate"] as? Int == 1)
            response = try await client.act(id, claim: "c7", #"{"action":"unsupported","version":3}"#)
            #expect(try response.json()["state"] as? String == "unsupported")
            response = try await client.act(id, claim: "c7", #"{"action":"note","note":"No source gives 2030.","version":4}"#)
            json = try response.json()
            #expect(json["note"] as? String == "No source gives 2030.")
            #expect(json["state"] as? String == "unsupported")
            #expect((json["counts"] as? [String: Int])?["pending"] == 3)

            // The file in the workspace holds the state and every action.
            let data = try Data(contentsOf: fixture.root.appendingPathComponent("reviews/\(id).json"))
            let review = try JSONDecoder().decode(Review.self, from: data)
            #expect(review.version == 5)
            #expect(review.actions.map(\.kind) == [.accept, .reject, .pick, .unsupported, .note])
            #expect(review.actions.map(\.version) == [1, 2, 3, 4, 5])
            #expect(review.claims.map(\.decision.state) == [.accepted, .rejected, .changed, .pending, .pending, .pending, .unsupported])
        }
    }

    @Test func aStaleVersionIsRefusedWithAClearMessage() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let id = try await client.startReview()
            // Two tabs read version 0; the first one's action wins, the second is told to reload.
            #expect(try await client.act(id, claim: "c1", #"{"action":"accept","version":0}"#).status == .ok)
            let stale = try await client.act(id, claim: "c2", #"{"action":"reject","version":0}"#)
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("you have version 0, the workspace has 1"))
            #expect(stale.text.contains("reload the page"))
            #expect(stale.headers[HTTPField.Name("X-Duizhao-Version")!] == "1")
            // Nothing of the stale write reached the review.
            try await client.execute(uri: "/reviews/\(id)/export/json", method: .get) { response in
                let pairs = try response.json()["pairs"] as? [[String: String]] ?? []
                #expect(pairs.map { $0["review"] ?? "?" } == ["accepted", "", "", "", "", "", ""])
            }
        }
    }

    @Test func aRestartedServerShowsTheSameReview() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let id = try await fixture.application().test(.router) { client in
            let id = try await client.startReview()
            _ = try await client.act(id, claim: "c1", #"{"action":"accept","version":0}"#)
            _ = try await client.act(id, claim: "c2", #"{"action":"note","note":"check the date","version":1}"#)
            return id
        }
        // A new application over the same workspace, as after a restart.
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/reviews/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("data-version=\"2\""))
                #expect(response.text.contains("class=\"claim state-accepted"))
                #expect(response.text.contains(">check the date</textarea>"))
            }
            let next = try await client.act(id, claim: "c3", #"{"action":"reject","version":2}"#)
            #expect(try next.json()["version"] as? Int == 3)
        }
    }

    @Test func exportWritesExportsColumnsWithTheReviewAndTheNote() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let id = try await client.startReview()
            _ = try await client.act(id, claim: "c1", #"{"action":"accept","version":0}"#)
            _ = try await client.act(id, claim: "c2", #"{"action":"reject","version":1}"#)
            _ = try await client.act(id, claim: "c7", #"{"action":"unsupported","version":2}"#)
            _ = try await client.act(id, claim: "c7", #"{"action":"note","note":"=SUM(A1)","version":3}"#)
            try await client.execute(uri: "/reviews/\(id)/export/csv?bom=0", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"article-1-pairs.csv\"")
                let lines = response.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(lines.first == "claim_id,claim,source_file,source_id,source,score,terms,numbers,flags,review,note")
                #expect(lines.count == 8)
                #expect(lines[1].hasPrefix("c1,"))
                #expect(lines[1].contains("sources/360-interview.txt"))
                #expect(lines[1].hasSuffix(",accepted,"))
                #expect(lines[2].hasSuffix(",rejected,"))
                // A formula in a note is neutralized, as export does.
                #expect(lines[7].hasSuffix(",,,,,,,unsupported,unsupported,'=SUM(A1)"))
            }
            try await client.execute(uri: "/reviews/\(id)/export/csv", method: .get) { response in
                #expect(response.text.hasPrefix("\u{FEFF}claim_id"))
            }
            try await client.execute(uri: "/reviews/\(id)/export/json", method: .get) { response in
                #expect(response.status == .ok)
                let json = try response.json()
                #expect(json["review"] as? String == id)
                #expect(json["version"] as? Int == 4)
                let pairs = json["pairs"] as? [[String: String]] ?? []
                #expect(pairs.count == 7)
                #expect(pairs[0]["source_file"] == "sources/360-interview.txt")
                #expect(pairs[6]["note"] == "=SUM(A1)")
            }
        }
    }

    @Test func anAddedTermIsUsedByTheNextAnnotation() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try fixture.write("Zorblax Systems will open a plant in Hefei next year, its chief said.\n", to: "zorblax.md")
        try fixture.write("佐布拉克斯公司首席执行官表示，公司明年将在合肥开设工厂。\n", to: "zh/zorblax.txt")
        try await fixture.application().test(.router) { client in
            let before = try await client.startReview(article: "zorblax.md", sources: ["zh"])
            let response = try await client.execute(
                uri: "/glossary/terms", method: .post, headers: ServerFixture.jsonHeaders(),
                body: ServerFixture.body(#"{"english":"Zorblax Systems","chinese":"佐布拉克斯公司","note":"added in review"}"#))
            #expect(response.status == .created)
            #expect(try response.json()["terms"] as? Int == 1)
            let glossary = try String(contentsOf: fixture.root.appendingPathComponent("glossary.tsv"), encoding: .utf8)
            #expect(glossary.hasSuffix("en\tzh\tnote\nZorblax Systems\t佐布拉克斯公司\tadded in review\n"))
            try await client.execute(uri: "/glossary/terms", method: .get) { response in
                #expect(response.text == #"[{"chinese":"佐布拉克斯公司","english":"Zorblax Systems","note":"added in review"}]"#)
            }
            let after = try await client.startReview(article: "zorblax.md", sources: ["zh"])
            let store = fixture.root.appendingPathComponent("reviews")
            let old = try JSONDecoder().decode(Review.self, from: Data(contentsOf: store.appendingPathComponent("\(before).json")))
            let new = try JSONDecoder().decode(Review.self, from: Data(contentsOf: store.appendingPathComponent("\(after).json")))
            #expect(!old.claims[0].marks.contains { $0.term == "佐布拉克斯公司" })
            #expect(new.claims[0].marks.contains { $0.term == "佐布拉克斯公司" })
            #expect(new.claims[0].candidates.first?.terms.contains("Zorblax Systems=佐布拉克斯公司") == true)
        }
    }

    @Test func uploadedFilesAreKeptInTheWorkspaceAndReviewed() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let article = try String(contentsOf: fixture.root.appendingPathComponent("article.md"), encoding: .utf8)
        let source = try String(contentsOf: fixture.root.appendingPathComponent("sources/360-interview.txt"), encoding: .utf8)
        let body = try JSONSerialization.data(withJSONObject: [
            "upload": ["article": ["name": "../../my article.md", "text": article], "sources": [["name": "interview.txt", "text": source]]]
        ])
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/reviews", method: .post, headers: ServerFixture.jsonHeaders(), body: ByteBuffer(bytes: Array(body)))
            #expect(response.status == .created)
            #expect(try response.json()["id"] as? String == "my-article-1")
            #expect(FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("uploads/my-article-1/my_article.md").path))
            #expect(FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("uploads/my-article-1/sources/interview.txt").path))
            try await client.execute(uri: "/reviews/my-article-1", method: .get) { response in
                #expect(response.text.contains("uploads/my-article-1/sources/interview.txt · "))
            }
        }
    }

    @Test func theScriptAndStyleSheetAreServedFromThePackage() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/static/review.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(response.text.contains("X-Duizhao-Token"))
            }
            try await client.execute(uri: "/static/review.css", method: .get) { response in
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            }
        }
    }
}
