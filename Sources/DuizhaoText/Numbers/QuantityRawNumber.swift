/// How a number is stated before qualifiers: 五, 一两, 100多, 十来.
enum QuantityNumberShape {
    case exact, range, more, about
}

/// Which writing system a number is in; boundaries and dates depend on it.
enum QuantityNumberScript {
    case arabic, chinese, english
}

/// A number as read, before units and qualifiers.
struct QuantityRawNumber {
    var lo: Double
    var hi: Double
    var shape = QuantityNumberShape.exact
    var start: Int
    var end: Int
    var script: QuantityNumberScript
    /// Multiplier of trailing scale words (万, million), so 3至5万 can scale the 3 as well.
    var scale = 1.0
    /// The digits as an integer when written plainly (no comma, decimal or scale), for years and days.
    var plainInt: Int?
    var plainDigits = 0
    /// Chinese digit by digit (二〇二四): only a year, never a count.
    var positional = false
    /// Chinese numerals too ambiguous to report without a unit or qualifier (三, 一两, 百).
    var needsUnit = false
    /// Chinese numerals that a measure word alone does not make a number (千家万户); 人, 元 or 年 do.
    var needsNamedUnit = false
    /// A bare 一 or "one", mostly an article.
    var loneOne = false
    /// Starts with 两, which never names a month (两月 is two months).
    var twoForm = false
    /// Written 百分之…
    var percent = false

    init(lo: Double, hi: Double, start: Int, end: Int, script: QuantityNumberScript) {
        self.lo = lo
        self.hi = hi
        self.start = start
        self.end = end
        self.script = script
    }

    /// The value when it is a single whole number.
    var exactInt: Int? {
        guard shape == .exact, lo == lo.rounded(), lo >= 0, lo < 1e15 else { return nil }
        return Int(lo)
    }
}
