/// Scratch marks of which features a pairing's two sides hold, and what each side's tokens
/// the other covers: what `BeadScorer` and the cross-referencer's `SpanScorer` both weigh.
///
/// A token is covered when one of its `alternatives` is among the other side's features, or
/// all its pinyin `syllables` are. The marks are stamped per call, so nothing is cleared
/// between pairings.
struct CoverageMarks {
    private var zhMarks: [UInt32]
    private var enMarks: [UInt32]
    private var stamp: UInt32 = 0

    init(featureCount: Int) {
        zhMarks = [UInt32](repeating: 0, count: featureCount)
        enMarks = [UInt32](repeating: 0, count: featureCount)
    }

    /// The weight of the tokens of Chinese sentences `z` and of those English sentences `e`
    /// cover, and the same of `e` against `z`, each by its side's `tokenWeight`.
    mutating func coverage(_ zh: SideFeatures, _ z: Range<Int>, _ en: SideFeatures, _ e: Range<Int>)
        -> (zhCovered: Float, zhTotal: Float, enCovered: Float, enTotal: Float)
    {
        stamp &+= 1
        if stamp == 0 {
            for i in zhMarks.indices { zhMarks[i] = 0 }
            for i in enMarks.indices { enMarks[i] = 0 }
            stamp = 1
        }
        let s = stamp
        var result: (Float, Float, Float, Float) = (0, 0, 0, 0)
        zhMarks.withUnsafeMutableBufferPointer { zm in
            enMarks.withUnsafeMutableBufferPointer { em in
                zh.bag.withUnsafeBufferPointer { bag in
                    for i in z {
                        for k in Int(zh.bagStart[i])..<Int(zh.bagStart[i + 1]) { zm[Int(bag[k])] = s }
                    }
                }
                en.bag.withUnsafeBufferPointer { bag in
                    for j in e {
                        for k in Int(en.bagStart[j])..<Int(en.bagStart[j + 1]) { em[Int(bag[k])] = s }
                    }
                }
                let (zhCovered, zhTotal) = Self.coverage(zh, z, em, s)
                let (enCovered, enTotal) = Self.coverage(en, e, zm, s)
                result = (zhCovered, zhTotal, enCovered, enTotal)
            }
        }
        return result
    }

    /// The weight of the tokens of `sentences` on `side`, and of those the marks cover.
    @inline(__always)
    private static func coverage(_ side: SideFeatures, _ sentences: Range<Int>, _ marks: UnsafeMutableBufferPointer<UInt32>, _ s: UInt32)
        -> (Float, Float)
    {
        var covered: Float = 0
        var total: Float = 0
        side.alternatives.withUnsafeBufferPointer { alternatives in
            side.syllables.withUnsafeBufferPointer { syllables in
                side.alternativeStart.withUnsafeBufferPointer { alternativeStart in
                    side.syllableStart.withUnsafeBufferPointer { syllableStart in
                        side.tokenWeight.withUnsafeBufferPointer { weight in
                            let first = Int(side.tokenStart[sentences.lowerBound])
                            let end = Int(side.tokenStart[sentences.upperBound])
                            for t in first..<end {
                                let w = weight[t]
                                total += w
                                var hit = false
                                for k in Int(alternativeStart[t])..<Int(alternativeStart[t + 1]) where marks[Int(alternatives[k])] == s {
                                    hit = true
                                    break
                                }
                                if !hit {
                                    let a = Int(syllableStart[t])
                                    let b = Int(syllableStart[t + 1])
                                    if a < b {
                                        hit = true
                                        for k in a..<b where marks[Int(syllables[k])] != s {
                                            hit = false
                                            break
                                        }
                                    }
                                }
                                if hit { covered += w }
                            }
                        }
                    }
                }
            }
        }
        return (covered, total)
    }

}
