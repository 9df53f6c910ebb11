/// Deterministic mixed Chinese/English news-like text.
///
/// Paragraphs of Chinese sentences (with the Latin names, acronyms and figures Chinese news
/// carries) alternate at random with paragraphs of English sentences (with the Chinese names
/// and terms English reporting on China quotes), with the odd heading and list item. The words
/// come from a built-in vocabulary; the order is random, so the text reads like news only word
/// by word, which is what a word segmenter sees.
struct SyntheticCorpus {
    static let defaultSeed: UInt64 = 20_240_218

    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// Text of whole paragraphs, at least `minimumBytes` bytes of UTF-8.
    mutating func text(minimumBytes: Int) -> String {
        var text = ""
        text.reserveCapacity(minimumBytes + 4096)
        while text.utf8.count < minimumBytes {
            appendParagraph(to: &text)
        }
        return text
    }

    private mutating func appendParagraph(to text: inout String) {
        let chinese = random.chance(0.55)
        switch random.below(100) {
        case 0..<5:
            // A heading.
            text += random.chance(0.5) ? "# " : "## "
            text += chinese ? chineseClause(words: 3...7) : englishClause(words: 4...9, capitalised: true)
        case 5..<10:
            // A short numbered list.
            for number in 1...(2 + random.below(3)) {
                text += "\(number). "
                text += chinese ? chineseSentence() : englishSentence()
                text += "\n"
            }
            text.removeLast()
        default:
            for index in 0..<(2 + random.below(5)) {
                if index > 0 {
                    // Some hard-wrapped lines, as in Markdown sources.
                    if random.chance(0.15) {
                        text += "\n"
                    } else if !chinese {
                        text += " "
                    }
                }
                text += chinese ? chineseSentence() : englishSentence()
            }
        }
        text += "\n\n"
    }

    // MARK: Chinese

    private mutating func chineseSentence() -> String {
        var sentence = ""
        if random.chance(0.3) { sentence += random.pick(Vocabulary.chineseTimes) }
        sentence += random.pick(random.chance(0.5) ? Vocabulary.chineseNames : Vocabulary.chineseNouns)
        let clauses = 1 + random.below(3)
        for clause in 0..<clauses {
            if clause > 0 { sentence += random.chance(0.85) ? "，" : "；" }
            sentence += chineseClause(words: 4...12)
        }
        switch random.below(100) {
        case 0..<82: sentence += "。"
        case 82..<88: sentence += "！"
        case 88..<94: sentence += "？"
        default: sentence += "……"
        }
        return sentence
    }

    private mutating func chineseClause(words: ClosedRange<Int>) -> String {
        var clause = ""
        let count = words.lowerBound + random.below(words.count)
        for _ in 0..<count {
            switch random.below(100) {
            case 0..<34: clause += random.pick(Vocabulary.chineseNouns)
            case 34..<56: clause += random.pick(Vocabulary.chineseVerbs)
            case 56..<74: clause += random.pick(Vocabulary.chineseFunctionWords)
            case 74..<84: clause += random.pick(Vocabulary.chineseModifiers)
            case 84..<88: clause += random.pick(Vocabulary.chineseNames)
            case 88..<93: clause += chineseFigure()
            case 93..<96:
                // Latin in Chinese text: acronyms and product names, spaced or not.
                let spaced = random.chance(0.5)
                if spaced { clause += " " }
                clause += random.pick(Vocabulary.latinTerms)
                if spaced { clause += " " }
            case 96..<98:
                clause += "“" + random.pick(Vocabulary.chineseNouns) + random.pick(Vocabulary.chineseVerbs) + "”"
            case 98:
                clause += "《" + random.pick(Vocabulary.chineseNouns) + random.pick(Vocabulary.chineseNouns) + "》"
            default:
                clause += random.pick(Vocabulary.chineseNouns) + "、" + random.pick(Vocabulary.chineseNouns)
            }
        }
        return clause
    }

    private mutating func chineseFigure() -> String {
        switch random.below(6) {
        case 0: return "\(random.below(100) + 1).\(random.below(10))" + random.pick(["亿元", "万元", "亿美元", "万人"])
        case 1: return "\(random.below(100) + 1)%"
        case 2: return "\(1990 + random.below(40))年"
        case 3: return "\(random.below(12) + 1)月\(random.below(28) + 1)日"
        case 4: return random.pick(["一", "两", "三", "五", "十", "几", "数"]) + random.pick(Vocabulary.chineseMeasures)
        default: return "\(random.below(9000) + 100)" + random.pick(Vocabulary.chineseMeasures)
        }
    }

    // MARK: English

    private mutating func englishSentence() -> String {
        var sentence = englishClause(words: 6...16, capitalised: true)
        if random.chance(0.4) { sentence += ", " + englishClause(words: 4...10, capitalised: false) }
        if random.chance(0.1) {
            sentence += ", " + random.pick(["said", "according to", "reported"]) + " "
                + random.pick(Vocabulary.englishNames)
        }
        if random.chance(0.08) { sentence += " [\(random.below(9) + 1)]" }
        switch random.below(100) {
        case 0..<88: sentence += "."
        case 88..<94: sentence += "?"
        default: sentence += "!"
        }
        return sentence
    }

    private mutating func englishClause(words: ClosedRange<Int>, capitalised: Bool) -> String {
        var chosen: [String] = []
        let count = words.lowerBound + random.below(words.count)
        for _ in 0..<count {
            switch random.below(100) {
            case 0..<38: chosen.append(random.pick(Vocabulary.englishFunctionWords))
            case 38..<62: chosen.append(random.pick(Vocabulary.englishNouns))
            case 62..<78: chosen.append(random.pick(Vocabulary.englishVerbs))
            case 78..<86: chosen.append(random.pick(Vocabulary.englishModifiers))
            case 86..<91: chosen.append(random.pick(Vocabulary.englishNames))
            case 91..<95: chosen.append(englishFigure())
            case 95..<97: chosen.append(random.pick(Vocabulary.latinTerms))
            default:
                // A Chinese term quoted in English text.
                chosen.append("(" + random.pick(Vocabulary.chineseNouns) + random.pick(Vocabulary.chineseNouns) + ")")
            }
        }
        if capitalised, let first = chosen.first, let initial = first.first {
            chosen[0] = initial.uppercased() + first.dropFirst()
        }
        return chosen.joined(separator: " ")
    }

    private mutating func englishFigure() -> String {
        switch random.below(6) {
        case 0: return "\(random.below(100) + 1).\(random.below(10)) " + random.pick(["million", "billion", "percent"])
        case 1: return "\(random.below(100) + 1)%"
        case 2: return "\(1990 + random.below(40))"
        case 3: return "$\(random.below(900) + 100),\(100 + random.below(900))"
        case 4: return random.pick(["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]) + " \(random.below(28) + 1)"
        default: return "\(random.below(9000) + 100)"
        }
    }
}

/// SplitMix64: small, fast and good enough for text generation; the same everywhere.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func chance(_ probability: Double) -> Bool { Double(next() >> 11) * 0x1p-53 < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
