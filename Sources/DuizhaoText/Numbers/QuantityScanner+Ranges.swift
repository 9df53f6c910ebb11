// QuantityScanner: joining two numbers into one range (3至5万, "between 3 and 5").

extension QuantityScanner {
    enum RangeResult {
        case none
        case abort
        case range(Double, Double)
        case years(Double, Double)
    }

    /// Whether `a … b` is one range, and its bounds after sharing scale and unit.
    func combine(_ a: QuantityRawNumber, _ ua: UnitMatch?, _ b: QuantityRawNumber, _ ub: UnitMatch?) -> RangeResult {
        guard b.shape == .exact || b.shape == .range, b.script == a.script || b.script != .english else { return .none }
        if let u = ub {
            switch u.entry.role {
            case .reject, .hao, .month, .day:
                // 1-3月, 5至7日: spans of calendar months or days; better nothing than a wrong count.
                return ua == nil ? .abort : .none
            case .year where isYearForm(b):
                guard isYearForm(a), ua == nil, let x = a.plainInt, let y = b.plainInt, x < y else { return .abort }
                return .years(Double(x), Double(y))
            case .cheng where !(b.hi <= 10 && chengOK(after: u.end)):
                return .none
            default:
                break
            }
        }
        switch (ua, ub) {
        case (let u1?, let u2?):
            guard u1.entry.kind == u2.entry.kind, u1.entry.unit == u2.entry.unit, u1.entry.factor == u2.entry.factor else {
                return .none
            }
        case (_?, nil):
            return .none
        default:
            break
        }
        if b.percent && !a.percent { return .none }
        if a.percent, let u = ub, u.entry.kind != .percent { return .none }
        var lo = a.lo
        // 3至5万, 三十到五十万, "3 to 5 million": a scale written once applies to both ends.
        if b.scale > a.scale, a.lo * (b.scale / a.scale) <= b.lo { lo *= b.scale / a.scale }
        guard lo < b.hi, lo <= b.lo else { return .none }
        return .range(lo, b.hi)
    }

    /// A range separator at `k`; words ("to", "or", "and") need spaces around them.
    func separator(at k: Int, spaced: Bool, between: Bool) -> Int? {
        guard k < n else { return nil }
        switch s[k] {
        case "-", "–", "~", "～", "〜", "到", "至", "或":
            return k + 1
        default:
            break
        }
        guard spaced, let (w, e) = word(at: k), skipSpaces(e) > e else { return nil }
        if w == "to" || w == "or" || (between && w == "and") { return e }
        return nil
    }
}
