import DuizhaoAlign
import Foundation
import Hummingbird

/// The workspace's page, and the reviews: start one, show one.
struct ReviewRoutes {
    /// A review of files in the workspace, or of uploaded files.
    struct NewReview: Decodable {
        /// The article's path, relative to the workspace.
        var article: String?
        /// Source files or folders, relative to the workspace.
        var sources: [String]?
        var upload: Upload?
    }

    /// Files sent with the request, kept in `uploads/ID/` of the workspace.
    struct Upload: Decodable {
        var article: UploadedFile
        var sources: [UploadedFile]
    }

    struct UploadedFile: Decodable {
        var name: String
        var text: String
    }

    struct Created: Encodable {
        var id: String
        var url: String
        var claims: Int
    }

    func addRoutes(to router: Router<ReviewRequestContext>) {
        router.get("/") { _, context -> Response in
            let services = try context.services
            let reviews = await services.store.list()
            let html = IndexPage(
                reviews: reviews, files: services.workspace.documentFiles(), token: services.token,
                terms: await services.store.terms()
            ).render()
            return .text(html, type: "text/html; charset=utf-8")
        }
        // Browsers ask for it on every page; no icon, and no 404 in their console.
        router.get("favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("reviews/:review") { _, context -> Response in
            let services = try context.services
            let review = try await services.store.review(try Self.reviewID(context))
            let page = services.pages.page(for: review) { ReviewPage(review: review, token: services.token).render() }
            var headers = HTTPFields()
            headers[.contentType] = "text/html; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: page))
        }
        router.post("reviews") { request, context -> Response in
            let services = try context.services
            let body = try await request.decodeJSON(NewReview.self, limit: services.configuration.uploadLimit)
            let review = try await Self.create(body, services: services)
            return try .json(Created(id: review.id, url: "/reviews/\(review.id)", claims: review.claims.count), status: .created)
        }
    }

    /// The `:review` parameter, checked to be an id (and so a file name inside `reviews/`).
    static func reviewID(_ context: ReviewRequestContext) throws -> String {
        let id = context.parameters.get("review") ?? ""
        guard ReviewStore.isValidID(id) else { throw ServerError(.notFound, "no review \(id)") }
        return id
    }

    static func create(_ body: NewReview, services: ReviewServices) async throws -> Review {
        let workspace = services.workspace
        let article: CrossReferenceJob.Source
        var sources: [CrossReferenceJob.Source] = []
        let id: String
        if let upload = body.upload {
            guard body.article == nil, body.sources == nil else {
                throw ServerError(.badRequest, "send either files to upload or paths in the workspace, not both")
            }
            id = await services.store.newID(for: try Self.safeName(upload.article.name))
            let folder = "uploads/\(id)"
            article = try Self.save(upload.article, in: folder, workspace: workspace)
            var names = Set([article.file])
            for file in upload.sources {
                let saved = try Self.save(file, in: folder + "/sources", workspace: workspace)
                guard names.insert(saved.file).inserted else { throw ServerError(.badRequest, "two uploaded files are named \(file.name)") }
                sources.append(saved)
            }
        } else {
            guard let path = body.article else { throw ServerError(.badRequest, "the request names no article (\"article\") and uploads none (\"upload\")") }
            let documents = try workspace.readDocuments(path)
            guard documents.count == 1, let first = documents.first else {
                throw ServerError(.badRequest, "\(path) is a folder; the article is one file")
            }
            article = first
            for source in body.sources ?? [] { sources += try workspace.readDocuments(source) }
            id = await services.store.newID(for: article.file)
        }
        let review: Review
        do {
            review = try await services.annotator.review(id: id, article: article, sources: sources, threshold: services.configuration.threshold)
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw ServerError(.unprocessableContent, "the article could not be annotated: \(error)")
        }
        try await services.store.create(review)
        return review
    }

    /// An uploaded file's name, its folders dropped: letters, digits, `.`, `-` and `_` only.
    static func safeName(_ name: String) throws -> String {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(base.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" ? $0 : "_" })
        guard !cleaned.isEmpty, !cleaned.hasPrefix("."), cleaned.count <= 100 else {
            throw ServerError(.badRequest, "\"\(name)\" is no file name to keep an upload under")
        }
        return cleaned
    }

    /// Writes an uploaded file into the workspace; returns it as read from there.
    static func save(_ file: UploadedFile, in folder: String, workspace: Workspace) throws -> CrossReferenceJob.Source {
        let name = try safeName(file.name)
        let directory = workspace.root + "/" + folder
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name), options: .atomic)
        } catch {
            throw ServerError(.internalServerError, "\(folder)/\(name) cannot be written: \(error)")
        }
        return CrossReferenceJob.Source(file: folder + "/" + name, text: file.text)
    }
}
