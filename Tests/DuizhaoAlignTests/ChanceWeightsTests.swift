import Testing

@testable import DuizhaoAlign

@Suite struct ChanceWeightsTests {
    /// Sentences of features: each inner array is one token's alternatives.
    private func side(_ sentences: [[[Int32]]], syllables: [[[Int32]]] = []) -> SideFeatures {
        var side = SideFeatures()
        for (i, sentence) in sentences.enumerated() {
            for (t, alternatives) in sentence.enumerated() {
                let own = i < syllables.count && t < syllables[i].count ? syllables[i][t] : []
                side.addToken(key: alternatives.first ?? 100 + Int32(t), alternatives: alternatives, syllables: own, range: 0..<1)
            }
            side.endSentence(length: 10, cues: [])
        }
        side.weigh()
        return side
    }

    private func postings(_ side: SideFeatures, features: Int) -> [[Int32]] {
        var postings = [[Int32]](repeating: [], count: features)
        for i in 0..<side.sentenceCount {
            for k in Int(side.bagStart[i])..<Int(side.bagStart[i + 1]) { postings[Int(side.bag[k])].append(Int32(i)) }
        }
        return postings
    }

    @Test func aWordEverySentenceOffersGainsLessThanARareOne() {
        // Feature 1 is in every one of 60 source sentences, feature 2 in one of them.
        let sources = side(Array(repeating: [[1], [3]], count: 59) + [[[1], [2]]])
        let claims = side([[[1], [2]]])
        let weights = ChanceWeights(of: claims, against: sources, postings: postings(sources, features: 8))
        #expect(weights.gain[0] == 0)
        #expect(weights.gain[1] > 1)
        #expect(weights.miss.allSatisfy { $0 <= 0 })
        #expect(weights.sentenceMiss.count == 1)
    }

    @Test func aNameIsCoveredOnlyWhereAllItsSyllablesAre() {
        // Sentence 0 holds syllables 5 and 6, the 59 others only 5.
        let sources = side([[[], []]] + Array(repeating: [[]], count: 59), syllables: [[[5], [6]]] + Array(repeating: [[5]], count: 59))
        let claims = side([[[7], [8]]], syllables: [[[5, 6], [5]]])
        let weights = ChanceWeights(of: claims, against: sources, postings: postings(sources, features: 9))
        // [5, 6] is in one sentence of 60, [5] in all of them.
        #expect(weights.gain[0] > 1)
        #expect(weights.gain[1] == 0)
    }

    @Test func withFewSentencesThePriorKeepsCoveredWordsWorthSomething() {
        let sources = side([[[1]]])
        let claims = side([[[1]]])
        let weights = ChanceWeights(of: claims, against: sources, postings: postings(sources, features: 2))
        #expect(weights.gain[0] > 1)
    }

    @Test func hubScoresAverageTheBestScoresAMissingOneCountingAsZero() {
        var hubs = HubScores(depth: 2)
        hubs.add(0.5, to: 1)
        #expect(hubs.mean(1) == 0.25)
        hubs.add(0.9, to: 1)
        hubs.add(0.1, to: 1)
        #expect(abs(hubs.mean(1) - 0.7) < 1e-9)
        hubs.add(-1, to: 2)
        #expect(hubs.mean(2) == 0)
    }
}
