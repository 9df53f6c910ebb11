import Foundation
import Hummingbird

/// The page's own script and style sheet, read once from the package's resources: no other
/// file is served, so no request path ever reaches the file system.
struct StaticAssets: Sendable {
    let files: [String: (body: String, type: String)]

    static let names = ["review.js": "text/javascript; charset=utf-8", "review.css": "text/css; charset=utf-8"]

    static func load() -> StaticAssets {
        var files: [String: (String, String)] = [:]
        for (name, type) in names {
            let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Static")
            if let url, let data = try? Data(contentsOf: url) { files[name] = (String(decoding: data, as: UTF8.self), type) }
        }
        return StaticAssets(files: files)
    }
}

/// `GET /static/review.js` and `/static/review.css`.
struct StaticRoutes {
    func addRoutes(to group: RouterGroup<ReviewRequestContext>) {
        group.get(":name") { _, context -> Response in
            let name = context.parameters.get("name") ?? ""
            guard let file = try context.services.assets.files[name] else { throw ServerError(.notFound, "no file \(name)") }
            var headers = HTTPFields()
            headers[.cacheControl] = "no-cache"
            return .text(file.body, type: file.type, headers: headers)
        }
    }
}
