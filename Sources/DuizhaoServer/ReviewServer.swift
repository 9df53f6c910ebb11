import DuizhaoEmbedding
import Foundation
import Hummingbird

/// `duizhao serve`: the review application, its settings and what it is built from.
public struct ReviewServer: Sendable {
    /// Where and how the server listens, and what it accepts.
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// The largest request body that starts a review with uploaded files, in bytes.
        public var uploadLimit: Int
        /// The largest body of any other request, in bytes.
        public var requestLimit: Int
        /// The threshold a candidate needs to be suggested.
        public var threshold: Double

        public init(host: String = "127.0.0.1", port: Int = 8080, uploadLimit: Int = 8 << 20, requestLimit: Int = 64 << 10, threshold: Double = 0.4) {
            self.host = host
            self.port = port
            self.uploadLimit = uploadLimit
            self.requestLimit = requestLimit
            self.threshold = threshold
        }

        /// Whether `host` is a loopback address, reachable from this machine only.
        public var isLoopback: Bool { Self.isLoopback(host) }

        static func isLoopback(_ host: String) -> Bool {
            host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
        }
    }

    public let configuration: Configuration
    let services: ReviewServices

    /// - Parameters:
    ///   - workspace: the folder of reviews.
    ///   - glossaries: the glossaries to load (the workspace's own glossary goes first).
    ///   - embedder: the sentence-embedding model, or nil for lexical evidence only.
    ///   - token: the token state-changing requests must carry; random by default.
    public init(
        workspace: Workspace, glossaries: GlossaryConfiguration, embedder: sending (any SentenceEmbedding)?, configuration: Configuration = .init(),
        token: String = ReviewServer.randomToken()
    ) {
        self.configuration = configuration
        services = ReviewServices(
            store: ReviewStore(workspace: workspace), annotator: Annotator(configuration: glossaries, embedder: embedder, workspace: workspace),
            workspace: workspace, token: token, configuration: configuration, assets: StaticAssets.load(), pages: PageCache())
    }

    /// Loads the glossaries now rather than at the first review.
    /// - Throws: `GlossaryError`, `InputError` for a glossary that cannot be read.
    public func loadGlossaries() async throws {
        _ = try await services.annotator.prepare()
    }

    /// 32 random bytes, hexadecimal.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// The router: pages, the review API and the static files.
    func router() -> Router<ReviewRequestContext> {
        let router = Router(context: ReviewRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ServicesMiddleware(services: services))
        router.add(middleware: RequestGuardMiddleware())
        StaticRoutes().addRoutes(to: router.group("static"))
        ReviewRoutes().addRoutes(to: router)
        ClaimActionRoutes().addRoutes(to: router.group("reviews/:review/claims"))
        ExportRoutes().addRoutes(to: router.group("reviews/:review/export"))
        GlossaryRoutes().addRoutes(to: router.group("glossary"))
        return router
    }

    /// The application, listening on the configured host and port.
    /// - Parameter onServerRunning: called with the port once the server listens.
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "duizhao"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) })
    }
}

/// What every route needs: the store, the annotator, the workspace, the token and the settings.
struct ReviewServices: Sendable {
    let store: ReviewStore
    let annotator: Annotator
    let workspace: Workspace
    let token: String
    let configuration: ReviewServer.Configuration
    let assets: StaticAssets
    let pages: PageCache
}

/// The request context: Hummingbird's core storage and the server's services, which
/// `ServicesMiddleware` puts in before any route runs.
struct ReviewRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    private var attachedServices: ReviewServices?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    var services: ReviewServices {
        get throws {
            guard let attachedServices else { throw HTTPError(.internalServerError, message: "the server's services are missing") }
            return attachedServices
        }
    }

    mutating func attach(_ services: ReviewServices) { attachedServices = services }

    /// The limit `collectBody` enforces for routes that do not set their own.
    var maxUploadSize: Int { attachedServices?.configuration.requestLimit ?? 64 << 10 }
}
