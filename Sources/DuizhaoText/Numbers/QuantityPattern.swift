/// A table entry matched by its scalar pattern.
protocol QuantityPattern: Sendable {
    var pattern: [Unicode.Scalar] { get }
}

/// A unit or measure word after a number.
struct QuantityUnitEntry: QuantityPattern {
    /// Units that need more than a kind: 年 may make a year, 月 and 日 a date, 成 a tenth.
    enum Role: Sendable {
        case plain, year, month, day, hao, cheng, reject
    }
    let pattern: [Unicode.Scalar]
    let kind: Quantity.Kind
    let unit: String?
    var factor = 1.0
    var add = 0.0
    /// 个多月: more than the number of units.
    var more = false
    var role = Role.plain
}

/// A qualifier before (不到, "more than") or after (以上, "or more") a number.
struct QuantityQualifierEntry: QuantityPattern {
    let pattern: [Unicode.Scalar]
    let qualifier: Quantity.Qualifier
    /// "within", 以内: the interval starts at zero.
    var lowerZero = false
    /// "between": needs a range with "and".
    var between = false
    /// 内 only follows durations (两年内).
    var durationOnly = false
}

/// A currency written before the number.
struct QuantityCurrencyEntry: QuantityPattern {
    let pattern: [Unicode.Scalar]
    let code: String
}
