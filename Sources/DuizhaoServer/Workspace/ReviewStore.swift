import DuizhaoGlossary
import DuizhaoText
import Foundation

/// The reviews and the user glossary of a workspace, read and written one action at a time so
/// that no write is lost: every change is checked against the version the client saw, then
/// written to its file atomically (a new file renamed over the old) before it is answered.
actor ReviewStore {
    let workspace: Workspace
    private var cache: [String: Review] = [:]
    /// Ids given to reviews still being annotated: two at once never get the same file.
    private var reserved: Set<String> = []
    /// The cached reviews' files in pieces (`ReviewEncoding`).
    private var encodings: [String: ReviewEncoding] = [:]

    init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Lower-case letters, digits and dashes, up to 64: a review's id, and so its file name.
    static func isValidID(_ id: some StringProtocol) -> Bool {
        !id.isEmpty && id.count <= 64 && id.first != "-"
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    private func path(_ id: String) -> String { workspace.reviewsDirectory + "/" + id + ".json" }

    /// The review, from memory or its file.
    func review(_ id: String) throws(WorkspaceError) -> Review {
        if let review = cache[id] { return review }
        guard Self.isValidID(id) else { throw WorkspaceError(status: .notFound, message: "no review \(id)") }
        guard let data = FileManager.default.contents(atPath: path(id)) else {
            throw WorkspaceError(status: .notFound, message: "no review \(id) in this workspace")
        }
        do {
            let review = try JSONDecoder().decode(Review.self, from: data)
            cache[id] = review
            return review
        } catch {
            throw WorkspaceError(status: .internalError, message: "reviews/\(id).json cannot be read as a review: \(error)")
        }
    }

    /// The reviews in the workspace, by id.
    func list() -> [Review] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.reviewsDirectory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.filter { Self.isValidID($0) }.sorted()
            .compactMap { try? review($0) }
    }

    /// A new id for an article, reserved until the review is stored: its file name's letters and digits, and a number.
    func newID(for title: String) -> String {
        let base = URL(fileURLWithPath: title).deletingPathExtension().lastPathComponent.lowercased()
        var slug = String(String.UnicodeScalarView(base.unicodeScalars.map { Self.isValidID(String($0)) ? $0 : "-" }))
        while slug.contains("--") { slug = slug.replacingOccurrences(of: "--", with: "-") }
        slug = String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(40))
        if slug.isEmpty { slug = "review" }
        var number = 1
        while cache["\(slug)-\(number)"] != nil || reserved.contains("\(slug)-\(number)")
            || FileManager.default.fileExists(atPath: path("\(slug)-\(number)"))
        {
            number += 1
        }
        reserved.insert("\(slug)-\(number)")
        return "\(slug)-\(number)"
    }

    /// Stores a new review.
    func create(_ review: Review) throws(WorkspaceError) {
        try write(review)
        reserved.remove(review.id)
    }

    /// Applies an action and writes the review before answering.
    func apply(
        _ kind: Review.ActionKind, review id: String, claim: String, candidate: Int?, note: String?, expectedVersion: Int
    ) throws -> Review {
        var review = try review(id)
        do {
            try review.apply(kind, claim: claim, candidate: candidate, note: note, expectedVersion: expectedVersion, at: Date())
        } catch {
            switch error.kind {
            case .staleVersion(let current): throw WorkspaceError(status: .conflict, message: error.message, currentVersion: current)
            case .noSuchClaim: throw WorkspaceError(status: .notFound, message: error.message)
            case .invalid: throw WorkspaceError(status: .unprocessableContent, message: error.message)
            }
        }
        try write(review)
        return review
    }

    private func write(_ review: Review) throws(WorkspaceError) {
        do {
            var encoding: ReviewEncoding
            if var known = encodings[review.id], let old = cache[review.id] {
                try known.update(from: old, to: review)
                encoding = known
            } else {
                encoding = try ReviewEncoding(review)
            }
            try FileManager.default.createDirectory(atPath: workspace.reviewsDirectory, withIntermediateDirectories: true)
            try encoding.file(version: review.version, format: review.format).write(to: URL(fileURLWithPath: path(review.id)), options: .atomic)
            encodings[review.id] = encoding
        } catch {
            throw WorkspaceError(status: .internalError, message: "reviews/\(review.id).json cannot be written: \(error)")
        }
        cache[review.id] = review
    }

    // MARK: The user glossary

    /// The user glossary's columns when the server writes it.
    static let glossaryHeader = "en\tzh\tnote"

    /// Appends a term to the workspace's glossary, written atomically; creates it with a header.
    /// - Throws: 422 for a term that is not one English and one Chinese form on one line each.
    func addTerm(english: String, chinese: String, note: String) throws(WorkspaceError) -> Int {
        let english = english.trimmingCharacters(in: .whitespaces)
        let chinese = chinese.trimmingCharacters(in: .whitespaces)
        let note = note.trimmingCharacters(in: .whitespaces)
        for (name, value) in [("English", english), ("Chinese", chinese), ("note", note)] {
            guard !value.contains(where: { $0 == "\t" || $0.isNewline }) else {
                throw WorkspaceError(status: .unprocessableContent, message: "the \(name) form must be one line without tabs")
            }
            guard value.count <= 200 else {
                throw WorkspaceError(status: .unprocessableContent, message: "the \(name) form has \(value.count) characters; at most 200")
            }
        }
        guard !english.isEmpty, !chinese.isEmpty else {
            throw WorkspaceError(status: .unprocessableContent, message: "a term needs both its English and its Chinese form")
        }
        guard chinese.unicodeScalars.contains(where: { ScriptClass($0) == .han }) else {
            throw WorkspaceError(status: .unprocessableContent, message: "\"\(chinese)\" has no Chinese characters")
        }
        guard !english.unicodeScalars.contains(where: { ScriptClass($0) == .han }) else {
            throw WorkspaceError(status: .unprocessableContent, message: "the English form \"\(english)\" holds Chinese characters")
        }
        var text = FileManager.default.contents(atPath: workspace.userGlossaryPath).map { String(decoding: $0, as: UTF8.self) }
            ?? "# Terms added while reviewing in duizhao serve.\n\(Self.glossaryHeader)\n"
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += "\(english)\t\(chinese)\t\(note)\n"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: workspace.userGlossaryPath), options: .atomic)
        } catch {
            throw WorkspaceError(status: .internalError, message: "\(Workspace.userGlossaryName) cannot be written: \(error)")
        }
        return text.split(separator: "\n").count
    }

    /// The user glossary's terms, as written.
    func terms() -> [(english: String, chinese: String, note: String)] {
        guard let data = FileManager.default.contents(atPath: workspace.userGlossaryPath) else { return [] }
        var terms: [(String, String, String)] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") && line != Self.glossaryHeader {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 2 else { continue }
            terms.append((cells[0], cells[1], cells.count > 2 ? cells[2] : ""))
        }
        return terms
    }
}
