import DuizhaoGlossary
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

@testable import DuizhaoServer

/// A workspace in a temporary folder with the samples' article and sources, and a server over it
/// with the shipped glossaries only (no dictionary, no model) and a known token.
struct ServerFixture {
    static let token = "test-token-0123456789"
    let root: URL

    /// The package's folder, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A new workspace holding `Samples/article.md` and `Samples/sources/`.
    init(_ name: String = #function) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sources"), withIntermediateDirectories: true)
        let samples = Self.packageRoot.appendingPathComponent("Samples")
        try FileManager.default.copyItem(at: samples.appendingPathComponent("article.md"), to: root.appendingPathComponent("article.md"))
        for name in ["360-interview.txt", "tsmc-revenue.txt"] {
            try FileManager.default.copyItem(
                at: samples.appendingPathComponent("sources/" + name), to: root.appendingPathComponent("sources/" + name))
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func write(_ text: String, to relative: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A server over the workspace: a new one for every call, as after a restart.
    func application(configuration: ReviewServer.Configuration = .init(port: 0)) throws -> some ApplicationProtocol {
        let glossaries = GlossaryConfiguration(
            sources: GlossaryLoader.shippedFiles().map { GlossarySource(path: $0, layer: .shipped, name: URL(fileURLWithPath: $0).lastPathComponent) })
        let server = ReviewServer(
            workspace: try Workspace(path: root.path), glossaries: glossaries, embedder: nil, configuration: configuration, token: Self.token)
        return server.application()
    }

    /// Headers of a request the review page's script sends.
    static func jsonHeaders(token: String? = ServerFixture.token) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let token { headers[HTTPField.Name("X-Duizhao-Token")!] = token }
        return headers
    }

    static func body(_ json: String) -> ByteBuffer { ByteBuffer(string: json) }
}

extension TestResponse {
    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }
}

extension TestClientProtocol {
    /// Starts a review of the workspace's article and sources; its id.
    func startReview(article: String = "article.md", sources: [String] = ["sources"]) async throws -> String {
        let list = sources.map { "\"\($0)\"" }.joined(separator: ",")
        return try await execute(
            uri: "/reviews", method: .post, headers: ServerFixture.jsonHeaders(),
            body: ServerFixture.body("{\"article\":\"\(article)\",\"sources\":[\(list)]}")
        ) { response in
            guard response.status == .created else { throw FixtureError(message: "\(response.status): \(response.text)") }
            return try response.json()["id"] as? String ?? ""
        }
    }

    /// Sends an action; the response.
    func act(_ review: String, claim: String, _ json: String, token: String? = ServerFixture.token) async throws -> TestResponse {
        try await execute(
            uri: "/reviews/\(review)/claims/\(claim)/actions", method: .post, headers: ServerFixture.jsonHeaders(token: token),
            body: ServerFixture.body(json))
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
