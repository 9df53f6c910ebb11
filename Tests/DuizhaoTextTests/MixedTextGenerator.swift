/// A deterministic generator of hostile mixed text for property tests.
///
/// Seeded SplitMix64, so a failing case can be reproduced from its seed.
struct MixedTextGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let pieces: [String] = [
        // Han in both scripts
        "周鸿祎", "台积电", "臺積電", "通用人工智能", "說", "中美", "差距", "一两年", "两千", "二〇二四年", "𠀀", "〇",
        // Latin
        "Zhou", "Hongyi", "AI", "GPT-4", "R1", "café", "Dr.", "U.S.", "Feb.", "said", "the", "e.g.",
        // digits, full-width forms
        "2025", "5.6", "1,200", "39%", "５６０万", "ＡＩ", "１２", "％",
        // punctuation
        "。", "！", "？", "；", "…", "……", "“", "”", "「", "」", "《", "》", "（", "）", ",", ".", "!", "?", "\"", "'", "’",
        // emoji and symbols, combining marks
        "😀", "👨‍👩‍👧", "🇨🇳", "e\u{301}", "a\u{308}\u{323}", "©", "¥", "$",
        // whitespace and line breaks
        " ", " ", "  ", "\t", "\u{3000}", "\u{A0}", "\n", "\r\n", "\n\n", "\r\n\r\n", "\r",
        // block starts
        "\n1. ", "\n- ", "\n# ", "\n[2] ", "\n一、", "\n（3）",
    ]

    /// A text of up to `maximumPieces` pieces.
    mutating func text(maximumPieces: Int) -> String {
        let count = Int(next() % UInt64(maximumPieces + 1))
        var text = ""
        for _ in 0..<count { text += pick(Self.pieces) }
        return text
    }
}
