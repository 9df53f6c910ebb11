/// A number found in text, with what it measures and how exactly it is stated.
///
/// Built to compare claims across languages: "fewer than 200 people" and 不到150人 both become a
/// `.count` with unit "person", qualifier `.lessThan` and an upper bound, so later code can test
/// whether the two intervals are compatible without knowing either language.
public struct Quantity: Sendable, Hashable, Codable {
    /// What the number measures.
    public enum Kind: String, Sendable, Codable {
        /// A plain number of things, possibly with a unit such as "person".
        case count
        /// A percentage (unit "%") or percentage points (unit "pp").
        case percent
        /// An amount of money; `unit` holds the ISO 4217 code.
        case money
        /// A calendar year such as 2025年 or "in 2025"; the year is also both bounds (a span of years is a `.range`).
        case year
        /// A calendar date with at least a month or a day; the bounds are nil, compare `year`, `month`, `day`.
        case date
        /// A length of time; `unit` is "year", "month", "week", "day", "hour", "minute" or "second".
        case duration
    }

    /// How the text hedges the number; the bounds already reflect it.
    public enum Qualifier: String, Sendable, Codable {
        /// Stated as is.
        case exact
        /// Approximate: 约, 左右, 近, "about", "nearly"; the bounds are the stated point, comparisons add their own tolerance.
        case about
        /// Strictly below the upper bound: 不到, "fewer than".
        case lessThan
        /// At or below the upper bound: 以下, 以内, "up to", "within".
        case atMost
        /// Strictly above the lower bound: 超过, 多, "more than".
        case moreThan
        /// At or above the lower bound: 至少, 以上, "at least".
        case atLeast
        /// Anywhere between the bounds: 一两年, 3到5年, 十几, "between 3 and 5".
        case range
    }

    /// UTF-8 byte offsets of the matched phrase in the parsed text (including qualifier words like 不到 / "fewer than" and units like 人 / 美元 / "dollars").
    public var utf8Range: Range<Int>
    /// What the number measures.
    public var kind: Kind
    /// How the number is hedged.
    public var qualifier: Qualifier
    /// Inclusive value interval; nil on a side means unbounded (e.g. "fewer than 150": lower nil, upper 150).
    public var lowerBound: Double?
    /// Upper end of the value interval; nil means unbounded.
    public var upperBound: Double?
    /// Normalized unit: "year", "month", "day", "person", "USD", "CNY", "EUR", "%" ... or nil.
    public var unit: String?
    /// For kind .date / .year: the calendar year.
    public var year: Int?
    /// For kind .date: the month, 1–12.
    public var month: Int?
    /// For kind .date: the day of the month, 1–31.
    public var day: Int?

    /// Creates a quantity; the calendar parts default to nil for everything that is not a date.
    public init(
        utf8Range: Range<Int>, kind: Kind, qualifier: Qualifier,
        lowerBound: Double?, upperBound: Double?, unit: String? = nil,
        year: Int? = nil, month: Int? = nil, day: Int? = nil
    ) {
        self.utf8Range = utf8Range
        self.kind = kind
        self.qualifier = qualifier
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.unit = unit
        self.year = year
        self.month = month
        self.day = day
    }
}
