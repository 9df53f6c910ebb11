import Foundation

/// What a token's being covered by the other side says about a link, weighed against how often
/// it is covered by chance.
///
/// A claim's word that some dictionary gloss of nearly every source sentence offers ("give",
/// through 给) says little when a sentence covers it; a word that few sentences cover
/// ("sorghum", through 高粱) says much. Each token is weighed as a log-likelihood ratio: a linked
/// span covers it with probability `linked` (½), a span drawn at random with the share `p` of the
/// other side's sentences that cover it. Covering it gains `logit(linked) − logit(p)` (never
/// less than 0); leaving it uncovered costs `log((1 − linked) / (1 − p))`, which is what makes a
/// long span that covers nothing more of the claim worse than a short one.
struct ChanceWeights {
    /// Per token: what its being covered gains (≥ 0).
    var gain: [Float]
    /// Per sentence: what its uncovered tokens cost if none is covered (≤ 0).
    var sentenceMiss: [Float]
    /// Per token: what its staying uncovered costs (≤ 0).
    var miss: [Float]

    /// The probability that a linked span covers a token.
    static let linked: Float = 0.5
    /// The chance rate before any sentence is counted, and how many sentences it weighs as:
    /// against one claim or a source of three sentences, counts alone would say nothing.
    static let prior: Float = 0.05
    static let priorWeight: Float = 20

    /// Weighs the tokens of `side` by how many sentences of `other` cover them.
    /// - Parameters:
    ///   - postings: per feature, the sentences of `other` whose bag holds it, ascending.
    ///   - other: the other side, whose bags tell which sentences hold a token's syllables.
    init(of side: SideFeatures, against other: SideFeatures, postings: [[Int32]]) {
        let count = other.sentenceCount
        var marks = [UInt32](repeating: 0, count: count)
        var stamp: UInt32 = 0
        var known: [TokenKey: Float] = [:]
        var gain = [Float](repeating: 0, count: side.tokenKey.count)
        var miss = [Float](repeating: 0, count: side.tokenKey.count)
        let linked = Self.linked
        for t in 0..<side.tokenKey.count {
            let alternatives = side.alternatives[Int(side.alternativeStart[t])..<Int(side.alternativeStart[t + 1])]
            let syllables = side.syllables[Int(side.syllableStart[t])..<Int(side.syllableStart[t + 1])]
            let key = TokenKey(key: side.tokenKey[t], hasSyllables: !syllables.isEmpty)
            let p: Float
            if let value = known[key] {
                p = value
            } else {
                stamp &+= 1
                if stamp == 0 {
                    for i in marks.indices { marks[i] = 0 }
                    stamp = 1
                }
                var covering = 0
                for feature in alternatives where Int(feature) < postings.count {
                    for sentence in postings[Int(feature)] where marks[Int(sentence)] != stamp {
                        marks[Int(sentence)] = stamp
                        covering += 1
                    }
                }
                // Sentences holding every syllable (a name read as pinyin): the rarest
                // syllable's sentences, checked for the others.
                if let rarest = syllables.filter({ Int($0) < postings.count }).min(by: { postings[Int($0)].count < postings[Int($1)].count }),
                    syllables.allSatisfy({ Int($0) < postings.count })
                {
                    for sentence in postings[Int(rarest)] where marks[Int(sentence)] != stamp {
                        if syllables.allSatisfy({ other.bagContains(Int(sentence), $0) }) {
                            marks[Int(sentence)] = stamp
                            covering += 1
                        }
                    }
                }
                p = min(0.99, (Float(covering) + Self.priorWeight * Self.prior) / (Float(count) + Self.priorWeight))
                known[key] = p
            }
            gain[t] = max(0, Self.logit(linked) - Self.logit(p))
            miss[t] = min(0, logf((1 - linked) / (1 - p)))
        }
        self.gain = gain
        self.miss = miss
        sentenceMiss = (0..<side.sentenceCount).map { i in
            var total: Float = 0
            for t in Int(side.tokenStart[i])..<Int(side.tokenStart[i + 1]) { total += miss[t] }
            return total
        }
    }

    private static func logit(_ p: Float) -> Float { logf(p / (1 - p)) }

    /// Tokens with the same key and the same kind of syllables are covered alike.
    private struct TokenKey: Hashable {
        var key: Int32
        var hasSyllables: Bool
    }
}

extension SideFeatures {
    /// Whether sentence `i`'s bag holds `feature` (the bag is sorted).
    func bagContains(_ i: Int, _ feature: Int32) -> Bool {
        var low = Int(bagStart[i])
        var high = Int(bagStart[i + 1])
        while low < high {
            let middle = (low + high) / 2
            if bag[middle] < feature { low = middle + 1 } else { high = middle }
        }
        return low < Int(bagStart[i + 1]) && bag[low] == feature
    }

    /// The same sentences with each token weighed by `weights` instead of its document frequency.
    func reweighed(_ weights: [Float]) -> SideFeatures {
        var copy = self
        copy.tokenWeight = weights
        copy.sentenceWeight = (0..<sentenceCount).map { i in
            var total: Float = 0
            for t in Int(tokenStart[i])..<Int(tokenStart[i + 1]) { total += weights[t] }
            return total
        }
        return copy
    }
}
