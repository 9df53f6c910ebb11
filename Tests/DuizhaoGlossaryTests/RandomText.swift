/// Seeded random texts made of given pieces, for the property tests: the same seed gives the
/// same texts, one after another.
struct RandomText {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The next text: fewer than `limit` pieces, each drawn from `pieces`.
    mutating func next(from pieces: [String], limit: UInt64) -> String {
        var text = ""
        for _ in 0..<(state % limit) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += pieces[Int(state >> 33) % pieces.count]
        }
        return text
    }
}
