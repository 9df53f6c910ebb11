/// Finds numbers, percentages, sums of money, years, dates and durations in mixed English/Chinese text.
///
/// A phrase is `[qualifier] [currency] number [range] [unit] [trailing qualifier]`, e.g. 不到150人,
/// "between 3 and 5 years", US$5.6 million, 一两年, 2025年1月5日. The scanner walks the text's Unicode
/// scalars once, left to right, with hand-written matchers over fixed tables (no regular expressions);
/// at each place a phrase can start it takes the longest phrase and resumes after it, so the result is
/// sorted and never overlaps.
///
/// Interpretation choices, so that later comparison code knows what the bounds mean:
/// - 十几 is `.range` 11–19 (10 itself would be said 十); 几十 and 数十 are `.range` 20–90, likewise 几百, 几万…
///   English "hundreds", "tens of thousands" follow the same 2–9 pattern (200–900, 20000–90000).
/// - 一两, 两三, 三五, 三四十, 十七八 are `.range` between their two readings.
/// - 100多 / 一百多 / 200余 are `.moreThan` with lower 100 and upper 200: the next step of the last
///   significant digit (三十多 → 30–40, 两千多 → 2000–3000), because 100多 never means 250.
///   After a time unit (两年多, 一个多月) the upper bound is one unit more.
/// - 近, 将近, 接近, "nearly", "almost" are `.about` with the stated number as both bounds, like 约 and
///   "about": in news they mark closeness more than direction, and comparison code adds its own tolerance.
/// - 以上 is `.atLeast`, 以下 `.atMost`; 以内, 之内, 内 and "within" are `.atMost` with lower bound 0.
/// - A lone 一 / "one" with a measure word and no qualifier (一个, 一家, "one of") is not reported: it is
///   mostly the article "a". With a duration, money or percentage (一年, 一成) it is.
/// - Chinese numerals without a unit are reported only when they are unmistakably numbers (两千, 十五,
///   三万五, 十几); single digits and pairs need a unit or qualifier (三人, 约三, not 三星 or 十四五规划).
/// - Digits glued to Latin letters are names, not quantities: GPT-4, R1, H100, 5G, COVID-19. Digits
///   followed by Chinese text without a unit are counts: 360集团 is reported as the count 360.
/// - A 4-digit Arabic number before 年 is a year; any other number before 年 is a duration (两年, 25年).
///   In English, a bare 1900–2100 is a year after in/by/since/until/from/of/before/after/… or next to a
///   month name, otherwise a count.
/// - Dates have kind `.date` and nil bounds; years have the year as both bounds. Spans of months or days
///   (1-3月, 5至7日) are passed over rather than misread as counts.
/// - A scale written once covers both ends of a range: 3至5万 is 30000–50000, "3 to 5 million" likewise.
/// - An article counts as one only for a time unit after a qualifier ("within a year"), never alone
///   ("twice a year"). A minus sign standing apart from other tokens makes the number negative (-0.5%).
public struct QuantityParser: Sendable {
    /// Creates a parser; it holds no state, so one value can be shared freely.
    public init() {}

    /// Every quantity in `text`, sorted by start offset, non-overlapping; at each start the longest phrase wins.
    public func quantities(in text: String) -> [Quantity] {
        QuantityScanner(text).scan()
    }
}

// MARK: - Scanner

/// One pass over a text's scalars; `offsets` maps scalar indices to UTF-8 offsets.
struct QuantityScanner {
    let s: [Unicode.Scalar]
    let offsets: [Int]
    let n: Int

    init(_ text: String) {
        s = Array(text.unicodeScalars)
        n = s.count
        var o: [Int] = []
        o.reserveCapacity(n + 1)
        var offset = 0
        for c in s {
            o.append(offset)
            offset += UTF8.width(c)
        }
        o.append(offset)
        offsets = o
    }

    /// What a phrase attempt found: a quantity, or a stretch to pass over without reporting (1-3月).
    enum Outcome {
        case quantity(Quantity, end: Int)
        case skip(end: Int)
    }

    /// The quantities, left to right.
    func scan() -> [Quantity] {
        var out: [Quantity] = []
        var i = 0
        while i < n {
            let c = s[i]
            let isLetter = QuantityChar.isLetter(c)
            if isLetter || QuantityTables.startScalars.contains(c.value), let outcome = parse(at: i) {
                switch outcome {
                case .quantity(let q, let end):
                    if q.utf8Range.lowerBound >= (out.last?.utf8Range.upperBound ?? 0) { out.append(q) }
                    i = end
                case .skip(let end):
                    i = end
                }
                continue
            }
            i += 1
            // A word that starts no phrase: skip it whole, its letters start nothing either.
            if isLetter {
                while i < n, QuantityChar.isLetter(s[i]) { i += 1 }
            }
        }
        return out
    }

    private func parse(at i: Int) -> Outcome? {
        if QuantityChar.isUpper(s[i]), let (q, end) = monthFirstDate(at: i) { return .quantity(q, end: end) }
        return phrase(at: i)
    }

    // MARK: Phrase

    /// The longest quantity phrase starting exactly at `i`.
    private func phrase(at i: Int) -> Outcome? {
        var j = i
        var prefix: QuantityQualifierEntry?
        if let (entry, e) = match(in: QuantityTables.prefixes, at: j) {
            let k = skipSpaces(e)
            // English qualifiers need a space before the number; "over5" is one token.
            if !(QuantityChar.isLetter(s[e - 1]) && k == e) {
                prefix = entry
                j = k
            }
        }
        var currency: String?
        if let (entry, e) = match(in: QuantityTables.currencies, at: j) {
            currency = entry.code
            j = skipSpaces(e)
        }
        guard j < n else { return nil }
        let a: QuantityRawNumber
        if let x = number(at: j, currency: currency != nil) {
            a = x
        } else if prefix != nil, let article = articleDuration(at: j) {
            a = article  // "within a year", "nearly a decade"
        } else {
            return nil
        }
        if j == i, !leftBoundaryOK(i, script: a.script) { return nil }
        if a.script == .arabic, i > 0, j == i, s[i - 1] == "[", a.end < n, s[a.end] == "]" { return nil }  // [1] cites
        let bare = prefix == nil && currency == nil

        // Dates written with digits and English month names.
        if a.script == .arabic, a.plainInt != nil, bare {
            if let (q, end) = isoDate(a) ?? dayFirstDate(a) { return .quantity(q, end: end) }
        }
        if a.script == .arabic, badTail(a) { return nil }

        var ua = unit(after: a)
        if currency != nil, let u = ua, u.entry.kind != .money { ua = nil }
        if gluedTail(a), ua == nil { return nil }

        // English years: "in 2025", "by 2030".
        if ua == nil, a.script == .arabic, let y = a.plainInt, a.plainDigits == 4, (1900...2100).contains(y),
            currency == nil, prefix == nil || prefix?.qualifier == .about, englishYearContext(before: i, after: a.end)
        {
            let q = prefix == nil ? Quantity.Qualifier.exact : .about
            return .quantity(make(i, a.end, .year, q, Double(y), Double(y), nil, year: y), end: a.end)
        }

        // Chinese years and dates, and units that rule the number out.
        if let u = ua {
            switch u.entry.role {
            case .reject, .hao:
                return nil
            case .year:
                if isYearForm(a), let y = a.plainInt {
                    guard bare else { return nil }
                    return chineseDate(from: i, year: y, month: nil, after: u.end)
                }
                if a.positional { return nil }
            case .month:
                if let m = a.exactInt, (1...12).contains(m), !a.twoForm, a.script != .english {
                    guard bare else { return nil }
                    return chineseDate(from: i, year: nil, month: m, after: u.end)
                }
            case .day:
                if let d = a.exactInt, (1...31).contains(d), a.script != .english {
                    guard bare else { return nil }
                    return .quantity(make(i, u.end, .date, .exact, nil, nil, nil, day: d), end: u.end)
                }
            case .cheng:
                if !(a.hi <= 10 && chengOK(after: u.end)) { ua = nil }
            case .plain:
                break
            }
        }

        // Ranges: 3到5年, "3 to 5 million", 30%-40%, "between 3 and 5", "one or two".
        var range: (lo: Double, hi: Double, unit: UnitMatch?, end: Int)?
        let afterA = ua?.end ?? a.end
        if a.shape == .exact,
            let sepEnd = separator(at: skipSpaces(afterA), spaced: skipSpaces(afterA) > afterA, between: prefix?.between ?? false)
        {
            var k = skipSpaces(sepEnd)
            if let cur = currency, let (entry, e) = match(in: QuantityTables.currencies, at: k), entry.code == cur {
                k = skipSpaces(e)
            }
            if let b = number(at: k, currency: currency != nil), !(b.script == .arabic && badTail(b)) {
                var ub = unit(after: b)
                if currency != nil, let u = ub, u.entry.kind != .money { ub = nil }
                if !(gluedTail(b) && ub == nil) {
                    switch combine(a, ua, b, ub) {
                    case .none: break
                    case .abort: return .skip(end: ub?.end ?? b.end)
                    case .years(let lo, let hi):
                        guard bare, let u = ub else { return .skip(end: ub?.end ?? b.end) }
                        return .quantity(make(i, u.end, .year, .range, lo, hi, nil), end: u.end)
                    case .range(let lo, let hi):
                        range = (lo, hi, ub ?? ua, ub?.end ?? b.end)
                    }
                }
            }
        }
        if prefix?.between == true, range == nil { return nil }

        var lo: Double
        var hi: Double
        var shape: QuantityNumberShape
        let unitMatch: UnitMatch?
        var end: Int
        if let r = range {
            (lo, hi, shape, unitMatch, end) = (r.lo, r.hi, .range, r.unit, r.end)
        } else {
            (lo, hi, shape, unitMatch, end) = (a.lo, a.hi, a.shape, ua, afterA)
        }
        if a.needsUnit, unitMatch == nil, prefix == nil, !a.percent { return nil }
        if a.needsNamedUnit, prefix == nil, unitMatch.map({ $0.entry.kind == .count && $0.entry.unit == nil }) ?? true {
            return nil
        }
        // "between 2020 and 2025": a span of years.
        if let r = range, prefix?.between == true, r.unit == nil, let x = a.plainInt, a.plainDigits == 4,
            (1900...2100).contains(x), (1900...2100).contains(r.hi), r.hi == r.hi.rounded(), r.lo == Double(x)
        {
            return .quantity(make(i, r.end, .year, .range, r.lo, r.hi, nil), end: r.end)
        }

        var kind = Quantity.Kind.count
        var unitName: String?
        if let u = unitMatch {
            kind = u.entry.kind
            unitName = u.entry.unit
            lo = lo * u.entry.factor + u.entry.add
            hi = hi * u.entry.factor + u.entry.add
            if u.entry.more, shape == .exact {
                shape = .more
                hi = lo + 1
            }
        }
        if a.percent, unitMatch == nil {
            kind = .percent
            unitName = "%"
        }
        if let cur = currency {
            kind = .money
            if unitName == nil { unitName = cur }
        }

        // 两年多, 一年半: what follows a Chinese time unit.
        if kind == .duration, shape == .exact, let u = unitMatch, !u.entry.pattern[0].isASCII, end < n {
            if s[end] == "多" || s[end] == "余" || s[end] == "餘",
                !(end + 1 < n && QuantityTables.notMoreAfter.contains(s[end + 1].value))
            {
                shape = .more
                hi = lo + 1
                end += 1
            } else if s[end] == "半" {
                lo += 0.5
                hi += 0.5
                end += 1
            }
        }

        // Trailing qualifiers: 以上, 以内, 左右, "or more".
        var suffix: QuantityQualifierEntry?
        let k = skipSpaces(end)
        if let (entry, e) = match(in: QuantityTables.suffixes, at: k), !entry.durationOnly || kind == .duration,
            k == end || entry.pattern[0].isASCII
        {
            suffix = entry
            end = e
        }

        var qualifier: Quantity.Qualifier
        switch shape {
        case .exact: qualifier = .exact
        case .range: qualifier = .range
        case .more: qualifier = .moreThan
        case .about: qualifier = .about
        }
        var lower: Double? = lo
        var upper: Double? = hi
        var hedge = prefix?.between == true ? nil : prefix
        if let sfx = suffix, hedge == nil || hedge?.qualifier == .about { hedge = sfx }
        if let h = hedge {
            switch h.qualifier {
            case .exact, .range:
                break
            case .about:
                if shape == .exact { qualifier = .about }
            case .lessThan, .atMost:
                qualifier = h.qualifier
                upper = shape == .range ? hi : lo
                lower = h.lowerZero ? 0 : nil
            case .moreThan, .atLeast:
                qualifier = h.qualifier
                lower = lo
                upper = nil
            }
        }
        if kind == .count, qualifier == .exact, a.loneOne, range == nil { return nil }
        // -0.5%, −3: a minus sign standing apart from any word or number.
        var start = i
        if j == i, a.script == .arabic, range == nil, shape == .exact, i > 0, s[i - 1] == "-" || s[i - 1] == "−" || s[i - 1] == "－",
            i == 1 || !(QuantityChar.isLetter(s[i - 2]) || ChineseNumeral.arabicDigit(s[i - 2]) != nil || s[i - 2] == "-")
        {
            start = i - 1
            lower = lower.map { -$0 }
            upper = upper.map { -$0 }
        }
        return .quantity(make(start, end, kind, qualifier, lower, upper, unitName), end: end)
    }

    /// "a year", "an hour", "a decade" after a qualifier: one of a time unit.
    private func articleDuration(at j: Int) -> QuantityRawNumber? {
        guard let (w, e) = word(at: j), w == "a" || w == "an" else { return nil }
        let k = skipSpaces(e)
        guard k > e, let u = unitEntry(at: k), u.entry.kind == .duration, u.entry.pattern[0].isASCII else { return nil }
        return QuantityRawNumber(lo: 1, hi: 1, start: j, end: e, script: .english)
    }

    /// Builds the quantity for scalars `start..<end`.
    func make(
        _ start: Int, _ end: Int, _ kind: Quantity.Kind, _ qualifier: Quantity.Qualifier,
        _ lower: Double?, _ upper: Double?, _ unit: String?, year: Int? = nil, month: Int? = nil, day: Int? = nil
    ) -> Quantity {
        Quantity(
            utf8Range: offsets[start]..<offsets[end], kind: kind, qualifier: qualifier,
            lowerBound: lower, upperBound: upper, unit: unit, year: year, month: month, day: day)
    }
}
