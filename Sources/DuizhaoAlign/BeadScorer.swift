import DuizhaoEmbedding
import Foundation

/// The weights and limits of the aligner; one setting serves every document.
public struct AlignmentParameters: Sendable, Hashable {
    /// Weight of the translation overlap of a bead, per sentence in the bead.
    public var similarity: Float = 1
    /// How much a bead's overlap counts per sentence beyond the first pair: 0 scores every bead
    /// alike (which favours more, smaller beads), 1 scores each sentence alike.
    public var perSentence: Float = 0
    /// Pseudo-weight of a prior overlap `prior` mixed into every bead's overlap, so that a bead
    /// of a few words does not swing from 0 to 1 on one of them.
    public var smoothing: Float = 5
    public var prior: Float = 0.2
    /// Weight of the length term (log-probability of the length difference, Gale–Church).
    public var length: Float = 0.05
    /// Multiplies the document's own estimate of the length variance.
    public var lengthVariance: Float = 1
    /// With the embedding model: weight of the cosine of a bead's two sides (each a window of up
    /// to three sentences embedded as one text, `WindowEmbeddings`) less `meaningCentre`. Off by
    /// default: on mac-dev no weight beat 0.905 strict F1 without the model when left out of the
    /// chapters it was chosen on (0.899, docs/BENCHMARKS.md), nor did eight other fusions
    /// (Benchmarks/eval/align_fusion.py), so at 0 nothing is embedded.
    public var meaning: Float = 0
    public var meaningCentre: Float = 0.85
    /// Weight of agreement of punctuation cues (questions, exclamations, quotations).
    public var cues: Float = 0.08
    /// Cost of leaving a sentence untranslated (1-0, 0-1), per sentence.
    public var skip: Float = 0.3
    /// Costs of the bead types beyond 1-1.
    public var twoOne: Float = 0.03
    public var threeOne: Float = 0.05
    public var twoTwo: Float = 0.1
    public var fourOne: Float = 0.1
    public var threeTwo: Float = 0.15
    /// Cost of the long beads 1-5 and 5-1. A cost of 99 or more leaves a shape out.
    public var fiveOne: Float = 0.3
    /// Multiplies the weight of a Chinese token that nothing in the English within `coverWindow`
    /// sentences of its place on the length diagonal could cover (1: weigh it as any other).
    /// Only the Chinese side: an English sentence the translator added must stay costly to
    /// absorb into a bead, so that it is left out (0-1) rather than padded onto a neighbour.
    public var uncoverable: Float = 0.3
    public var coverWindow: Int = 1000
    /// Half-width of the band around the length diagonal in the first pass, in sentences.
    public var band: Int = 60
    /// Half-width of the band around the first pass's path in the second pass.
    public var window: Int = 8

    public init() {}

    /// Sets parameters from `name=value` pairs separated by commas (for experiments).
    /// - Returns: nil when a name is unknown or a value is not a number.
    public init?(assignments: String) {
        self.init()
        for pair in assignments.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let value = Float(parts[1]) else { return nil }
            switch parts[0] {
            case "similarity": similarity = value
            case "perSentence": perSentence = value
            case "smoothing": smoothing = value
            case "prior": prior = value
            case "length": length = value
            case "lengthVariance": lengthVariance = value
            case "meaning": meaning = value
            case "meaningCentre": meaningCentre = value
            case "cues": cues = value
            case "skip": skip = value
            case "twoOne": twoOne = value
            case "threeOne": threeOne = value
            case "twoTwo": twoTwo = value
            case "fourOne": fourOne = value
            case "threeTwo": threeTwo = value
            case "fiveOne": fiveOne = value
            case "uncoverable": uncoverable = value
            case "coverWindow": coverWindow = Int(max(0, min(value, 1e9)))
            case "band": band = Int(value)
            case "window": window = Int(value)
            default: return nil
            }
        }
    }
}

/// A bead's shape: how many Chinese and English sentences it joins.
struct BeadShape: Sendable, Hashable {
    var chinese: Int
    var english: Int

    /// Every shape the second pass tries, 1-1 first so that ties go to it.
    static let all: [BeadShape] = [
        .init(chinese: 1, english: 1), .init(chinese: 1, english: 0), .init(chinese: 0, english: 1),
        .init(chinese: 1, english: 2), .init(chinese: 2, english: 1), .init(chinese: 1, english: 3),
        .init(chinese: 3, english: 1), .init(chinese: 2, english: 2), .init(chinese: 1, english: 4),
        .init(chinese: 4, english: 1), .init(chinese: 2, english: 3), .init(chinese: 3, english: 2),
        .init(chinese: 1, english: 5), .init(chinese: 5, english: 1),
    ]
    /// The first pass: one-to-one and skips only, for a cheap path to centre the second on.
    static let firstPass: [BeadShape] = Array(all.prefix(3))
}

/// Scores beads: translation overlap of the concatenated sentences, length, punctuation cues.
///
/// Not thread-safe (it keeps scratch marks).
final class BeadScorer {
    let zh: SideFeatures
    let en: SideFeatures
    let parameters: AlignmentParameters
    /// English characters per Chinese character, over the whole document.
    let ratio: Float
    /// Variance of the length difference per character, estimated from the document.
    var variance: Float
    private var marks: CoverageMarks
    /// Both sides' embeddings, when the model is used: of each window of 1…`BeadWindows.size`
    /// consecutive sentences embedded as one text (`BeadWindows.row`).
    let embeddings: (zh: WindowEmbeddings, en: WindowEmbeddings)?

    init(
        zh: SideFeatures, en: SideFeatures, featureCount: Int, parameters: AlignmentParameters,
        embeddings: (zh: WindowEmbeddings, en: WindowEmbeddings)? = nil
    ) {
        self.embeddings = embeddings
        var zh = zh
        if parameters.uncoverable != 1 && zh.sentenceCount > 0 && en.sentenceCount > 0 {
            Self.discount(&zh, against: en, featureCount: featureCount, parameters: parameters)
        }
        self.zh = zh
        self.en = en
        self.parameters = parameters
        let zhTotal = zh.lengths.reduce(0, +)
        let enTotal = en.lengths.reduce(0, +)
        ratio = zhTotal > 0 && enTotal > 0 ? enTotal / zhTotal : 1
        variance = 6.8 * max(ratio, 1)
        marks = CoverageMarks(featureCount: featureCount)
    }

    /// Multiplies by `uncoverable` the weight of each token of `side` that no sentence of
    /// `other` within `coverWindow` sentences of its place on the diagonal could cover: words
    /// the translation has no counterpart for say nothing about which sentences pair up. A
    /// window slides along `other` with a count per feature, so time is linear.
    static func discount(_ side: inout SideFeatures, against other: SideFeatures, featureCount: Int, parameters: AlignmentParameters) {
        let n = side.sentenceCount
        let m = other.sentenceCount
        var counts = [Int32](repeating: 0, count: featureCount)
        var low = 0  // the window is other's sentences low..<high
        var high = 0
        for i in 0..<n {
            let centre = Int((Double(i) + 0.5) * Double(m) / Double(n))
            let wantLow = max(0, min(m, centre - parameters.coverWindow))
            let wantHigh = max(wantLow, min(m, centre + parameters.coverWindow + 1))
            while high < wantHigh {
                for k in Int(other.bagStart[high])..<Int(other.bagStart[high + 1]) { counts[Int(other.bag[k])] += 1 }
                high += 1
            }
            while low < wantLow {
                for k in Int(other.bagStart[low])..<Int(other.bagStart[low + 1]) { counts[Int(other.bag[k])] -= 1 }
                low += 1
            }
            var total: Float = 0
            for t in Int(side.tokenStart[i])..<Int(side.tokenStart[i + 1]) {
                var coverable = false
                for k in Int(side.alternativeStart[t])..<Int(side.alternativeStart[t + 1]) where counts[Int(side.alternatives[k])] > 0 {
                    coverable = true
                    break
                }
                if !coverable {
                    let a = Int(side.syllableStart[t])
                    let b = Int(side.syllableStart[t + 1])
                    if a < b {
                        coverable = true
                        for k in a..<b where counts[Int(side.syllables[k])] == 0 {
                            coverable = false
                            break
                        }
                    }
                }
                if !coverable { side.tokenWeight[t] *= parameters.uncoverable }
                total += side.tokenWeight[t]
            }
            side.sentenceWeight[i] = total
        }
    }

    /// Translation overlap of Chinese sentences `z` and English sentences `e`, from 0 to 1: the
    /// weighted share of the tokens on both sides that the other side covers.
    func similarity(_ z: Range<Int>, _ e: Range<Int>) -> Float {
        guard !z.isEmpty, !e.isEmpty else { return 0 }
        let (zhCovered, zhTotal, enCovered, enTotal) = marks.coverage(zh, z, en, e)
        let total = zhTotal + enTotal + parameters.smoothing
        return total > 0 ? (zhCovered + enCovered + parameters.smoothing * parameters.prior) / total : 0
    }

    /// The cosine of the two sides' embeddings (a side of more sentences than a window holds:
    /// the mean of its sentences'), or nil without the model.
    func meaningSimilarity(_ z: Range<Int>, _ e: Range<Int>) -> Float? {
        guard let embeddings, !z.isEmpty, !e.isEmpty else { return nil }
        let (zw, ew) = embeddings
        if z.count <= WindowEmbeddings.size && e.count <= WindowEmbeddings.size {
            return zw.matrix.dot(zw.row(z), ew.matrix, ew.row(e))
        }
        let dimension = zw.matrix.dimension
        return zw.matrix.values.withUnsafeBufferPointer { zv in
            ew.matrix.values.withUnsafeBufferPointer { ev in
                // Sums of the rows, then their cosine: a bead has at most five sentences a side.
                withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * dimension) { sums in
                    sums.initialize(repeating: 0)
                    for i in z {
                        let row = zw.row(i..<(i + 1))
                        for k in 0..<dimension { sums[k] += zv[row * dimension + k] }
                    }
                    for j in e {
                        let row = ew.row(j..<(j + 1))
                        for k in 0..<dimension { sums[dimension + k] += ev[row * dimension + k] }
                    }
                    var dot: Float = 0
                    var zz: Float = 0
                    var ee: Float = 0
                    for k in 0..<dimension {
                        dot += sums[k] * sums[dimension + k]
                        zz += sums[k] * sums[k]
                        ee += sums[dimension + k] * sums[dimension + k]
                    }
                    return zz > 0 && ee > 0 ? dot / (zz * ee).squareRoot() : 0
                }
            }
        }
    }

    /// Log-probability of the lengths of a bead under the document's length model.
    func lengthLogProbability(_ z: Range<Int>, _ e: Range<Int>) -> Float {
        var lz: Float = 0
        var le: Float = 0
        for i in z { lz += zh.lengths[i] }
        for j in e { le += en.lengths[j] }
        let expected = lz * ratio
        let spread = (variance * parameters.lengthVariance * (expected + le) / 2).squareRoot()
        guard spread > 0 else { return 0 }
        let delta = abs(le - expected) / spread
        let p = Float(erfc(Double(delta) / 2.0.squareRoot()))
        return max(-30, logf(max(p, 1e-30)))
    }

    /// +1 per cue both sides show, −1 per cue only one side shows.
    func cueAgreement(_ z: Range<Int>, _ e: Range<Int>) -> Float {
        var zc: UInt8 = 0
        var ec: UInt8 = 0
        for i in z { zc |= zh.cues[i].rawValue }
        for j in e { ec |= en.cues[j].rawValue }
        let both = (zc & ec).nonzeroBitCount
        let one = (zc ^ ec).nonzeroBitCount
        return Float(both - one)
    }

    /// The cost of a bead's shape.
    func penalty(_ shape: BeadShape) -> Float {
        switch (min(shape.chinese, shape.english), max(shape.chinese, shape.english)) {
        case (0, _): return parameters.skip * Float(shape.chinese + shape.english)
        case (1, 1): return 0
        case (1, 2): return parameters.twoOne
        case (1, 3): return parameters.threeOne
        case (2, 2): return parameters.twoTwo
        case (1, 4): return parameters.fourOne
        case (1, 5): return parameters.fiveOne
        default: return parameters.threeTwo
        }
    }

    /// What the search maximises: overlap per sentence, length and cue terms, less the shape's cost.
    func value(_ z: Range<Int>, _ e: Range<Int>) -> Float {
        let shape = BeadShape(chinese: z.count, english: e.count)
        if z.isEmpty || e.isEmpty { return -penalty(shape) }
        let cost = penalty(shape)
        if cost >= 99 { return -.infinity }
        let sentences = 1 + parameters.perSentence * Float(z.count + e.count - 2)
        let meaning = meaningSimilarity(z, e).map { parameters.meaning * ($0 - parameters.meaningCentre) } ?? 0
        return sentences * parameters.similarity * similarity(z, e) + meaning
            + parameters.length * lengthLogProbability(z, e)
            + parameters.cues * cueAgreement(z, e)
            - cost
    }
}

/// A side's embeddings of every window of consecutive sentences, as Bertalign embeds them: each
/// sentence alone, each pair, each three, joined as one text.
struct WindowEmbeddings {
    /// The longest window.
    static let size = 3

    let matrix: EmbeddingMatrix
    /// The side's sentence count.
    let sentences: Int

    /// The texts of the windows, in row order: all of length 1, then 2, then 3.
    static func texts(_ sentences: [String], separator: String) -> [String] {
        var result: [String] = []
        for length in 1...size where sentences.count >= length {
            for start in 0...(sentences.count - length) {
                result.append(sentences[start..<(start + length)].joined(separator: separator))
            }
        }
        return result
    }

    /// The row of a window of 1…`size` sentences: after the windows of every shorter length.
    func row(_ window: Range<Int>) -> Int {
        var offset = 0
        for length in 1..<window.count { offset += sentences - length + 1 }
        return offset + window.lowerBound
    }
}
