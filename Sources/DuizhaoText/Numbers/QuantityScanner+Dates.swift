// QuantityScanner: years and dates in Chinese, English and ISO forms.

extension QuantityScanner {
    func isYearForm(_ r: QuantityRawNumber) -> Bool {
        r.plainInt != nil && r.plainDigits == 4 && r.shape == .exact
    }

    /// 2025年1月5日, 2025年, 1月5日: the year and month are known, read on.
    func chineseDate(from start: Int, year: Int?, month: Int?, after k: Int) -> Outcome {
        var end = k
        var month = month
        var day: Int?
        if year != nil, month == nil {
            let k1 = skipSpaces(end)
            if k1 < n, let m = number(at: k1, currency: false), m.script != .english, let v = m.exactInt,
                (1...12).contains(v), !m.twoForm, let u = unit(after: m), u.entry.role == .month
            {
                month = v
                end = u.end
            }
        }
        if month != nil {
            let k2 = skipSpaces(end)
            if k2 < n, let d = number(at: k2, currency: false), d.script != .english, let v = d.exactInt,
                (1...31).contains(v), let u = unit(after: d), u.entry.role == .day || u.entry.role == .hao
            {
                day = v
                end = u.end
            }
        }
        if let y = year, month == nil {
            return .quantity(make(start, end, .year, .exact, Double(y), Double(y), nil, year: y), end: end)
        }
        return .quantity(make(start, end, .date, .exact, nil, nil, nil, year: year, month: month, day: day), end: end)
    }

    /// "January 2025", "Jan. 5, 2025", "Feb. 18", "June 30th".
    func monthFirstDate(at i: Int) -> (Quantity, Int)? {
        guard let (month, e) = monthName(at: i) else { return nil }
        let k = skipSpaces(e)
        guard k > e, let (v, digits, ve) = asciiInt(at: k) else { return nil }
        var end = ve
        if digits <= 2, (1...31).contains(v) {
            if let (w, we) = word(at: end), QuantityTables.ordinalSuffixes.contains(w) {
                end = we
            } else if end < n, QuantityChar.isLetter(s[end]) || badTailAt(end) {
                return nil
            }
            let year = yearAfterDay(end)
            if let (_, ye) = year { end = ye }
            return (make(i, end, .date, .exact, nil, nil, nil, year: year?.0, month: month, day: v), end)
        }
        guard digits == 4, !(end < n && QuantityChar.isLetter(s[end])) else { return nil }
        return (make(i, end, .date, .exact, nil, nil, nil, year: v, month: month), end)
    }

    /// "5 January 2025", "18 Feb".
    func dayFirstDate(_ a: QuantityRawNumber) -> (Quantity, Int)? {
        guard let d = a.plainInt, a.plainDigits <= 2, (1...31).contains(d) else { return nil }
        let k = skipSpaces(a.end)
        guard k > a.end, k < n, let (month, e) = monthName(at: k) else { return nil }
        var end = e
        let year = yearAfterDay(end)
        if let (_, ye) = year { end = ye }
        return (make(a.start, end, .date, .exact, nil, nil, nil, year: year?.0, month: month, day: d), end)
    }

    /// ", 2025" or " 2025" after a day.
    private func yearAfterDay(_ end: Int) -> (Int, Int)? {
        var k = end
        if k < n, s[k] == "," { k += 1 }
        let k2 = skipSpaces(k)
        guard k2 > end, let (y, digits, ye) = asciiInt(at: k2), digits == 4,
            !(ye < n && (QuantityChar.isLetter(s[ye]) || badTailAt(ye)))
        else { return nil }
        return (y, ye)
    }

    /// 2025-01-05, 2025/1/5.
    func isoDate(_ a: QuantityRawNumber) -> (Quantity, Int)? {
        guard let y = a.plainInt, a.plainDigits == 4, a.end + 1 < n, s[a.end] == "-" || s[a.end] == "/",
            let (m, md, me) = asciiInt(at: a.end + 1), md <= 2, (1...12).contains(m),
            me + 1 < n, s[me] == s[a.end], let (d, dd, de) = asciiInt(at: me + 1), dd <= 2, (1...31).contains(d),
            !(de < n && QuantityChar.isLetter(s[de]))
        else { return nil }
        return (make(a.start, de, .date, .exact, nil, nil, nil, year: y, month: m, day: d), de)
    }

    private func monthName(at k: Int) -> (Int, Int)? {
        guard k < n, QuantityChar.isUpper(s[k]), let (w, e) = word(at: k), let m = QuantityTables.months[w] else {
            return nil
        }
        if QuantityTables.monthAbbreviations.contains(w), e < n, s[e] == "." { return (m, e + 1) }
        return (m, e)
    }

    /// Whether a bare 4-digit number reads as a year: "in 2025", "mid-2025", "2025 January".
    func englishYearContext(before i: Int, after end: Int) -> Bool {
        if i > 0, s[i - 1] == "-" { return hyphenYearPrefix(before: i - 1) }
        var k = i - 1
        while k >= 0, QuantityChar.isSpace(s[k]) { k -= 1 }
        if k < i - 1 {
            var b = k
            while b >= 0, QuantityChar.isLetter(s[b]) { b -= 1 }
            if b < k, let (w, _) = word(at: b + 1), QuantityTables.yearContext.contains(w) { return true }
        }
        let k2 = skipSpaces(end)
        return k2 > end && monthName(at: k2) != nil
    }

    /// "mid-2025", "pre-2020", "post-2020": letters before a hyphen that still leave a year.
    func hyphenYearPrefix(before hyphen: Int) -> Bool {
        var b = hyphen - 1
        while b >= 0, QuantityChar.isLetter(s[b]) { b -= 1 }
        guard b < hyphen - 1, let (w, _) = word(at: b + 1) else { return false }
        return w == "mid" || w == "pre" || w == "post"
    }
}
