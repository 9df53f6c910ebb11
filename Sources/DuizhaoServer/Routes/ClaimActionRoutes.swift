import Hummingbird

/// `POST /reviews/ID/claims/CLAIM/actions`: accept, reject, pick another candidate, mark
/// unsupported, or note; refused with 409 when the page's version is not the review's.
struct ClaimActionRoutes {
    struct ActionRequest: Decodable {
        var action: Review.ActionKind
        /// The review's version the page shows.
        var version: Int
        var candidate: Int?
        var note: String?
    }

    struct ActionResult: Encodable {
        var version: Int
        var claim: String
        var state: Review.State
        var candidate: Int?
        var note: String
        var counts: [String: Int]
    }

    func addRoutes(to group: RouterGroup<ReviewRequestContext>) {
        group.post(":claim/actions") { request, context -> Response in
            let services = try context.services
            let id = try ReviewRoutes.reviewID(context)
            let claim = context.parameters.get("claim") ?? ""
            let body = try await request.decodeJSON(ActionRequest.self, limit: services.configuration.requestLimit)
            let review = try await services.store.apply(
                body.action, review: id, claim: claim, candidate: body.candidate, note: body.note, expectedVersion: body.version)
            let decision = review.claims.first { $0.id == claim }!.decision
            return try .json(
                ActionResult(
                    version: review.version, claim: claim, state: decision.state, candidate: decision.candidate, note: decision.note,
                    counts: review.stateCounts))
        }
    }
}

extension Review {
    /// How many claims are in each state, by the state's name.
    var stateCounts: [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: State.allCases.map { ($0.rawValue, 0) })
        for claim in claims { counts[claim.decision.state.rawValue, default: 0] += 1 }
        return counts
    }
}
