/// Escaping of text for XML and HTML output: TBX, TMX and the HTML reports share it.
public enum XMLEscaping {
    /// `text` safe as XML or HTML character data and as a quoted attribute value.
    ///
    /// `& < > " '` become references; a carriage return becomes `&#13;` so that it survives XML's
    /// line-end normalisation; control characters XML 1.0 forbids (and U+FFFE, U+FFFF) are
    /// dropped, since no parser would read them back.
    public static func escape(_ text: some StringProtocol) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\r": output += "&#13;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
