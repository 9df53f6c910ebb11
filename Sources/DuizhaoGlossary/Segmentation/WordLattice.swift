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
    /// A dictionary word's cost from a frequency list (`WordCosts`); 0 without one.
    var cost: Int32 = 0
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
/// The per-offset arrays are kept between chunks, and read and written through pointers: this
/// runs at every character segmented, where arrays' uniqueness and bounds checks cost more
/// than the search itself.
struct WordLattice {
    private let storage = Storage()

    /// The cheapest path through `text`.
    /// - Parameters:
    ///   - text: the chunk's UTF-8.
    ///   - icuEnds: where ICU's tokens of the chunk end, in order (each starts where the one
    ///     before ends).
    ///   - icuKinds: the kinds of those tokens.
    ///   - terms: dictionary and glossary terms, sorted by start; a glossary term costs one
    ///     word whatever its length, a dictionary word its `cost` when it has one, else by its
    ///     length (`LatticeCost.word(ideographs:)`).
    ///   - characterCosts: with word costs, the cost of each single character as a word, by
    ///     offset (0 for one the frequency list does not name, which then costs `unknownCost`);
    ///     empty without word costs, when a character costs `LatticeCost.singleCharacter`.
    ///   - unknownCost: the cost of a single character the frequency list does not name.
    ///   - words: the path, from the start (emptied first; its storage is reused).
    func bestPath(
        _ text: UTF8Text, icuEnds: [Int], icuKinds: [TokenKind], terms: [LatticeTerm],
        characterCosts: [Int32] = [], unknownCost: Int32 = 0, into words: inout [LatticeWord]
    ) {
        words.removeAll(keepingCapacity: true)
        let n = text.count
        guard n > 0 else { return }
        storage.prepare(n)
        let arrays = Arrays(storage, count: n)
        arrays.markPositions(text, icuEnds: icuEnds, icuKinds: icuKinds)
        arrays.keepGlossaryTermsWhole(terms)
        arrays.cost[0] = 0
        var nextTerm = 0
        var position = 0
        while position < n {
            let from = position
            let base = arrays.cost[from]
            // The next position is also where a single character (or a non-Han ICU token) ends.
            var next = text.after(from)
            while next < n && arrays.flags[next] & Arrays.allowed == 0 { next = text.after(next) }
            position = next
            let first = text.scalar(at: from)
            let stepCost: Int32
            if !ChineseCharacters.isIdeograph(first) {
                stepCost = LatticeCost.word
            } else if characterCosts.isEmpty {
                stepCost = LatticeCost.singleCharacter
            } else {
                let cost = characterCosts[from]
                stepCost = cost > 0 ? cost : unknownCost
            }
            arrays.relax(from, next, base, stepCost, .step)
            while nextTerm < terms.count && terms[nextTerm].start < from { nextTerm += 1 }
            var index = nextTerm
            while index < terms.count && terms[index].start == from {
                let term = terms[index]
                index += 1
                if term.isGlossary {
                    if arrays.flags[from] & Arrays.keptTermStart != 0 { arrays.relax(from, term.end, base, LatticeCost.word, .term) }
                    continue
                }
                guard !Self.isSplitByConvention(term, text, terms, from: index) else { continue }
                let ideographs = text.ideographCount(term.start..<term.end)
                let wordCost = term.cost > 0 ? term.cost + LatticeCost.weighedLength(ideographs: ideographs) : LatticeCost.word(ideographs: ideographs)
                arrays.relax(from, term.end, base, wordCost, .word)
            }
            // Most characters start no rule: they are answered here, without the call.
            if WordFormationRules.mayStartRule(first) {
                WordFormationRules.edges(from: from, in: text) { end, edgeCost, origin in
                    arrays.relax(from, end, base, edgeCost, origin)
                }
            }
        }
        var end = n
        while end > 0 {
            let start = Int(arrays.back[end])
            let via = arrays.via[end]
            let single = text.after(start) == end && via != .term && ChineseCharacters.isIdeograph(text.scalar(at: start))
            let ideograph = single ? text.scalar(at: start) : 0
            words.append(LatticeWord(start: start, end: end, origin: via, ideograph: ideograph))
            end = start
        }
        words.reverse()
    }

    /// The per-offset arrays, allocated once and grown as chunks need.
    private final class Storage {
        private(set) var capacity = 0
        private(set) var flags = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        /// Path costs: 64 bits, since a chunk with no place to cut (a long line without 。) can
        /// sum more than 32 bits hold at up to a few thousand per character.
        private(set) var cost = UnsafeMutablePointer<Int64>.allocate(capacity: 1)
        private(set) var back = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        private(set) var via = UnsafeMutablePointer<EdgeOrigin>.allocate(capacity: 1)
        /// Where the ICU token starting at each offset ends, or -1.
        private(set) var icuEnd = UnsafeMutablePointer<Int32>.allocate(capacity: 1)

        /// Makes room for offsets 0...n and clears them.
        func prepare(_ n: Int) {
            if capacity < n + 1 {
                release()
                capacity = n + 1
                flags = .allocate(capacity: capacity)
                cost = .allocate(capacity: capacity)
                back = .allocate(capacity: capacity)
                via = .allocate(capacity: capacity)
                icuEnd = .allocate(capacity: capacity)
                // Every entry the path reads back was written by the search first.
                back.initialize(repeating: 0, count: capacity)
                via.initialize(repeating: .step, count: capacity)
            }
            flags.update(repeating: 0, count: n + 1)
            cost.update(repeating: .max, count: n + 1)
            icuEnd.update(repeating: -1, count: n + 1)
        }

        private func release() {
            flags.deallocate()
            cost.deallocate()
            back.deallocate()
            via.deallocate()
            icuEnd.deallocate()
        }

        deinit { release() }
    }

    /// The arrays of one chunk of `count` bytes, as pointers (valid while the storage lives and
    /// is not prepared again).
    private struct Arrays {
        /// `flags` bit: a word may begin or end at this offset.
        static let allowed: UInt8 = 1
        /// `flags` bit: a glossary term kept whole starts here.
        static let keptTermStart: UInt8 = 2

        let flags: UnsafeMutablePointer<UInt8>
        let cost: UnsafeMutablePointer<Int64>
        let back: UnsafeMutablePointer<Int32>
        let via: UnsafeMutablePointer<EdgeOrigin>
        let icuEnd: UnsafeMutablePointer<Int32>
        let count: Int

        init(_ storage: Storage, count: Int) {
            flags = storage.flags
            cost = storage.cost
            back = storage.back
            via = storage.via
            icuEnd = storage.icuEnd
            self.count = count
        }

        /// Marks ICU's boundaries and the character boundaries inside its Han tokens.
        func markPositions(_ text: UTF8Text, icuEnds: [Int], icuKinds: [TokenKind]) {
            var start = 0
            for (end, kind) in zip(icuEnds, icuKinds) {
                flags[start] |= Self.allowed
                icuEnd[start] = Int32(end)
                if kind == .han {
                    var i = text.after(start)
                    while i < end {
                        // A mark or selector belongs to the character before it.
                        if !WordLattice.extendsCharacter(text.scalar(at: i)) { flags[i] |= Self.allowed }
                        i = text.after(i)
                    }
                }
                start = end
            }
            flags[text.count] |= Self.allowed
        }

        /// Chooses the glossary terms to keep (longest first, leftmost first, none overlapping),
        /// removes the positions inside them, and marks their starts.
        func keepGlossaryTermsWhole(_ terms: [LatticeTerm]) {
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
                flags[start] |= Self.allowed | Self.keptTermStart
                flags[longest] |= Self.allowed
                for i in (start + 1)..<longest { flags[i] &= ~Self.allowed }
                covered = longest
            }
        }

        @inline(__always)
        func relax(_ from: Int, _ to: Int, _ base: Int64, _ edgeCost: Int32, _ origin: EdgeOrigin) {
            guard to <= count, flags[to] & Self.allowed != 0, base != .max else { return }
            var total = base + Int64(edgeCost)
            if icuEnd[from] == Int32(to) { total -= Int64(LatticeCost.agreesWithICU) }
            if total < cost[to] {
                cost[to] = total
                back[to] = Int32(from)
                via[to] = origin
            }
        }
    }

    /// Whether a scalar belongs to the character before it (a combining mark, a variation
    /// selector, a joiner); ideographs, the common case, answer without a property lookup.
    @inline(__always)
    static func extendsCharacter(_ value: UInt32) -> Bool {
        if ChineseCharacters.isIdeograph(value) || value < 0x300 { return false }
        if value == 0x200D { return true }
        return Unicode.Scalar(value)?.properties.isGraphemeExtend ?? false
    }

    /// Whether a dictionary word is one that segmentation standards split: a verb or noun with
    /// the aspect particle 了 or the structural particle 的 (有了, 中的 — CC-CEDICT lists them for
    /// rarer senses), or 副 with a title (副 主席, which the title's own entry then covers).
    private static func isSplitByConvention(_ term: LatticeTerm, _ text: UTF8Text, _ terms: [LatticeTerm], from index: Int) -> Bool {
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
}
