import DuizhaoGlossary
import Foundation
import DuizhaoText

/// Where a claim and the source it is linked to disagree, naming both sides' spans.
public struct Discrepancy: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Numbers of the same kind and unit whose values disagree: "fewer than 200" vs 不到150人, 2028 vs 2027年.
        case numberMismatch = "number-mismatch"
        /// Ranges that overlap but differ: "within two years" (0–2) vs 一两年 (1–2).
        case rangeDiffers = "range-differs"
        /// A sum, percentage, year, date, duration or count of something the claim states and the
        /// source has nothing of the same kind for.
        case numberOnlyInClaim = "number-only-in-claim"
        /// A person or organization the claim names and the source does not.
        case nameOnlyInClaim = "name-only-in-claim"
        /// A person the source names and the claim does not.
        case nameOnlyInSource = "name-only-in-source"
        /// A condition of the source (一旦, 只要, 如果 …) the claim leaves out.
        case droppedCondition = "dropped-condition"
        /// A hedge of the source (可能, 或许, 也许 …) the claim leaves out.
        case droppedHedge = "dropped-hedge"
    }

    public var kind: Kind
    /// The claim's words, if the claim has any part in it.
    public var claimText: String?
    /// Where they stand in the claim's text (UTF-8 offsets).
    public var claimRange: Range<Int>?
    /// The source's words, if the source has any part in it.
    public var sourceText: String?
    /// The source sentence they stand in (0-based, in its document).
    public var sourceSentence: Int?
    /// Where they stand in that sentence's text (UTF-8 offsets).
    public var sourceRange: Range<Int>?
    /// A short explanation: `fewer than 200 people vs 不到150人`.
    public var message: String

    public init(
        kind: Kind, claimText: String? = nil, claimRange: Range<Int>? = nil, sourceText: String? = nil, sourceSentence: Int? = nil,
        sourceRange: Range<Int>? = nil, message: String
    ) {
        self.kind = kind
        self.claimText = claimText
        self.claimRange = claimRange
        self.sourceText = sourceText
        self.sourceSentence = sourceSentence
        self.sourceRange = sourceRange
        self.message = message
    }

    /// `kind: message`, as the CSV and Markdown show it.
    public var summary: String { "\(kind.rawValue): \(message)" }
}

/// A glossary name or term found in a text.
struct NamedTerm: Hashable {
    /// What identifies the entry across languages (its Simplified form).
    var key: String
    var surface: String
    var range: Range<Int>
    var type: TermType
    var english: String
    /// Whether the text names the entry by a role of it (360集团创办人 for 周鸿祎).
    var isRole = false
}

/// Compares a claim with the source sentences it is linked to.
enum DiscrepancyFinder {
    /// How two quantities relate.
    enum Relation { case agree, mismatch, rangeDiffers }

    /// Whether two quantities measure the same kind of thing in the same unit.
    static func compatible(_ a: Quantity, _ b: Quantity) -> Bool {
        switch (a.kind, b.kind) {
        case (.date, .date): return a.month != nil && b.month != nil
        case (.year, .year): return true
        default: return a.kind == b.kind && a.unit == b.unit
        }
    }

    static func relation(_ a: Quantity, _ b: Quantity) -> Relation {
        if a.kind == .date {
            let sameYear = a.year == nil || b.year == nil || a.year == b.year
            return sameYear && a.month == b.month && (a.day == nil || b.day == nil || a.day == b.day) ? .agree : .mismatch
        }
        let tolerance = a.qualifier == .about || b.qualifier == .about ? 0.1 : 1e-6
        func equal(_ x: Double?, _ y: Double?) -> Bool {
            switch (x, y) {
            case (nil, nil): return true
            case (let x?, let y?): return abs(x - y) <= tolerance * max(abs(x), abs(y), 1e-9)
            default: return false
            }
        }
        if equal(a.lowerBound, b.lowerBound) && equal(a.upperBound, b.upperBound) { return .agree }
        let aPoint = a.lowerBound != nil && a.lowerBound == a.upperBound
        let bPoint = b.lowerBound != nil && b.lowerBound == b.upperBound
        if aPoint && bPoint { return .mismatch }
        let aLow = a.lowerBound ?? -.infinity
        let aHigh = a.upperBound ?? .infinity
        let bLow = b.lowerBound ?? -.infinity
        let bHigh = b.upperBound ?? .infinity
        if aHigh < bLow || bHigh < aLow { return .mismatch }
        // Bounded on one side only, both the same side, at different values: "fewer than 200" vs 不到150.
        if a.lowerBound == nil && b.lowerBound == nil || a.upperBound == nil && b.upperBound == nil { return .mismatch }
        return .rangeDiffers
    }

    /// A distance between two quantities, to choose which source number a claim's number is about.
    static func distance(_ a: Quantity, _ b: Quantity) -> Double {
        func middle(_ q: Quantity) -> Double {
            if let year = q.year, q.kind == .date || q.kind == .year { return Double(year) }
            switch (q.lowerBound, q.upperBound) {
            case (let l?, let h?): return (l + h) / 2
            case (let l?, nil): return l
            case (nil, let h?): return h
            default: return 0
            }
        }
        let x = abs(middle(a)) + 1
        let y = abs(middle(b)) + 1
        return abs(log(x) - log(y))
    }

    static let conditionMarkers = ["一旦", "只要", "如果", "假如", "倘若", "要是", "除非", "假使", "若"]
    static let conditionWords: Set<String> = ["if", "once", "unless", "provided", "providing", "assuming", "when", "whenever", "condition", "conditions", "conditional"]
    static let conditionPhrases = ["as long as", "so long as", "only after", "in case"]
    static let hedgeMarkers = ["可能", "或许", "或許", "也许", "也許", "大概"]
    static let hedgeWords: Set<String> = [
        "may", "might", "could", "possibly", "possible", "perhaps", "probably", "likely", "maybe", "potentially", "expects", "expect",
        "expected",
    ]

    /// The quantities both sides agree on, as `en=zh` pairs, and the discrepancies.
    static func compare(
        claim: String, claimQuantities: [Quantity], claimNames: [NamedTerm],
        sentences: [(index: Int, text: String, quantities: [Quantity], names: [NamedTerm])]
    ) -> (numbers: [String], discrepancies: [Discrepancy]) {
        var numbers: [String] = []
        var found: [Discrepancy] = []
        // Numbers inside names (36氪, 360集团, 3M) are names, not quantities.
        let claimQuantities = outsideNames(claimQuantities, claimNames)
        let sentences = sentences.map { (index: $0.index, text: $0.text, quantities: outsideNames($0.quantities, $0.names), names: $0.names) }
        let claimBytes = Array(claim.utf8)
        func claimSpan(_ range: Range<Int>) -> String { String(decoding: claimBytes[range], as: UTF8.self) }
        func sourceSpan(_ text: String, _ range: Range<Int>) -> String {
            String(decoding: Array(text.utf8)[range], as: UTF8.self)
        }
        // Numbers.
        for q in claimQuantities {
            var best: (sentence: Int, text: String, quantity: Quantity, relation: Relation, distance: Double)?
            for sentence in sentences {
                for s in sentence.quantities where compatible(q, s) {
                    let r = relation(q, s)
                    let d = r == .agree ? -1 : distance(q, s)
                    if best == nil || d < best!.distance { best = (sentence.index, sentence.text, s, r, d) }
                }
            }
            guard let best else {
                if q.kind != .count || q.unit != nil {
                    let en = claimSpan(q.utf8Range)
                    found.append(
                        Discrepancy(
                            kind: .numberOnlyInClaim, claimText: en, claimRange: q.utf8Range,
                            message: "\(en) (\(describe(q))) has nothing of its kind in the source"))
                }
                continue
            }
            let en = claimSpan(q.utf8Range)
            let zh = sourceSpan(best.text, best.quantity.utf8Range)
            switch best.relation {
            case .agree:
                numbers.append("\(en)=\(zh)")
            case .mismatch, .rangeDiffers:
                found.append(
                    Discrepancy(
                        kind: best.relation == .mismatch ? .numberMismatch : .rangeDiffers, claimText: en, claimRange: q.utf8Range, sourceText: zh,
                        sourceSentence: best.sentence, sourceRange: best.quantity.utf8Range,
                        message: "\(en) (\(describe(q))) vs \(zh) (\(describe(best.quantity)))"))
            }
        }
        // Names.
        let sourceKeys = Set(sentences.flatMap { $0.names.map(\.key) })
        let claimKeys = Set(claimNames.map(\.key))
        let claimWords = Set(FeatureExtractor.words(in: claim).map { $0.lowercased() })
        var reported = Set<String>()
        for name in claimNames where (name.type == .person || name.type == .organization) && !sourceKeys.contains(name.key) {
            guard reported.insert(name.key).inserted else { continue }
            found.append(
                Discrepancy(
                    kind: .nameOnlyInClaim, claimText: name.surface, claimRange: name.range,
                    message: "\(name.surface) (\(name.key)) is not in the source"))
        }
        for sentence in sentences {
            // A role (360集团创办人) names a position, which a claim may well leave unnamed.
            for name in sentence.names where name.type == .person && !name.isRole && !claimKeys.contains(name.key) {
                // "Zhou said …" names 周鸿祎 well enough.
                let parts = FeatureExtractor.words(in: name.english).map { $0.lowercased() }
                guard !parts.contains(where: { $0.count >= 3 && claimWords.contains($0) }) else { continue }
                guard reported.insert(name.key).inserted else { continue }
                found.append(
                    Discrepancy(
                        kind: .nameOnlyInSource, sourceText: name.surface, sourceSentence: sentence.index, sourceRange: name.range,
                        message: "the source names \(name.surface) (\(name.english)); the claim does not"))
            }
        }
        // Conditions and hedges.
        let lowered = " " + claim.lowercased() + " "
        let claimHasCondition = !claimWords.isDisjoint(with: conditionWords) || conditionPhrases.contains { lowered.contains(" \($0) ") }
        let claimHasHedge = !claimWords.isDisjoint(with: hedgeWords)
        // The first source sentence with a condition (or hedge) the claim lacks, if any.
        func dropped(_ markers: [String], kind: Discrepancy.Kind, message: (String) -> String) {
            for sentence in sentences {
                if let (range, clause) = marker(in: sentence.text, markers: markers) {
                    found.append(
                        Discrepancy(kind: kind, sourceText: clause, sourceSentence: sentence.index, sourceRange: range, message: message(clause)))
                    return
                }
            }
        }
        if !claimHasCondition {
            dropped(conditionMarkers, kind: .droppedCondition) {
                "the source says \($0) (a condition: if / once / as long as); the claim states it without one"
            }
        }
        if !claimHasHedge {
            dropped(hedgeMarkers, kind: .droppedHedge) { "the source hedges with \($0) (may / perhaps); the claim does not" }
        }
        return (numbers, found)
    }

    /// An Arabic digit, half- or full-width (not 一, which is a number of its own: 三年 is a duration).
    static func isDigit(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return ChineseNumeral.arabicDigit(scalar) != nil
    }

    /// The quantities that stand outside every name (glossary or dictionary term) with a digit
    /// in it: the 36 of 36氪, the 360 of 360集团 are part of a name.
    static func outsideNames(_ quantities: [Quantity], _ names: [NamedTerm]) -> [Quantity] {
        let numbered = names.filter { $0.surface.contains(where: isDigit) }.map(\.range)
        guard !numbered.isEmpty else { return quantities }
        return quantities.filter { q in !numbered.contains { $0.lowerBound <= q.utf8Range.lowerBound && q.utf8Range.upperBound <= $0.upperBound } }
    }

    /// The first marker in `text` and its clause (up to the next comma or stop, at most 16 characters).
    static func marker(in text: String, markers: [String]) -> (Range<Int>, String)? {
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        let stops: Set<Unicode.Scalar> = ["，", ",", "。", "；", ";", "：", ":", "！", "？", "!", "?", "、", " ", "\n"]
        for i in scalars.indices {
            for marker in markers {
                let m = Array(marker.unicodeScalars)
                guard i + m.count <= scalars.count, Array(scalars[i..<(i + m.count)]) == m else { continue }
                if marker == "若" {
                    // 若干 (several), 倘若 and 假若 are handled or no condition; 般若 is a word.
                    let next = i + 1 < scalars.count ? scalars[i + 1] : " "
                    let previous = i > 0 ? scalars[i - 1] : " "
                    if next == "干" || next == "幹" || previous == "般" || previous == "倘" || previous == "假" || previous == "如" { continue }
                }
                if marker == "可能" {
                    // 可能性 (possibility) and 不可能 (impossible) are no hedge.
                    let previous = i > 0 ? scalars[i - 1] : " "
                    if previous == "不" || previous == "有" { continue }
                }
                var end = i + m.count
                while end < scalars.count && end - i < 16 && !stops.contains(scalars[end]) { end += 1 }
                let range = offsets[i]..<offsets[end]
                let clause = String(String.UnicodeScalarView(scalars[i..<end]))
                return (range, clause)
            }
        }
        return nil
    }

    /// A quantity's value in words: "< 200 person", "1–2 year".
    static func describe(_ q: Quantity) -> String {
        if q.kind == .date {
            return [q.year.map(String.init), q.month.map(String.init), q.day.map(String.init)].compactMap { $0 }.joined(separator: "-")
        }
        func number(_ value: Double) -> String {
            if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
            return String(value)
        }
        var value: String
        switch (q.lowerBound, q.upperBound, q.qualifier) {
        case (let l?, let h?, _) where l == h: value = (q.qualifier == .about ? "≈" : "") + number(l)
        case (let l?, let h?, _): value = "\(number(l))–\(number(h))"
        case (nil, let h?, .lessThan): value = "< \(number(h))"
        case (nil, let h?, _): value = "≤ \(number(h))"
        case (let l?, nil, .moreThan): value = "> \(number(l))"
        case (let l?, nil, _): value = "≥ \(number(l))"
        default: value = "?"
        }
        if let unit = q.unit { value += " " + unit }
        return value
    }
}
