// QuantityScanner: units and measure words after a number.

extension QuantityScanner {
    /// A matched unit and where it lies.
    struct UnitMatch {
        let entry: QuantityUnitEntry
        let start: Int
        let end: Int
    }

    /// The unit right after a number: glued (5km), hyphenated ("five-year") or after spaces.
    func unit(after r: QuantityRawNumber) -> UnitMatch? {
        let k = r.end
        guard k < n else { return nil }
        if QuantityChar.isLetter(s[k]) { return unitEntry(at: k) }
        if s[k] == "-" {
            guard k + 1 < n, QuantityChar.isLetter(s[k + 1]) else { return nil }
            return unitEntry(at: k + 1)
        }
        return unitEntry(at: skipSpaces(k))
    }

    func unitEntry(at k: Int) -> UnitMatch? {
        guard let (entry, e) = match(in: QuantityTables.units, at: k) else { return nil }
        return UnitMatch(entry: entry, start: k, end: e)
    }

    /// 成 is a tenth only when it does not start a word (成本, 成为, 一成不变).
    func chengOK(after k: Int) -> Bool {
        k >= n || !QuantityTables.notChengAfter.contains(s[k].value)
    }

    /// Letters glued to the digits (5G, H100 is caught on the left) or hyphenated (two-thirds): a name or a fraction.
    func gluedTail(_ r: QuantityRawNumber) -> Bool {
        let k = r.end
        guard k < n else { return false }
        if r.script == .arabic, QuantityChar.isLetter(s[k]) { return true }
        return s[k] == "-" && k + 1 < n && QuantityChar.isLetter(s[k + 1])
    }

    /// Version numbers, times and fractions: 3.5.1, 10:30, 24/7.
    func badTail(_ r: QuantityRawNumber) -> Bool {
        let k = r.end
        guard k + 1 < n, ChineseNumeral.arabicDigit(s[k + 1]) != nil else { return false }
        return s[k] == "." || s[k] == ":" || s[k] == "/" || s[k] == "："
    }
}
