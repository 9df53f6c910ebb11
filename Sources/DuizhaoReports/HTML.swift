import DuizhaoText

/// HTML escaping for every piece of input text that goes into a page.
enum HTML {
    /// `text` safe inside an element or a double-quoted attribute.
    static func escape(_ text: some StringProtocol) -> String { XMLEscaping.escape(text) }
}

/// An article's text as HTML paragraphs: what the annotation report and the review page share.
public enum ArticleHTML {
    /// The escaped text of `bytes[range]`, a blank line closing the paragraph (`</p>\n<p>`) and a
    /// single line break written as `lineBreak`.
    public static func paragraphText(_ bytes: [UInt8], _ range: Range<Int>, lineBreak: String) -> String {
        var output = ""
        var newlines = 0
        for character in HTML.escape(String(decoding: bytes[range], as: UTF8.self)) {
            if character == "\n" {
                newlines += 1
                continue
            }
            if newlines > 0 { output += newlines > 1 ? "</p>\n<p>" : lineBreak }
            newlines = 0
            output.append(character)
        }
        if newlines > 0 { output += newlines > 1 ? "</p>\n<p>" : lineBreak }
        return output
    }

    /// One paragraph's content as a block: a heading for the article's `# ` lines, else `<p>`.
    public static func block(_ content: String) -> String {
        content.hasPrefix("#") ? "<h2 class=\"heading\">" + String(content.drop { $0 == "#" || $0 == " " }) + "</h2>" : "<p>" + content + "</p>"
    }
}
