import DuizhaoText

/// HTML escaping for every piece of input text that goes into a page.
enum HTML {
    /// `text` safe inside an element or a double-quoted attribute.
    static func escape(_ text: some StringProtocol) -> String { XMLEscaping.escape(text) }
}
