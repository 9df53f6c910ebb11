import Hummingbird

/// The workspace's glossary: `GET /glossary/terms` lists it, `POST /glossary/terms` adds a
/// term, used from the next annotation on.
struct GlossaryRoutes {
    struct Term: Codable {
        var english: String
        var chinese: String
        var note: String?
    }

    struct Added: Encodable {
        var term: Term
        var terms: Int
        var file: String
    }

    func addRoutes(to group: RouterGroup<ReviewRequestContext>) {
        group.get("terms") { _, context -> Response in
            let terms = await (try context.services).store.terms()
            return try .json(terms.map { Term(english: $0.english, chinese: $0.chinese, note: $0.note) })
        }
        group.post("terms") { request, context -> Response in
            let services = try context.services
            let term = try await request.decodeJSON(Term.self, limit: services.configuration.requestLimit)
            _ = try await services.store.addTerm(english: term.english, chinese: term.chinese, note: term.note ?? "")
            let count = await services.store.terms().count
            return try .json(Added(term: term, terms: count, file: Workspace.userGlossaryName), status: .created)
        }
    }
}
