import DuizhaoReports
import DuizhaoText
import Foundation

/// A job's id as its line gives it (a string or an integer), kept as JSON text, so that it is
/// written back as given and compared byte for byte when a batch resumes.
public struct JobID: Hashable, Sendable, CustomStringConvertible {
    /// The id as JSON: a quoted string or an integer.
    public let json: String

    /// An id from its JSON text as batch writes it.
    public init(json: String) { self.json = json }

    /// A string id.
    public init(_ text: String) {
        var json = ""
        JSONLine.appendQuoted(text, to: &json)
        self.json = json
    }

    public var description: String { json }
}

/// A text a job names: a file to read, or the text itself.
enum JobText: Sendable {
    case path(String)
    case text(String)
}

/// A source of an annotate job: a file or folder, or a text with its name.
enum JobSource: Sendable {
    case path(String)
    case named(name: String, text: String)
}

/// One job of a batch as its line gives it, read but not yet run.
enum BatchJobSpec: Sendable {
    case annotate(id: JobID, article: JobText, format: ArticleFormat?, sources: [JobSource], threshold: Double?)
    case align(id: JobID, source: JobText, target: JobText, presegmented: Bool?)

    var id: JobID {
        switch self {
        case .annotate(let id, _, _, _, _), .align(let id, _, _, _): id
        }
    }

    static let annotateFields = ["id", "article", "article_text", "article_format", "sources", "threshold"]
    static let alignFields = ["id", "source", "source_text", "target", "target_text", "presegmented"]

    /// A job that could not be read: why, and its id when the line gave one.
    struct Failure: Error {
        var id: JobID?
        var message: String
    }

    /// Reads one line of input.
    /// - Throws: `Failure` naming the line, and where it applies the byte offset or the field.
    static func read(_ line: JobLine, kind: BatchKind, lineLimit: Int) throws(Failure) -> BatchJobSpec {
        let place = "line \(line.number)"
        guard let bytes = line.bytes else {
            throw Failure(message: "\(place): \(line.length) bytes is more than a job line may hold (\(lineLimit)); give long texts as paths")
        }
        do {
            _ = try InputText(decoding: bytes, origin: place)
        } catch {
            if case .invalidUTF8(_, let offset, _, let column) = error {
                throw Failure(message: "\(place):\(column): invalid UTF-8 at byte offset \(line.offset + offset) of the input")
            }
            throw Failure(message: "\(place): \(error)")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            throw Failure(message: "\(place): not valid JSON (\(Self.reason(error)))")
        }
        guard let fields = object as? [String: Any] else { throw Failure(message: "\(place): a job is a JSON object, {…}") }
        let id = try Self.id(fields["id"], place: place)
        let known = kind == .annotate ? annotateFields : alignFields
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw Failure(id: id, message: "\(place): unknown field '\(unknown)' (\(kind.rawValue) jobs have \(known.joined(separator: ", ")))")
        }
        let reader = FieldReader(fields: fields, place: place, id: id)
        switch kind {
        case .annotate:
            let article = try reader.text(path: "article", text: "article_text")
            var format: ArticleFormat?
            if let name = try reader.string("article_format") {
                guard let value = ArticleFormat(rawValue: name) else {
                    throw reader.failure("article_format must be one of \(ArticleFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                format = value
            }
            let threshold = try reader.number("threshold")
            if let threshold, !(0...1).contains(threshold) { throw reader.failure("threshold must be between 0 and 1") }
            return .annotate(id: id, article: article, format: format, sources: try reader.sources(), threshold: threshold)
        case .align:
            return .align(
                id: id, source: try reader.text(path: "source", text: "source_text"), target: try reader.text(path: "target", text: "target_text"),
                presegmented: try reader.bool("presegmented"))
        }
    }

    /// The id, canonical: a string as JSON writes it, an integer in decimal.
    private static func id(_ value: Any?, place: String) throws(Failure) -> JobID {
        switch value {
        case nil: throw Failure(message: "\(place): the job has no id")
        case let text as String: return JobID(text)
        case let number as NSNumber where !Self.isBoolean(number) && number.doubleValue == number.doubleValue.rounded()
            && abs(number.doubleValue) < 1e15:
            return JobID(json: String(number.int64Value))
        default: throw Failure(message: "\(place): id must be a string or an integer")
        }
    }

    /// Whether JSON gave true or false (Foundation hands booleans over as numbers).
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    /// What JSONSerialization says is wrong, without its boilerplate.
    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }
}

/// Reads a job's fields, each failure naming the line and the field.
private struct FieldReader {
    let fields: [String: Any]
    let place: String
    let id: JobID

    func failure(_ message: String) -> BatchJobSpec.Failure {
        BatchJobSpec.Failure(id: id, message: "\(place): \(message)")
    }

    func string(_ name: String) throws(BatchJobSpec.Failure) -> String? {
        guard let value = fields[name], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw failure("\(name) must be a string") }
        return text
    }

    func number(_ name: String) throws(BatchJobSpec.Failure) -> Double? {
        guard let value = fields[name], !(value is NSNull) else { return nil }
        guard let number = value as? NSNumber, !BatchJobSpec.isBoolean(number) else { throw failure("\(name) must be a number") }
        return number.doubleValue
    }

    func bool(_ name: String) throws(BatchJobSpec.Failure) -> Bool? {
        guard let value = fields[name], !(value is NSNull) else { return nil }
        guard let number = value as? NSNumber, BatchJobSpec.isBoolean(number) else { throw failure("\(name) must be true or false") }
        return number.boolValue
    }

    /// A text given by a path (`path`) or inline (`text`): exactly one of them.
    func text(path: String, text: String) throws(BatchJobSpec.Failure) -> JobText {
        switch (try string(path), try string(text)) {
        case (let file?, nil): return .path(file)
        case (nil, let value?): return .text(value)
        case (nil, nil): throw failure("the job needs \(path) (a path) or \(text)")
        case (_?, _?): throw failure("give \(path) or \(text), not both")
        }
    }

    func sources() throws(BatchJobSpec.Failure) -> [JobSource] {
        guard let value = fields["sources"], !(value is NSNull) else { return [] }
        guard let items = value as? [Any] else { throw failure("sources must be a list") }
        var sources: [JobSource] = []
        for (index, item) in items.enumerated() {
            if let path = item as? String {
                sources.append(.path(path))
            } else if let object = item as? [String: Any], object.count == 2, let name = object["name"] as? String,
                let text = object["text"] as? String
            {
                sources.append(.named(name: name, text: text))
            } else {
                throw failure("sources[\(index)] must be a path or {\"name\": …, \"text\": …}")
            }
        }
        return sources
    }
}
