import DuizhaoAlign
import DuizhaoText
import Foundation

/// The folder the server works in: the articles and sources it may read, `reviews/` where
/// reviews are kept, `uploads/` for uploaded files and `glossary.tsv`, the user's glossary.
///
/// Nothing outside it is read or written: a path given by a client must be relative, without
/// `..`, and must still be inside once its symbolic links are resolved.
public struct Workspace: Sendable {
    /// The folder, its symbolic links resolved.
    public let root: String
    public static let userGlossaryName = "glossary.tsv"
    /// The largest article or source file read (as `annotate` reads them).
    public static let fileLimit = 32 << 20
    /// File kinds offered as articles and sources, by extension.
    static let documentExtensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm", "xhtml"]

    /// - Throws: `WorkspaceError.notFound` when the folder does not exist.
    public init(path: String) throws(WorkspaceError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WorkspaceError(status: .notFound, message: "\(path): no such folder")
        }
        root = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    public var reviewsDirectory: String { root + "/reviews" }
    public var uploadsDirectory: String { root + "/uploads" }
    public var userGlossaryPath: String { root + "/" + Self.userGlossaryName }

    /// The absolute path of `relative`, checked to stay inside the workspace.
    /// - Throws: `WorkspaceError` (403) for an absolute path, `..`, or a link leading out; 404 when nothing is there.
    public func resolve(_ relative: String) throws(WorkspaceError) -> String {
        guard !relative.isEmpty, !relative.contains("\0") else { throw WorkspaceError(status: .badRequest, message: "an empty path") }
        guard !relative.hasPrefix("/"), !relative.hasPrefix("~"), !relative.contains("\\") else {
            throw WorkspaceError(status: .forbidden, message: "\(relative): only paths relative to the workspace are allowed")
        }
        let components = relative.split(separator: "/", omittingEmptySubsequences: true)
        guard !components.contains(".."), !components.isEmpty else {
            throw WorkspaceError(status: .forbidden, message: "\(relative): '..' is not allowed; paths stay inside the workspace")
        }
        let joined = root + "/" + components.joined(separator: "/")
        guard FileManager.default.fileExists(atPath: joined) else {
            throw WorkspaceError(status: .notFound, message: "\(relative): no such file in the workspace")
        }
        let resolved = URL(fileURLWithPath: joined).resolvingSymlinksInPath().path
        guard resolved == root || resolved.hasPrefix(root + "/") else {
            throw WorkspaceError(status: .forbidden, message: "\(relative): a symbolic link leading out of the workspace")
        }
        return resolved
    }

    /// `relative` read as text: an article or a source file, or each document file of a folder.
    /// - Returns: each file's path relative to the workspace, and its text.
    public func readDocuments(_ relative: String) throws(WorkspaceError) -> [CrossReferenceJob.Source] {
        let path = try resolve(relative)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [try readFile(relative, at: path)] }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { !$0.hasPrefix(".") && Self.documentExtensions.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
            .sorted()
        let folder = relative.hasSuffix("/") ? String(relative.dropLast()) : relative
        var documents: [CrossReferenceJob.Source] = []
        for name in names {
            let child = folder + "/" + name
            documents.append(try readFile(child, at: try resolve(child)))
        }
        return documents
    }

    private func readFile(_ relative: String, at path: String) throws(WorkspaceError) -> CrossReferenceJob.Source {
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= Self.fileLimit else {
            throw WorkspaceError(
                status: .contentTooLarge, message: "\(relative): \(size) bytes, over the \(Self.fileLimit >> 20) MB a file may have; split it into smaller files")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkspaceError(status: .forbidden, message: "\(relative): cannot be read")
        }
        do {
            return CrossReferenceJob.Source(file: relative, text: try InputText(decoding: data, origin: relative).text)
        } catch {
            throw WorkspaceError(status: .unprocessableContent, message: "\(error)")
        }
    }

    /// The document files of the workspace (its own folders left out), relative paths, sorted.
    public func documentFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let next = enumerator.nextObject() as? String {
            let first = next.split(separator: "/").first.map(String.init) ?? next
            if first == "reviews" || first.hasPrefix(".") || next.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                continue
            }
            if Self.documentExtensions.contains(URL(fileURLWithPath: next).pathExtension.lowercased()),
                (try? resolve(next)) != nil
            {
                files.append(next)
            }
        }
        return files.sorted()
    }
}

/// A request the workspace refuses, with the HTTP status that says why.
public struct WorkspaceError: Error, Sendable, CustomStringConvertible {
    public enum Status: Int, Sendable {
        case badRequest = 400
        case forbidden = 403
        case notFound = 404
        case conflict = 409
        case contentTooLarge = 413
        case unprocessableContent = 422
        case internalError = 500
    }

    public var status: Status
    public var message: String
    /// For a stale write (409): the review's current version.
    public var currentVersion: Int?
    public var description: String { message }

    public init(status: Status, message: String, currentVersion: Int? = nil) {
        self.status = status
        self.message = message
        self.currentVersion = currentVersion
    }
}
