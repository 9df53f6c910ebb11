/// Builds one JSON object on one line, with keys in the order they are added.
///
/// Hand-built rather than `JSONEncoder` so that key order is the reader's order (text first),
/// fixed, and the same byte for byte on every run.
public struct JSONLine {
    public private(set) var text = "{"
    private var isEmpty = true

    /// An empty object.
    public init() {}

    /// Adds a string.
    public mutating func add(_ key: String, _ value: String) {
        appendKey(key)
        Self.appendQuoted(value, to: &text)
    }

    /// Adds an integer.
    public mutating func add(_ key: String, _ value: Int) {
        appendKey(key)
        text += String(value)
    }

    /// Adds a number.
    public mutating func add(_ key: String, _ value: Double) {
        appendKey(key)
        text += Self.format(value)
    }

    /// Adds true or false.
    public mutating func add(_ key: String, _ value: Bool) {
        appendKey(key)
        text += value ? "true" : "false"
    }

    /// Adds a value that is already JSON (a nested object or array).
    public mutating func add(_ key: String, json: String) {
        appendKey(key)
        text += json
    }

    /// The finished object.
    public var finished: String { text + "}" }

    private mutating func appendKey(_ key: String) {
        if !isEmpty { text += "," }
        isEmpty = false
        Self.appendQuoted(key, to: &text)
        text += ":"
    }

    /// A number as JSON: integers without a fraction, others in shortest round-trip form.
    public static func format(_ value: Double) -> String {
        if value.isFinite && value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return value.isFinite ? "\(value)" : "null"
    }

    /// Appends `value` as a JSON string, escaping what JSON requires.
    public static func appendQuoted(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{00}"..."\u{1F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
