/// Dynamic programming over beads inside a band: for each Chinese prefix length `i`, only
/// English prefix lengths `lower[i]...upper[i]` are considered, so time and memory grow with
/// the band's area, not with the product of the documents' lengths.
struct Band {
    var lower: [Int]
    var upper: [Int]

    /// Makes the band searchable: both bounds non-decreasing, the corners inside, and each row
    /// overlapping the next so that a path can always go through.
    mutating func repair(english m: Int) {
        let n = lower.count - 1
        lower[0] = 0
        upper[n] = m
        for i in 0...n {
            lower[i] = min(max(lower[i], 0), m)
            upper[i] = min(max(upper[i], lower[i]), m)
        }
        for i in stride(from: n - 1, through: 0, by: -1) { lower[i] = min(lower[i], lower[i + 1]) }
        for i in 1...max(n, 1) where i <= n { upper[i] = max(upper[i], upper[i - 1]) }
        for i in 1...max(n, 1) where i <= n { lower[i] = min(lower[i], upper[i - 1]) }
    }

    /// Whether a path of beads comes within a few cells of an edge of the band that is not the
    /// edge of the documents.
    func isTouched(by beads: [(Range<Int>, Range<Int>)], english m: Int, margin: Int = 3) -> Bool {
        for (z, e) in beads {
            let i = z.upperBound
            let j = e.upperBound
            if lower[i] > 0 && j - lower[i] < margin { return true }
            if upper[i] < m && upper[i] - j < margin { return true }
        }
        return false
    }

    /// A band of half-width `width` around the diagonal where cumulative lengths agree.
    static func lengthDiagonal(zh: [Float], en: [Float], width: Int) -> Band {
        let n = zh.count
        let m = en.count
        let zhTotal = zh.reduce(0, +)
        let enTotal = en.reduce(0, +)
        var lower = [Int](repeating: 0, count: n + 1)
        var upper = [Int](repeating: 0, count: n + 1)
        var j = 0
        var enSum: Float = 0
        var zhSum: Float = 0
        for i in 0...n {
            if i > 0 { zhSum += zh[i - 1] }
            let target: Float
            if zhTotal > 0 && enTotal > 0 {
                target = zhSum / zhTotal * enTotal
            } else {
                target = Float(i) / Float(max(n, 1)) * Float(m)
            }
            if zhTotal > 0 && enTotal > 0 {
                while j < m && enSum + en[j] / 2 < target {
                    enSum += en[j]
                    j += 1
                }
            } else {
                j = Int(target.rounded())
            }
            lower[i] = j - width
            upper[i] = j + width
        }
        var band = Band(lower: lower, upper: upper)
        band.repair(english: m)
        return band
    }

    /// A band of half-width `width` around a path of cells (i, j).
    static func around(path: [(Int, Int)], chinese n: Int, english m: Int, width: Int) -> Band {
        var low = [Int](repeating: Int.max, count: n + 1)
        var high = [Int](repeating: Int.min, count: n + 1)
        for (i, j) in path {
            low[i] = min(low[i], j)
            high[i] = max(high[i], j)
        }
        // Rows the path jumps over take the bounds of the rows around them.
        var last = 0
        for i in 0...n {
            if low[i] == Int.max {
                low[i] = last
                high[i] = last
            } else {
                last = high[i]
            }
        }
        var band = Band(lower: low.map { $0 - width }, upper: high.map { $0 + width })
        band.repair(english: m)
        return band
    }
}

/// The best path of beads through a band.
struct BandedSearch {
    /// Finds the beads maximising the summed value, as (Chinese range, English range) pairs in order.
    static func run(band: Band, shapes: [BeadShape], chinese n: Int, english m: Int, value: (Range<Int>, Range<Int>) -> Float)
        -> [(Range<Int>, Range<Int>)]
    {
        var rowStart = [Int](repeating: 0, count: n + 2)
        for i in 0...n { rowStart[i + 1] = rowStart[i] + band.upper[i] - band.lower[i] + 1 }
        var score = [Float](repeating: -Float.infinity, count: rowStart[n + 1])
        var back = [UInt8](repeating: UInt8.max, count: rowStart[n + 1])
        score[0] = 0
        for i in 0...n {
            for j in band.lower[i]...band.upper[i] {
                let cell = rowStart[i] + j - band.lower[i]
                var best = score[cell]
                var choice = back[cell]
                for (index, shape) in shapes.enumerated() {
                    let pi = i - shape.chinese
                    let pj = j - shape.english
                    guard pi >= 0, pj >= 0, pj >= band.lower[pi], pj <= band.upper[pi] else { continue }
                    let previous = score[rowStart[pi] + pj - band.lower[pi]]
                    guard previous > -Float.infinity else { continue }
                    let candidate = previous + value(pi..<i, pj..<j)
                    if candidate > best {
                        best = candidate
                        choice = UInt8(index)
                    }
                }
                score[cell] = best
                back[cell] = choice
            }
        }
        var beads: [(Range<Int>, Range<Int>)] = []
        var i = n
        var j = m
        while i > 0 || j > 0 {
            let choice = back[rowStart[i] + j - band.lower[i]]
            // Unreachable cells cannot occur in a repaired band; fall back to skips to be safe.
            let shape = choice == UInt8.max ? (i > 0 ? BeadShape(chinese: 1, english: 0) : BeadShape(chinese: 0, english: 1)) : shapes[Int(choice)]
            beads.append(((i - shape.chinese)..<i, (j - shape.english)..<j))
            i -= shape.chinese
            j -= shape.english
        }
        return beads.reversed()
    }
}
