import DuizhaoEmbedding
import Foundation

/// How close in meaning claims and source spans are, by their sentence embeddings, with the
/// margin correction of bitext mining.
///
/// A cosine alone says little: some sentences are close to everything (short ones, lists of
/// names), and a claim about a topic is close to every sentence on it. As in margin-based
/// parallel-sentence mining (Artetxe and Schwenk 2019), each cosine is measured against the mean
/// of the `neighbours` best cosines of both sides: a claim's best source sentences and a source
/// sentence's best claims. A span of several sentences is embedded as the unit-length mean of
/// its sentences' embeddings.
struct MeaningScores {
    /// How many nearest neighbours make a side's baseline.
    static let neighbours = 4
    /// The cosine that stands for a neighbour a side does not have (a source of one sentence, an
    /// article of two claims): the mean cosine of unrelated Chinese and English sentences under
    /// multilingual-e5-small, "query:" on both sides (0.785 on mac-dev, chapter 1's English
    /// against chapter 2's Chinese). Without it a claim's one candidate would be its own baseline.
    static let background: Float = 0.785

    private let claims: EmbeddingMatrix
    private let sentences: EmbeddingMatrix
    /// Each source sentence's row in `sentences`, -1 where it was not embedded.
    private let row: [Int32]
    /// The mean of each claim's best cosines with the source sentences considered.
    private let claimBaseline: [Float]
    /// The mean of each source sentence's best cosines with the claims that considered it.
    private let sentenceBaseline: [Float]
    /// Per claim, the sentences closest to it in meaning, best first (all sentences embedded only).
    let nearest: [[Int]]

    /// Scores over every source sentence: each claim is compared with all of them, and its
    /// `candidates` closest become candidates of its own.
    init(claims: EmbeddingMatrix, allSentences: EmbeddingMatrix, candidates: Int) {
        self.claims = claims
        sentences = allSentences
        row = (0..<allSentences.count).map { Int32($0) }
        var claimBest = [TopScores<Float>](repeating: TopScores(capacity: max(Self.neighbours, candidates)), count: claims.count)
        var sentenceBest = [TopScores<Float>](repeating: TopScores(capacity: Self.neighbours), count: allSentences.count)
        for j in 0..<claims.count {
            for g in 0..<allSentences.count {
                let cosine = claims.dot(j, allSentences, g)
                claimBest[j].add(cosine, g)
                sentenceBest[g].add(cosine, j)
            }
        }
        claimBaseline = Self.baselines(claimBest)
        sentenceBaseline = Self.baselines(sentenceBest)
        nearest = claimBest.map { Array($0.ranked.prefix(candidates)) }
    }

    /// Scores over the candidate sentences of each claim only: `embedded` lists the source
    /// sentences with a row in `someSentences`, `considered` each claim's candidates.
    init(claims: EmbeddingMatrix, someSentences: EmbeddingMatrix, embedded: [Int], sentenceCount: Int, considered: [[Int]]) {
        self.claims = claims
        sentences = someSentences
        var row = [Int32](repeating: -1, count: sentenceCount)
        for (r, g) in embedded.enumerated() { row[g] = Int32(r) }
        self.row = row
        var claimBest = [TopScores<Float>](repeating: TopScores(capacity: Self.neighbours), count: claims.count)
        var sentenceBest = [TopScores<Float>](repeating: TopScores(capacity: Self.neighbours), count: sentenceCount)
        for (j, list) in considered.enumerated() {
            for g in list where row[g] >= 0 {
                let cosine = claims.dot(j, someSentences, Int(row[g]))
                claimBest[j].add(cosine, g)
                sentenceBest[g].add(cosine, j)
            }
        }
        claimBaseline = Self.baselines(claimBest)
        sentenceBaseline = Self.baselines(sentenceBest)
        nearest = Array(repeating: [], count: claims.count)
    }

    /// Each side's baseline: the mean of its `neighbours` best cosines, missing ones at `background`.
    private static func baselines(_ best: [TopScores<Float>]) -> [Float] {
        best.map { $0.mean(neighbours, padding: background) }
    }

    /// The cosine of claim `j` and the span's mean embedding, and its margin over both sides'
    /// baselines; nil when a sentence of the span was not embedded.
    func score(_ span: Range<Int>, _ j: Int) -> (cosine: Double, margin: Double)? {
        var dot: Float = 0
        var squared: Float = 0
        var baseline: Float = 0
        for g in span {
            let r = Int(row[g])
            guard r >= 0 else { return nil }
            dot += claims.dot(j, sentences, r)
            baseline += sentenceBaseline[g]
            for h in span {
                squared += sentences.dot(r, sentences, Int(row[h]))
            }
        }
        guard squared > 0 else { return nil }
        let cosine = Double(dot / squared.squareRoot())
        let margin = cosine - Double(claimBaseline[j] + baseline / Float(span.count)) / 2
        return (cosine, margin)
    }
}

/// The best scores seen, with what scored them, in a small fixed-size list.
struct TopScores<Score: BinaryFloatingPoint> {
    let capacity: Int
    private var scores: [Score] = []
    private var items: [Int] = []
    /// The first of the lowest scores, which the next better one replaces.
    private var lowest = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    mutating func add(_ score: Score, _ item: Int) {
        if scores.count < capacity {
            scores.append(score)
            items.append(item)
            if scores.count == capacity { lowest = Self.firstLowest(scores) }
        } else if scores[lowest] < score {
            scores[lowest] = score
            items[lowest] = item
            lowest = Self.firstLowest(scores)
        }
    }

    private static func firstLowest(_ scores: [Score]) -> Int {
        scores.indices.min { scores[$0] < scores[$1] } ?? 0
    }

    /// The mean of the best `count` scores, `padding` standing for each one not seen.
    func mean(_ count: Int, padding: Score) -> Score {
        let best = count >= scores.count ? scores[...] : scores.sorted(by: >).prefix(count)
        return (best.reduce(0, +) + Score(count - best.count) * padding) / Score(count)
    }

    /// The items, best first (ties by item).
    var ranked: [Int] {
        scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : items[$0] < items[$1] }.map { items[$0] }
    }
}
