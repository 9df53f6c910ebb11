import Foundation
import HTTPTypes
import Hummingbird

/// A refusal with its status and a message for the person at the browser, sent as plain text.
struct ServerError: HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String
    /// For a stale write: the review's version, so that a script can read it without parsing the message.
    var currentVersion: Int?
    static let versionHeader = HTTPField.Name("X-Duizhao-Version")!

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    init(_ error: WorkspaceError) {
        self.init(HTTPResponse.Status(code: error.status.rawValue), error.message)
        currentVersion = error.currentVersion
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        if let currentVersion { headers[Self.versionHeader] = String(currentVersion) }
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}

/// Every response, refusals too, says that the page may run only the server's own script and
/// load only its own files, and may not be framed or sniffed as another type.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = ReviewRequestContext
    static let contentSecurityPolicy = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as WorkspaceError {
            response = try ServerError(error).response(from: request, context: context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// Puts the server's services into each request's context.
struct ServicesMiddleware: RouterMiddleware {
    typealias Context = ReviewRequestContext
    let services: ReviewServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.attach(services)
        return try await next(request, context)
    }
}

/// Refuses what a page of this server would never send: a request naming another host (a
/// DNS rebinding attack on a loopback server), a body over the limit, and a state-changing
/// request without the server's token, from another origin, or with a body that is not JSON.
struct RequestGuardMiddleware: RouterMiddleware {
    typealias Context = ReviewRequestContext
    static let tokenHeader = HTTPField.Name("X-Duizhao-Token")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let services = try context.services
        if services.configuration.isLoopback, let host = request.head.authority, !Self.isLoopbackAuthority(host) {
            throw ServerError(.forbidden, "this server answers to localhost only, not to \(host)")
        }
        let isReviewUpload = request.method == .post && request.uri.path == "/reviews"
        let limit = isReviewUpload ? services.configuration.uploadLimit : services.configuration.requestLimit
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw ServerError(.contentTooLarge, "the request has \(length) bytes; this server takes at most \(limit) bytes here")
        }
        if request.method != .get && request.method != .head {
            guard let token = request.headers[Self.tokenHeader], Self.constantTimeEqual(token, services.token) else {
                throw ServerError(.forbidden, "this request lacks the page's token (X-Duizhao-Token); reload the page and try again")
            }
            if let origin = request.headers[.origin], let host = request.head.authority, origin != "http://\(host)" {
                throw ServerError(.forbidden, "a request from \(origin) is refused; only this server's own pages may change a review")
            }
            let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
            guard type == "application/json" else {
                throw ServerError(.unsupportedMediaType, "the request must be sent as application/json, not \(type ?? "no Content-Type")")
            }
        }
        return try await next(request, context)
    }

    /// `localhost`, `127.x.x.x` or `[::1]`, with or without a port.
    static func isLoopbackAuthority(_ authority: String) -> Bool {
        var host = authority
        if host.hasPrefix("[") {
            host = String(host.dropFirst().prefix { $0 != "]" })
        } else if let colon = host.lastIndex(of: ":") {
            host = String(host[..<colon])
        }
        return ReviewServer.Configuration.isLoopback(host.lowercased())
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    /// The body decoded as JSON of type `T`, up to `limit` bytes.
    /// - Throws: 413 past the limit, 400 with the decoder's reason for JSON that does not fit.
    func decodeJSON<T: Decodable>(_ type: T.Type, limit: Int) async throws -> T {
        var request = self
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw ServerError(.contentTooLarge, "the request is over the \(limit) bytes this server takes here")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(body.readableBytesView))
        } catch let DecodingError.keyNotFound(key, _) {
            throw ServerError(.badRequest, "the request lacks \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ServerError(.badRequest, "the request's \(context.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type")
        } catch {
            throw ServerError(.badRequest, "the request is not valid JSON: \(error.localizedDescription)")
        }
    }
}

extension Response {
    /// A response of `body` with its content type.
    static func text(_ body: String, type: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// `value` as JSON.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return .text(String(decoding: try encoder.encode(value), as: UTF8.self), type: "application/json; charset=utf-8", status: status)
    }
}
