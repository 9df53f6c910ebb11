import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DuizhaoServer

/// Each refusal the server makes: paths out of the workspace, missing tokens, wrong types,
/// bodies over the limit, foreign origins and hosts; and input text kept as text.
@Suite struct SecurityTests {
    /// Starts a review naming `article` and `sources`; the response.
    func start(_ client: some TestClientProtocol, article: String, sources: [String] = []) async throws -> TestResponse {
        let body = try JSONSerialization.data(withJSONObject: ["article": article, "sources": sources])
        return try await client.execute(uri: "/reviews", method: .post, headers: ServerFixture.jsonHeaders(), body: ByteBuffer(bytes: Array(body)))
    }

    @Test(arguments: [
        ("../article.md", "'..' is not allowed"),
        ("sources/../../etc/passwd", "'..' is not allowed"),
        ("/etc/passwd", "only paths relative to the workspace"),
        ("~/notes.md", "only paths relative to the workspace"),
    ])
    func pathsOutOfTheWorkspaceAreRefused(path: String, message: String) async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let response = try await start(client, article: path)
            #expect(response.status == .forbidden)
            #expect(response.text.contains(message))
            let asSource = try await start(client, article: "article.md", sources: [path])
            #expect(asSource.status == .forbidden)
        }
    }

    @Test func symbolicLinksOutOfTheWorkspaceAreRefused() async throws {
        let fixture = try ServerFixture()
        let outside = try ServerFixture()
        defer {
            fixture.remove()
            outside.remove()
        }
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("linked.md").path, withDestinationPath: outside.root.appendingPathComponent("article.md").path)
        try FileManager.default.createSymbolicLink(atPath: fixture.root.appendingPathComponent("out").path, withDestinationPath: outside.root.path)
        // A link that stays inside is fine.
        try FileManager.default.createSymbolicLink(atPath: fixture.root.appendingPathComponent("inside.md").path, withDestinationPath: "article.md")
        try await fixture.application().test(.router) { client in
            for path in ["linked.md", "out/article.md"] {
                let response = try await start(client, article: path)
                #expect(response.status == .forbidden)
                #expect(response.text.contains("a symbolic link leading out of the workspace"))
            }
            let folder = try await start(client, article: "article.md", sources: ["out"])
            #expect(folder.status == .forbidden)
            #expect(try await start(client, article: "inside.md").status == .created)
            // Links out are not offered either.
            try await client.execute(uri: "/", method: .get) { response in
                #expect(!response.text.contains("linked.md"))
                #expect(response.text.contains("inside.md"))
            }
        }
    }

    @Test func aMissingFileAndAFolderAsArticleAreRefused() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let missing = try await start(client, article: "nothing.md")
            #expect(missing.status == .notFound)
            #expect(missing.text == "nothing.md: no such file in the workspace\n")
            #expect(try await start(client, article: "sources").status == .badRequest)
        }
    }

    @Test func stateChangingRequestsNeedTheTokenAndJSON() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let id = try await client.startReview()
            let missing = try await client.act(id, claim: "c1", #"{"action":"accept","version":0}"#, token: nil)
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("lacks the page's token"))
            let wrong = try await client.act(id, claim: "c1", #"{"action":"accept","version":0}"#, token: "guessed")
            #expect(wrong.status == .forbidden)
            // A form post, as another site's page could send, is refused for its type.
            var form = ServerFixture.jsonHeaders()
            form[.contentType] = "application/x-www-form-urlencoded"
            let posted = try await client.execute(
                uri: "/reviews/\(id)/claims/c1/actions", method: .post, headers: form, body: ServerFixture.body("action=accept&version=0"))
            #expect(posted.status == .unsupportedMediaType)
            #expect(posted.text.contains("must be sent as application/json, not application/x-www-form-urlencoded"))
            var text = ServerFixture.jsonHeaders()
            text[.contentType] = "text/plain"
            let plain = try await client.execute(uri: "/glossary/terms", method: .post, headers: text, body: ServerFixture.body("{}"))
            #expect(plain.status == .unsupportedMediaType)
            // From another origin, even with the token.
            var foreign = ServerFixture.jsonHeaders()
            foreign[.origin] = "http://evil.example"
            let crossSite = try await client.execute(
                uri: "/reviews/\(id)/claims/c1/actions", method: .post, headers: foreign, body: ServerFixture.body(#"{"action":"accept","version":0}"#))
            #expect(crossSite.status == .forbidden)
            #expect(crossSite.text.contains("http://evil.example is refused"))
            // None of them changed the review.
            let review = try JSONDecoder().decode(Review.self, from: Data(contentsOf: fixture.root.appendingPathComponent("reviews/\(id).json")))
            #expect(review.version == 0)
        }
    }

    @Test func requestsOverTheLimitGet413() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let configuration = ReviewServer.Configuration(port: 0, uploadLimit: 4_000, requestLimit: 200)
        try await fixture.application(configuration: configuration).test(.router) { client in
            let id = try await client.startReview()
            let note = String(repeating: "x", count: 300)
            let large = try await client.act(id, claim: "c1", #"{"action":"note","note":"\#(note)","version":0}"#)
            #expect(large.status == .contentTooLarge)
            #expect(large.text.contains("at most 200 bytes"))
            let upload = #"{"upload":{"article":{"name":"a.md","text":"\#(String(repeating: "y", count: 5_000))"},"sources":[]}}"#
            let uploaded = try await client.execute(uri: "/reviews", method: .post, headers: ServerFixture.jsonHeaders(), body: ServerFixture.body(upload))
            #expect(uploaded.status == .contentTooLarge)
            #expect(uploaded.text.contains("at most 4000 bytes"))
        }
    }

    @Test func aWorkspaceFileOverTheLimitGets413() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let path = fixture.root.appendingPathComponent("huge.txt").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(Workspace.fileLimit + 1))
        try handle.close()
        try await fixture.application().test(.router) { client in
            let response = try await start(client, article: "huge.txt")
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("over the 32 MB a file may have"))
        }
    }

    @Test func aLoopbackServerAnswersToLoopbackNamesOnly() async throws {
        #expect(RequestGuardMiddleware.isLoopbackAuthority("127.0.0.1:8080"))
        #expect(RequestGuardMiddleware.isLoopbackAuthority("localhost:8080"))
        #expect(RequestGuardMiddleware.isLoopbackAuthority("[::1]:8080"))
        #expect(!RequestGuardMiddleware.isLoopbackAuthority("evil.example:8080"))
        #expect(!RequestGuardMiddleware.isLoopbackAuthority("192.168.1.2"))
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.live) { client in
            let port = try #require(client.port)
            // A page of evil.example whose name was made to point at 127.0.0.1 (DNS rebinding).
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/")!)
            request.setValue("evil.example:\(port)", forHTTPHeaderField: "Host")
            let (data, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 403)
            #expect(String(decoding: data, as: UTF8.self).contains("answers to localhost only, not to evil.example"))
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func unknownReviewsClaimsAndFilesAreNotFound() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let id = try await client.startReview()
            for uri in ["/reviews/none-1", "/reviews/..%2Fglossary", "/reviews/\(id)/export/xml", "/static/../Package.swift", "/static/app.js"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
            let noClaim = try await client.act(id, claim: "c99", #"{"action":"accept","version":0}"#)
            #expect(noClaim.status == .notFound)
            let badCandidate = try await client.act(id, claim: "c1", #"{"action":"pick","candidate":9,"version":0}"#)
            #expect(badCandidate.status == .unprocessableContent)
            let badAction = try await client.act(id, claim: "c1", #"{"action":"delete","version":0}"#)
            #expect(badAction.status == .badRequest)
            let longNote = try await client.act(id, claim: "c1", #"{"action":"note","note":"\#(String(repeating: "n", count: 4_001))","version":0}"#)
            #expect(longNote.status == .unprocessableContent)
        }
    }

    @Test(arguments: [
        (#"{"english":"","chinese":"词"}"#, "needs both"),
        (#"{"english":"word","chinese":"word"}"#, "has no Chinese characters"),
        (#"{"english":"a\tb","chinese":"词"}"#, "one line without tabs"),
        (#"{"english":"词语","chinese":"词"}"#, "holds Chinese characters"),
    ])
    func malformedTermsAreRefused(body: String, message: String) async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/glossary/terms", method: .post, headers: ServerFixture.jsonHeaders(), body: ServerFixture.body(body))
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains(message))
            #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("glossary.tsv").path))
        }
    }

    @Test func everyResponseCarriesTheContentSecurityPolicy() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let id = try await client.startReview()
            for uri in ["/", "/reviews/\(id)", "/static/review.js", "/reviews/nothing-1", "/reviews/\(id)/export/csv"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self';") == true, "\(uri)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                }
            }
            let refused = try await client.act(id, claim: "c1", #"{"action":"accept","version":0}"#, token: nil)
            #expect(refused.headers[.contentSecurityPolicy] != nil)
        }
    }

    @Test func scriptInTheArticleSourcesNotesAndGlossaryStaysText() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try fixture.write(
            "Zhou Hongyi said <script>alert('article')</script> that the gap of 360 Group would close in two years [1].\n\n## References\n\n1. interview.txt\n",
            to: "hostile.txt")
        try fixture.write("周鸿祎说<script>alert('source')</script>，中美AI差距一两年就能赶上。\n", to: "hostile/interview.txt")
        try await fixture.application().test(.router) { client in
            let id = try await client.startReview(article: "hostile.txt", sources: ["hostile"])
            _ = try await client.act(id, claim: "c1", #"{"action":"note","note":"<script>alert('note')</script>","version":0}"#)
            let term = try await client.execute(
                uri: "/glossary/terms", method: .post, headers: ServerFixture.jsonHeaders(),
                body: ServerFixture.body(#"{"english":"<script>alert('term')</script>","chinese":"脚本<img src=x>"}"#))
            #expect(term.status == .created)
            for uri in ["/reviews/\(id)", "/"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let page = response.text
                    // The page's own script is the only element of its kind.
                    #expect(page.components(separatedBy: "<script").count == 2, "\(uri)")
                    #expect(!page.contains("<img"))
                }
            }
            try await client.execute(uri: "/reviews/\(id)", method: .get) { response in
                for origin in ["article", "source", "note"] {
                    #expect(response.text.contains("&lt;script&gt;alert(&#39;\(origin)&#39;)&lt;/script&gt;"), "\(origin)")
                }
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.text.contains("&lt;script&gt;alert(&#39;term&#39;)&lt;/script&gt;"))
                #expect(response.text.contains("脚本&lt;img src=x&gt;"))
            }
        }
    }
}
