import DuizhaoText

/// One word of a segmentation, in UTF-8 byte offsets of the segmented chunk.
struct LatticeWord {
    var start: Int
    var end: Int
    var origin: EdgeOrigin
    /// The scalar value when the word is one CJK ideograph, else 0.
    var ideograph: UInt32
}

/// A dictionary or glossary term found in a chunk, in UTF-8 byte offsets.
struct LatticeTerm {
    var start: Int
    var end: Int
    /// A glossary (user or shipped) term, which must come out whole; else a dictionary word.
    var isGlossary: Bool
}

/// The best segmentation of a chunk of text: the cheapest path through the lattice of its
/// dictionary words, rule words, ICU tokens and single characters.
///
/// Positions are the UTF-8 offsets where a word may begin or end: ICU's boundaries, and every
/// character boundary inside a Han token (but not before a combining mark or variation
/// selector). A glossary term's inside is no position at all, so no path can cut it. The
/// search is one forward pass over the positions, each relaxing the edges that start there;
/// the dictionary edges arrive sorted by start, so the whole is linear in the text and its
/// matches.
///
/// The arrays are kept between chunks to spare the allocations.
struct WordLattice {
    private var allowed: [Bool] = []
    private var cost: [Int32] = []
    private var back: [Int32] = []
    private var via: [EdgeOrigin] = []
    /// Where the ICU token starting at each offset ends, or -1.
    private var icuEnd: [Int32] = []
    /// The length of the chunk in bytes: entries after it are left from a longer chunk.
    private var count = 0

    /// The cheapest path through `text`.
    /// - Parameters:
    ///   - text: the chunk's UTF-8.
    ///   - icuEnds: where ICU's tokens of the chunk end, in order (each starts where the one
    ///     before ends).
    ///   - icuKinds: the kinds of those tokens.
    ///   - terms: dictionary and glossary terms, sorted by start; a glossary term costs one
    ///     word whatever its length.
    mutating func bestPath(
        _ text: UTF8Text, icuEnds: [Int], icuKinds: [TokenKind], terms: [LatticeTerm]
    ) -> [LatticeWord] {
        let n = text.count
        guard n > 0 else { return [] }
        prepare(n)
        count = n
        markPositions(text, icuEnds: icuEnds, icuKinds: icuKinds)
        let hard = keepGlossaryTermsWhole(terms)
        cost[0] = 0
        var nextTerm = 0
        var position = 0
        while position < n {
            let from = position
            let base = cost[from]
            // The next position is also where a single character (or a non-Han ICU token) ends.
            var next = text.after(from)
            while next < n && !allowed[next] { next = text.after(next) }
            position = next
            let isIdeograph = ChineseCharacters.isIdeograph(text.scalar(at: from))
            relax(from, next, base, isIdeograph ? LatticeCost.singleCharacter : LatticeCost.word, .step)
            while nextTerm < terms.count && terms[nextTerm].start < from { nextTerm += 1 }
            var index = nextTerm
            while index < terms.count && terms[index].start == from {
                let term = terms[index]
                index += 1
                if term.isGlossary {
                    if hard.contains(term.start) { relax(from, term.end, base, LatticeCost.word, .term) }
                    continue
                }
                guard !isSplitByConvention(term, text, terms, from: index) else { continue }
                relax(from, term.end, base, LatticeCost.word(ideographs: text.ideographCount(term.start..<term.end)), .word)
            }
            WordFormationRules.edges(from: from, in: text) { end, edgeCost, origin in
                relax(from, end, base, edgeCost, origin)
            }
        }
        var words: [LatticeWord] = []
        var end = n
        while end > 0 {
            let start = Int(back[end])
            let single = text.after(start) == end && via[end] != .term && ChineseCharacters.isIdeograph(text.scalar(at: start))
            let ideograph = single ? text.scalar(at: start) : 0
            words.append(LatticeWord(start: start, end: end, origin: via[end], ideograph: ideograph))
            end = start
        }
        words.reverse()
        return words
    }

    private mutating func prepare(_ n: Int) {
        if allowed.count < n + 1 {
            allowed = Array(repeating: false, count: n + 1)
            cost = Array(repeating: .max, count: n + 1)
            back = Array(repeating: 0, count: n + 1)
            via = Array(repeating: .step, count: n + 1)
            icuEnd = Array(repeating: -1, count: n + 1)
        } else {
            for i in 0...n {
                allowed[i] = false
                cost[i] = .max
                icuEnd[i] = -1
            }
        }
    }

    /// Marks ICU's boundaries and the character boundaries inside its Han tokens.
    private mutating func markPositions(_ text: UTF8Text, icuEnds: [Int], icuKinds: [TokenKind]) {
        var start = 0
        for (end, kind) in zip(icuEnds, icuKinds) {
            allowed[start] = true
            icuEnd[start] = Int32(end)
            if kind == .han {
                var i = text.after(start)
                while i < end {
                    // A mark or selector belongs to the character before it.
                    if !Self.extendsCharacter(text.scalar(at: i)) { allowed[i] = true }
                    i = text.after(i)
                }
            }
            start = end
        }
        allowed[text.count] = true
    }

    /// Whether a scalar belongs to the character before it (a combining mark, a variation
    /// selector, a joiner); ideographs, the common case, answer without a property lookup.
    @inline(__always)
    private static func extendsCharacter(_ value: UInt32) -> Bool {
        if ChineseCharacters.isIdeograph(value) || value < 0x300 { return false }
        if value == 0x200D { return true }
        return Unicode.Scalar(value)?.properties.isGraphemeExtend ?? false
    }

    /// Chooses the glossary terms to keep (longest first, leftmost first, none overlapping) and
    /// removes the positions inside them; returns their starts.
    private mutating func keepGlossaryTermsWhole(_ terms: [LatticeTerm]) -> Set<Int> {
        var starts = Set<Int>()
        var covered = 0
        var index = 0
        while index < terms.count {
            let start = terms[index].start
            var longest = -1
            while index < terms.count && terms[index].start == start {
                if terms[index].isGlossary { longest = max(longest, terms[index].end) }
                index += 1
            }
            guard longest > start, start >= covered else { continue }
            starts.insert(start)
            allowed[start] = true
            allowed[longest] = true
            for i in (start + 1)..<longest { allowed[i] = false }
            covered = longest
        }
        return starts
    }

    /// Whether a dictionary word is one that segmentation standards split: a verb or noun with
    /// the aspect particle 了 or the structural particle 的 (有了, 中的 — CC-CEDICT lists them for
    /// rarer senses), or 副 with a title (副 主席, which the title's own entry then covers).
    private func isSplitByConvention(_ term: LatticeTerm, _ text: UTF8Text, _ terms: [LatticeTerm], from index: Int) -> Bool {
        let first = text.scalar(at: term.start)
        let secondStart = text.after(term.start)
        guard secondStart < term.end else { return false }
        if text.after(secondStart) == term.end {
            switch text.scalar(at: secondStart) {
            case 0x4E86:  // 了, but 为了, 除了 … are prepositions and adverbs of their own
                return !ChineseCharacters.keptBeforeLe.contains(first)
            case 0x7684:  // 的, but 目的, 有的, 别的 … are words
                return !ChineseCharacters.keptBeforeDe.contains(first)
            default:
                return false
            }
        }
        guard first == 0x526F /* 副 */ else { return false }
        var i = index
        while i < terms.count && terms[i].start <= secondStart {
            if terms[i].start == secondStart && terms[i].end == term.end && !terms[i].isGlossary { return true }
            i += 1
        }
        return false
    }

    @inline(__always)
    private mutating func relax(_ from: Int, _ to: Int, _ base: Int32, _ edgeCost: Int32, _ origin: EdgeOrigin) {
        guard to <= count, allowed[to] else { return }
        var total = base &+ edgeCost
        if icuEnd[from] == Int32(to) { total -= LatticeCost.agreesWithICU }
        if total < cost[to] {
            cost[to] = total
            back[to] = Int32(from)
            via[to] = origin
        }
    }
}
