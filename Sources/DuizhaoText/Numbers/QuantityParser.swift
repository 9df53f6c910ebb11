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
    private func make(
        _ start: Int, _ end: Int, _ kind: Quantity.Kind, _ qualifier: Quantity.Qualifier,
        _ lower: Double?, _ upper: Double?, _ unit: String?, year: Int? = nil, month: Int? = nil, day: Int? = nil
    ) -> Quantity {
        Quantity(
            utf8Range: offsets[start]..<offsets[end], kind: kind, qualifier: qualifier,
            lowerBound: lower, upperBound: upper, unit: unit, year: year, month: month, day: day)
    }

    // MARK: Ranges

    private enum RangeResult {
        case none
        case abort
        case range(Double, Double)
        case years(Double, Double)
    }

    /// Whether `a … b` is one range, and its bounds after sharing scale and unit.
    private func combine(_ a: QuantityRawNumber, _ ua: UnitMatch?, _ b: QuantityRawNumber, _ ub: UnitMatch?) -> RangeResult {
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
    private func separator(at k: Int, spaced: Bool, between: Bool) -> Int? {
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

    // MARK: Numbers

    /// A number starting exactly at `j`, with 多/余/来 and the scales that may follow it.
    private func number(at j: Int, currency: Bool) -> QuantityRawNumber? {
        guard j < n else { return nil }
        let c = s[j]
        if ChineseNumeral.arabicDigit(c) != nil { return arabic(at: j, currency: currency) }
        if c == "百" || c == "佰", let e = matchLiteral(QuantityTables.percentPrefix, at: j) {
            let k = skipSpaces(e)
            guard k < n else { return nil }
            let inner = ChineseNumeral.arabicDigit(s[k]) != nil ? arabic(at: k, currency: false) : chinese(at: k)
            guard var r = inner else { return nil }
            r.start = j
            r.percent = true
            r.needsUnit = false
            r.needsNamedUnit = false
            r.loneOne = false
            r.plainInt = nil
            r.positional = false
            return r
        }
        if QuantityChar.isChineseNumeral(c) { return chinese(at: j) }
        if QuantityChar.isLetter(c) { return english(at: j) }
        return nil
    }

    /// 1,200, 5.6, ５６０万, 5.6 million, 3bn, 100多万.
    private func arabic(at j: Int, currency: Bool) -> QuantityRawNumber? {
        var k = j
        var mantissa = 0.0
        var intDigits = 0
        var places = 0
        var comma = false
        while k < n, let d = ChineseNumeral.arabicDigit(s[k]) {
            mantissa = mantissa * 10 + Double(d)
            intDigits += 1
            k += 1
        }
        guard intDigits > 0 else { return nil }
        // Thousands separators only in well-formed groups, so "1,2,3" stays three numbers.
        if intDigits <= 3 {
            while k + 3 < n, s[k] == ",",
                let d1 = ChineseNumeral.arabicDigit(s[k + 1]), let d2 = ChineseNumeral.arabicDigit(s[k + 2]),
                let d3 = ChineseNumeral.arabicDigit(s[k + 3]),
                k + 4 >= n || ChineseNumeral.arabicDigit(s[k + 4]) == nil
            {
                mantissa = mantissa * 1000 + Double(d1 * 100 + d2 * 10 + d3)
                intDigits += 3
                comma = true
                k += 4
            }
        }
        if k + 1 < n, s[k] == "." || s[k] == "．", ChineseNumeral.arabicDigit(s[k + 1]) != nil {
            k += 1
            while k < n, let d = ChineseNumeral.arabicDigit(s[k]) {
                mantissa = mantissa * 10 + Double(d)
                places += 1
                k += 1
            }
        }
        var scale = 1.0
        while k < n, let sc = chineseScaleAfterNumber(at: k) {
            scale *= sc
            k += 1
        }
        if scale == 1 {
            // 5 亿元 in spaced-out Chinese; only before a unit, or "2025 百度" would read as 202500.
            var probe = skipSpaces(k)
            var spaced = 1.0
            while probe < n, let sc = chineseScaleAfterNumber(at: probe) {
                spaced *= sc
                probe += 1
            }
            if spaced > 1, probe > k, probe < n, !s[probe].isASCII, unitEntry(at: probe) != nil {
                scale = spaced
                k = probe
            }
        }
        if scale == 1, k < n {
            if QuantityChar.isLetter(s[k]) {
                if let (w, e) = word(at: k), let sc = QuantityTables.scaleAfterDigits[w] ?? (currency ? QuantityTables.scaleAfterCurrency[w] : nil) {
                    scale = sc
                    k = e
                }
            } else {
                let k2 = skipSpaces(k)
                if k2 > k, let (w, e) = word(at: k2), let sc = QuantityTables.scaleAfterDigits[w] {
                    scale = sc
                    k = e
                }
            }
        }
        let p = ChineseNumeral.powerOfTen(places)
        let value = mantissa * scale / p
        var r = QuantityRawNumber(lo: value, hi: value, start: j, end: k, script: .arabic)
        r.scale = scale
        if !comma, places == 0, scale == 1, intDigits <= 15 {
            r.plainInt = Int(mantissa)
            r.plainDigits = intDigits
        }
        if places == 0 { applyMarker(&r) }
        return r
    }

    /// A Chinese scale character glued to a number, unless it starts a word (百分之, 千米).
    private func chineseScaleAfterNumber(at k: Int) -> Double? {
        guard let sc = ChineseNumeral.scale(s[k]), !ChineseNumeral.isFinancial(s[k]) else { return nil }
        if k + 1 < n {
            if sc == 100, s[k + 1] == "分" { return nil }
            if sc == 1000, s[k + 1] == "米" || s[k + 1] == "克" || s[k + 1] == "瓦" { return nil }
        }
        return sc
    }

    /// A run of Chinese numerals: 两千, 一两, 十几, 数百, 三点五亿.
    private func chinese(at j: Int) -> QuantityRawNumber? {
        var chars: [Unicode.Scalar] = []
        var k = j
        var shu = false
        if s[j] == "数" || s[j] == "數" {
            guard j + 1 < n, ChineseNumeral.scale(s[j + 1]) != nil else { return nil }
            chars.append("几")
            shu = true
            k += 1
        }
        while k < n {
            let c = s[k]
            if ChineseNumeral.digit(c) != nil || c == "几" || c == "幾" {
                chars.append(c)
            } else if ChineseNumeral.scale(c) != nil {
                if k + 1 < n, c == "百" || c == "佰", s[k + 1] == "分" { break }
                if k + 1 < n, c == "千", s[k + 1] == "米" || s[k + 1] == "克" || s[k + 1] == "瓦" { break }
                chars.append(c)
            } else if ChineseNumeral.isPoint(c), !chars.isEmpty, k + 1 < n, ChineseNumeral.digit(s[k + 1]) != nil,
                !ChineseNumeral.isTwo(s[k + 1])
            {
                chars.append(c)
            } else {
                break
            }
            k += 1
        }
        guard let first = chars.first else { return nil }
        if ChineseNumeral.digit(first) == 0, !(chars.count > 1 && ChineseNumeral.isPoint(chars[1])) { return nil }  // 零件, 零一万物
        if let sc = ChineseNumeral.scale(first), sc >= 10_000 { return nil }  // 万一, 亿元
        if chars.contains(where: ChineseNumeral.isFinancial), chars.count < 2 { return nil }  // 大陆, 收拾

        let hasScale = chars.contains { ChineseNumeral.scale($0) != nil }
        var r = QuantityRawNumber(lo: 0, hi: 0, start: j, end: k, script: .chinese)
        r.twoForm = ChineseNumeral.isTwo(first)
        if let ji = chars.firstIndex(where: { $0 == "几" || $0 == "幾" }) {
            guard chars.lastIndex(where: { $0 == "几" || $0 == "幾" }) == ji else { return nil }
            // Leading 几 multiplies a scale (几十 = 20…90); elsewhere it is a last digit (十几 = 11…19).
            var low = chars
            var high = chars
            low[ji] = ji == 0 && chars.count > 1 ? "二" : "一"
            high[ji] = "九"
            if chars.count == 1 { low[ji] = "二" }
            guard let lo = ChineseNumeral.value(low[...]), let hi = ChineseNumeral.value(high[...]), lo < hi else { return nil }
            (r.lo, r.hi, r.shape) = (lo, hi, .range)
            r.needsUnit = shu || !hasScale
        } else if !hasScale, chars.count == 2, let (lo, hi, _) = pairRange(chars, strict: true) {
            (r.lo, r.hi, r.shape) = (lo, hi, .range)
            r.needsUnit = true
        } else if let v = ChineseNumeral.value(chars[...]) {
            (r.lo, r.hi) = (v, v)
            let isDecimal = chars.contains(where: ChineseNumeral.isPoint)
            if !hasScale, chars.count >= 2, !isDecimal {
                guard v < 1e15 else { return nil }
                r.positional = true
                r.plainInt = Int(v)
                r.plainDigits = chars.count
            }
            let leadingHundreds = first == "百" || first == "千" || first == "佰" || first == "仟"
            r.needsUnit = !hasScale || chars.count < 2 || leadingHundreds
            // 千家万户, 百家争鸣: a bare 百 or 千 with a mere measure word is an idiom, with 人 or 元 a number.
            r.needsNamedUnit = leadingHundreds
            r.loneOne = chars.count == 1 && ChineseNumeral.digit(first) == 1
        } else if hasScale, let (lo, hi, leading) = pairRange(chars, strict: false) {
            (r.lo, r.hi, r.shape) = (lo, hi, .range)
            // 两三千 and 三四十 are plainly numbers; 十七八 needs a unit, or 十四五(规划) would count.
            r.needsUnit = !leading
        } else {
            return nil
        }
        for c in chars.reversed() {
            guard let sc = ChineseNumeral.scale(c) else { break }
            r.scale *= sc
        }
        applyMarker(&r)
        return r
    }

    /// 一两, 两三, 三五, 三四十, 十七八: two neighbouring digits read as a range; `leading` when the pair
    /// opens the number and a scale follows (两三千).
    private func pairRange(_ chars: [Unicode.Scalar], strict: Bool) -> (Double, Double, leading: Bool)? {
        var found: Int?
        for p in 0..<(chars.count - 1) {
            guard let d1 = ChineseNumeral.digit(chars[p]), d1 > 0,
                let d2 = ChineseNumeral.digit(chars[p + 1]), d2 > 0
            else { continue }
            guard found == nil else { return nil }
            found = p
        }
        guard let p = found, let d1 = ChineseNumeral.digit(chars[p]), let d2 = ChineseNumeral.digit(chars[p + 1]),
            d2 == d1 + 1 || (d1 == 3 && d2 == 5)
        else { return nil }
        // Bare pairs read 两 for two (一两, 两三); 一二 and 二三 are more likely abbreviations.
        if strict, d1 == 1 && !ChineseNumeral.isTwo(chars[p + 1]) || d1 == 2 && !ChineseNumeral.isTwo(chars[p]) {
            return nil
        }
        var low = chars
        low.remove(at: p + 1)
        var high = chars
        high.remove(at: p)
        guard let lo = ChineseNumeral.value(low[...]), let hi = ChineseNumeral.value(high[...]), lo < hi else { return nil }
        let leading = p == 0 && p + 2 < chars.count && ChineseNumeral.scale(chars[p + 2]) != nil
        return (lo, hi, leading)
    }

    /// 100多(万), 200余, 十来: hedges written right after the number.
    private func applyMarker(_ r: inout QuantityRawNumber) {
        var k = r.end
        guard k < n, r.shape == .exact, r.lo >= 1, r.lo == r.lo.rounded(), r.lo < 1e15 else { return }
        let c = s[k]
        if c == "多" || c == "余" || c == "餘" {
            if k + 1 < n, s[k + 1] == "于" || s[k + 1] == "於" { return }  // 100多于…: a comparison
            var place = 1.0
            var v = Int(r.lo)
            while v % 10 == 0 {
                v /= 10
                place *= 10
            }
            r.hi = r.lo + place
            r.shape = .more
            k += 1
            while k < n, let sc = chineseScaleAfterNumber(at: k) {
                r.lo *= sc
                r.hi *= sc
                r.scale *= sc
                k += 1
            }
            r.end = k
            r.plainInt = nil
            r.positional = false
            r.loneOne = false
        } else if c == "来" || c == "來", r.lo >= 10, Int(r.lo) % 10 == 0, k + 1 < n, unitEntry(at: skipSpaces(k + 1)) != nil {
            r.shape = .about
            r.end = k + 1
            r.plainInt = nil
            r.positional = false
        }
    }

    /// "two", "twenty-one", "one hundred and five", "a dozen", "hundreds", "tens of thousands".
    private func english(at j: Int) -> QuantityRawNumber? {
        guard let (w, e) = word(at: j) else { return nil }
        if var base = QuantityTables.pluralScales[w] {
            var end = e
            if w == "tens" || w == "hundreds" {
                let k = skipSpaces(e)
                if k > e, let (w2, e2) = word(at: k), w2 == "of" {
                    let k3 = skipSpaces(e2)
                    if k3 > e2, let (w3, e3) = word(at: k3), let b3 = QuantityTables.pluralScales[w3], b3 >= 1000 {
                        base *= b3
                        end = e3
                    }
                }
            }
            guard base > 10 else { return nil }
            var r = QuantityRawNumber(lo: 2 * base, hi: 9 * base, start: j, end: end, script: .english)
            r.shape = .range
            return r
        }
        var accumulator = EnglishNumber.Accumulator()
        var best: (end: Int, value: Double, lone: Bool)?
        var start = j
        while let (w, e) = word(at: start), let token = EnglishNumber.tokens[w], accumulator.feed(token) {
            if accumulator.isComplete { best = (e, accumulator.value, accumulator.isLoneOne) }
            if e + 1 < n, s[e] == "-", accumulator.lastIsTens, QuantityChar.isLetter(s[e + 1]) {
                start = e + 1
                continue
            }
            let k = skipSpaces(e)
            guard k > e else { break }
            start = k
        }
        guard let b = best else { return nil }
        var r = QuantityRawNumber(lo: b.value, hi: b.value, start: j, end: b.end, script: .english)
        r.loneOne = b.lone
        return r
    }

    // MARK: Units

    /// A matched unit and where it lies.
    struct UnitMatch {
        let entry: QuantityUnitEntry
        let start: Int
        let end: Int
    }

    /// The unit right after a number: glued (5km), hyphenated ("five-year") or after spaces.
    private func unit(after r: QuantityRawNumber) -> UnitMatch? {
        let k = r.end
        guard k < n else { return nil }
        if QuantityChar.isLetter(s[k]) { return unitEntry(at: k) }
        if s[k] == "-" {
            guard k + 1 < n, QuantityChar.isLetter(s[k + 1]) else { return nil }
            return unitEntry(at: k + 1)
        }
        return unitEntry(at: skipSpaces(k))
    }

    private func unitEntry(at k: Int) -> UnitMatch? {
        guard let (entry, e) = match(in: QuantityTables.units, at: k) else { return nil }
        return UnitMatch(entry: entry, start: k, end: e)
    }

    /// 成 is a tenth only when it does not start a word (成本, 成为, 一成不变).
    private func chengOK(after k: Int) -> Bool {
        k >= n || !QuantityTables.notChengAfter.contains(s[k].value)
    }

    /// Letters glued to the digits (5G, H100 is caught on the left) or hyphenated (two-thirds): a name or a fraction.
    private func gluedTail(_ r: QuantityRawNumber) -> Bool {
        let k = r.end
        guard k < n else { return false }
        if r.script == .arabic, QuantityChar.isLetter(s[k]) { return true }
        return s[k] == "-" && k + 1 < n && QuantityChar.isLetter(s[k + 1])
    }

    /// Version numbers, times and fractions: 3.5.1, 10:30, 24/7.
    private func badTail(_ r: QuantityRawNumber) -> Bool {
        let k = r.end
        guard k + 1 < n, ChineseNumeral.arabicDigit(s[k + 1]) != nil else { return false }
        return s[k] == "." || s[k] == ":" || s[k] == "/" || s[k] == "："
    }

    // MARK: Dates

    private func isYearForm(_ r: QuantityRawNumber) -> Bool {
        r.plainInt != nil && r.plainDigits == 4 && r.shape == .exact
    }

    /// 2025年1月5日, 2025年, 1月5日: the year and month are known, read on.
    private func chineseDate(from start: Int, year: Int?, month: Int?, after k: Int) -> Outcome {
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
    private func monthFirstDate(at i: Int) -> (Quantity, Int)? {
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
    private func dayFirstDate(_ a: QuantityRawNumber) -> (Quantity, Int)? {
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
    private func isoDate(_ a: QuantityRawNumber) -> (Quantity, Int)? {
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
    private func englishYearContext(before i: Int, after end: Int) -> Bool {
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
    private func hyphenYearPrefix(before hyphen: Int) -> Bool {
        var b = hyphen - 1
        while b >= 0, QuantityChar.isLetter(s[b]) { b -= 1 }
        guard b < hyphen - 1, let (w, _) = word(at: b + 1) else { return false }
        return w == "mid" || w == "pre" || w == "post"
    }

    // MARK: Boundaries

    /// A number may not continue a Latin token (GPT-4, R1), another number (1.2.3) or an ordinal (第三).
    private func leftBoundaryOK(_ i: Int, script: QuantityNumberScript) -> Bool {
        guard i > 0 else { return true }
        let p = s[i - 1]
        if p == "第" { return false }
        switch script {
        case .arabic:
            if QuantityChar.isLetter(p) || ChineseNumeral.arabicDigit(p) != nil { return false }
            if i >= 2, p == "-" || p == "_" || p == "." || p == "/" || p == ":" || p == "," {
                let pp = s[i - 2]
                if ChineseNumeral.arabicDigit(pp) != nil { return p == "," ? true : false }
                if QuantityChar.isLetter(pp) { return p == "-" && hyphenYearPrefix(before: i - 1) }
            }
            return true
        case .chinese:
            return !QuantityChar.isChineseNumeral(p) && !ChineseNumeral.isPoint(p) && p != "数" && p != "數"
        case .english:
            return true
        }
    }

    private func badTailAt(_ k: Int) -> Bool {
        k + 1 < n && (s[k] == "." || s[k] == ":" || s[k] == "/") && ChineseNumeral.arabicDigit(s[k + 1]) != nil
    }

    // MARK: Matching

    private func skipSpaces(_ k: Int) -> Int {
        var k = k
        while k < n, QuantityChar.isSpace(s[k]) { k += 1 }
        return k
    }

    /// The lowercased ASCII word starting at `k`, and its end.
    private func word(at k: Int) -> (String, Int)? {
        guard k < n, QuantityChar.isLetter(s[k]) else { return nil }
        var e = k
        var w = String.UnicodeScalarView()
        while e < n, QuantityChar.isLetter(s[e]) {
            w.append(EnglishNumber.lowercased(s[e]))
            e += 1
        }
        return (String(w), e)
    }

    /// Plain ASCII digits at `k`: value, digit count, end.
    private func asciiInt(at k: Int) -> (Int, Int, Int)? {
        var e = k
        var v = 0
        while e < n, s[e].isASCII, let d = ChineseNumeral.arabicDigit(s[e]), e - k < 9 {
            v = v * 10 + d
            e += 1
        }
        guard e > k, !(e < n && ChineseNumeral.arabicDigit(s[e]) != nil) else { return nil }
        return (v, e - k, e)
    }

    /// A pattern at `k`: a space in the pattern matches any run of spaces, ASCII letters match either case,
    /// and a pattern ending in a letter must end a word.
    private func matchLiteral(_ pattern: [Unicode.Scalar], at k: Int) -> Int? {
        var j = k
        for p in pattern {
            if p == " " {
                guard j < n, QuantityChar.isSpace(s[j]) else { return nil }
                j = skipSpaces(j)
            } else {
                guard j < n, EnglishNumber.lowercased(s[j]) == p else { return nil }
                j += 1
            }
        }
        if let last = pattern.last, QuantityChar.isLetter(last), j < n, QuantityChar.isLetter(s[j]) { return nil }
        return j
    }

    /// The longest entry of `table` matching at `k`.
    private func match<E: QuantityPattern>(in table: [UInt32: [E]], at k: Int) -> (E, Int)? {
        guard k < n, let candidates = table[EnglishNumber.lowercased(s[k]).value] else { return nil }
        for entry in candidates {
            if let e = matchLiteral(entry.pattern, at: k) { return (entry, e) }
        }
        return nil
    }
}

// MARK: - Parsed numbers

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

// MARK: - Tables

/// Character classes on scalars, kept here rather than as extensions so they cannot clash with other files.
enum QuantityChar {
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
    }

    static func isUpper(_ c: Unicode.Scalar) -> Bool { c.value >= 0x41 && c.value <= 0x5A }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0xA0, 0x2009, 0x202F, 0x3000: return true
        default: return false
        }
    }

    /// Characters a Chinese number is made of (digits, scales, 几); 数 and 点 only in context.
    static func isChineseNumeral(_ c: Unicode.Scalar) -> Bool {
        ChineseNumeral.digit(c) != nil || ChineseNumeral.scale(c) != nil || c == "几" || c == "幾" || c == "数" || c == "數"
    }
}

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

/// The fixed vocabularies, indexed by first (lowercased) scalar with the longest patterns first.
enum QuantityTables {
    static func index<E: QuantityPattern>(_ entries: [E]) -> [UInt32: [E]] {
        var table: [UInt32: [E]] = [:]
        for e in entries { table[e.pattern[0].value, default: []].append(e) }
        for key in table.keys { table[key]?.sort { $0.pattern.count > $1.pattern.count } }
        return table
    }

    static let percentPrefix = Array("百分之".unicodeScalars)

    static let units: [UInt32: [QuantityUnitEntry]] = {
        var list: [QuantityUnitEntry] = []
        func add(
            _ words: [String], _ kind: Quantity.Kind, _ unit: String?, factor: Double = 1, plus: Double = 0,
            more: Bool = false, role: QuantityUnitEntry.Role = .plain
        ) {
            for w in words {
                list.append(
                    QuantityUnitEntry(
                        pattern: Array(w.unicodeScalars), kind: kind, unit: unit, factor: factor, add: plus, more: more,
                        role: role))
            }
        }
        add(["人", "名", "位", "个人", "個人", "people", "persons", "person"], .count, "person")
        // English counts people by what they are; Chinese by 人 or 名 ("200 employees", 不到150人).
        add(
            [
                "employees", "employee", "staff", "staffers", "workers", "engineers", "researchers", "scientists", "members",
                "students", "residents", "soldiers", "passengers", "patients", "doctors", "teachers", "journalists",
            ], .count, "person")
        add(["人次"], .count, "person-time")
        add(["岁", "歲", "周岁", "週歲", "years old", "year old", "year-old", "years-old"], .count, "age")
        add(["倍", "times", "fold"], .count, "times")
        add(
            [
                "个", "個", "家", "项", "項", "件", "种", "種", "台", "辆", "輛", "架", "艘", "座", "所", "条", "條", "只", "隻",
                "张", "張", "篇", "本", "部", "款", "次", "场", "場", "份", "户", "戶", "批", "例", "起", "宗", "枚", "颗",
                "顆", "套", "栋", "棟", "间", "間", "支", "股", "轮", "輪",
            ], .count, nil)
        add(["公里", "千米", "km", "kilometers", "kilometres"], .count, "km")
        add(["米", "meters", "metres"], .count, "m")
        add(["吨", "噸", "tons", "tonnes"], .count, "t")
        add(["公斤", "千克", "kg"], .count, "kg")
        add(["平方米", "平方公尺"], .count, "m2")
        add(["平方公里"], .count, "km2")
        add(["miles"], .count, "mi")

        add(["%", "％", "percent", "per cent", "pct"], .percent, "%")
        add(["个百分点", "個百分點", "百分点", "百分點", "percentage points", "percentage point"], .percent, "pp")
        add(["成"], .percent, "%", factor: 10, role: .cheng)

        add(["美元", "美金", "dollars", "dollar", "us dollars", "u.s. dollars", "usd"], .money, "USD")
        add(["元", "元人民币", "元人民幣", "人民币", "人民幣", "块钱", "塊錢", "yuan", "renminbi", "rmb", "cny"], .money, "CNY")
        add(["欧元", "歐元", "euros", "euro", "eur"], .money, "EUR")
        add(["港元", "港币", "港幣", "hong kong dollars", "hkd"], .money, "HKD")
        add(["日元", "日圓", "日円", "yen", "jpy"], .money, "JPY")
        add(["英镑", "英鎊", "gbp"], .money, "GBP")
        add(["新台币", "新台幣", "台币", "台幣"], .money, "TWD")
        add(["韩元", "韓元"], .money, "KRW")
        add(["澳元"], .money, "AUD")
        add(["加元"], .money, "CAD")
        add(["卢布", "盧布"], .money, "RUB")

        add(["年"], .duration, "year", role: .year)
        add(["years", "year", "yrs", "周年", "週年"], .duration, "year")
        add(["decades", "decade"], .duration, "year", factor: 10)
        add(["月", "月份"], .duration, "month", role: .month)
        add(["个月", "個月", "months", "month"], .duration, "month")
        add(["个多月", "個多月"], .duration, "month", more: true)
        add(["个半月", "個半月"], .duration, "month", plus: 0.5)
        add(["周", "週", "星期", "个星期", "個星期", "礼拜", "禮拜", "个礼拜", "個禮拜", "weeks", "week"], .duration, "week")
        add(["个多星期", "個多星期", "个多礼拜", "個多禮拜"], .duration, "week", more: true)
        add(["天", "days", "day"], .duration, "day")
        add(["日"], .duration, "day", role: .day)
        add(["号", "號"], .duration, "day", role: .hao)
        add(["小时", "小時", "个小时", "個小時", "钟头", "鐘頭", "个钟头", "個鐘頭", "hours", "hour"], .duration, "hour")
        add(["个多小时", "個多小時"], .duration, "hour", more: true)
        add(["个半小时", "個半小時", "个半钟头", "個半鐘頭"], .duration, "hour", plus: 0.5)
        add(["分钟", "分鐘", "minutes", "minute"], .duration, "minute")
        add(["秒", "秒钟", "秒鐘", "seconds"], .duration, "second")

        // 90年代 (the nineties), 三年级 (third grade), 两位数 (two digits), 90后 (born in the nineties).
        add(["年代", "年级", "年級", "位数", "位數", "后", "後"], .count, nil, role: .reject)
        return index(list)
    }()

    static let prefixes: [UInt32: [QuantityQualifierEntry]] = {
        var list: [QuantityQualifierEntry] = []
        func add(_ words: [String], _ q: Quantity.Qualifier, lowerZero: Bool = false, between: Bool = false) {
            for w in words {
                list.append(
                    QuantityQualifierEntry(pattern: Array(w.unicodeScalars), qualifier: q, lowerZero: lowerZero, between: between))
            }
        }
        add(
            [
                "不到", "不足", "少于", "少於", "低于", "低於", "小于", "小於", "未满", "未滿",
                "fewer than", "less than", "under", "below", "just under",
            ], .lessThan)
        add(
            [
                "不超过", "不超過", "最多", "至多", "不多于", "不多於", "不高于", "不高於",
                "at most", "up to", "no more than", "not more than", "a maximum of",
            ], .atMost)
        add(["within"], .atMost, lowerZero: true)
        add(
            [
                "超过", "超過", "逾", "多于", "多於", "高于", "高於", "大于", "大於",
                "more than", "over", "above", "greater than", "upwards of", "just over", "in excess of",
            ], .moreThan)
        add(
            [
                "至少", "最少", "起码", "起碼", "不少于", "不少於", "不低于", "不低於",
                "at least", "no fewer than", "no less than", "not less than", "a minimum of",
            ], .atLeast)
        add(
            [
                "约", "約", "大约", "大約", "约为", "約為", "大概", "近", "将近", "將近", "接近", "差不多",
                "about", "around", "roughly", "approximately", "approx.", "nearly", "almost", "some", "close to",
                "an estimated", "estimated",
            ], .about)
        add(["between"], .range, between: true)
        return index(list)
    }()

    static let suffixes: [UInt32: [QuantityQualifierEntry]] = {
        var list: [QuantityQualifierEntry] = []
        func add(_ words: [String], _ q: Quantity.Qualifier, lowerZero: Bool = false, durationOnly: Bool = false) {
            for w in words {
                list.append(
                    QuantityQualifierEntry(
                        pattern: Array(w.unicodeScalars), qualifier: q, lowerZero: lowerZero, durationOnly: durationOnly))
            }
        }
        add(["以上", "or more"], .atLeast)
        add(["以下", "or less", "or fewer"], .atMost)
        add(["以内", "以內", "之内", "之內"], .atMost, lowerZero: true)
        add(["内", "內"], .atMost, lowerZero: true, durationOnly: true)
        add(["左右", "or so"], .about)
        return index(list)
    }()

    static let currencies: [UInt32: [QuantityCurrencyEntry]] = {
        let pairs: [(String, String)] = [
            ("$", "USD"), ("us$", "USD"), ("hk$", "HKD"), ("nt$", "TWD"), ("a$", "AUD"), ("c$", "CAD"), ("s$", "SGD"),
            ("¥", "CNY"), ("￥", "CNY"), ("€", "EUR"), ("£", "GBP"),
            ("rmb", "CNY"), ("cny", "CNY"), ("usd", "USD"), ("eur", "EUR"), ("hkd", "HKD"), ("jpy", "JPY"), ("gbp", "GBP"),
            ("人民币", "CNY"), ("人民幣", "CNY"),
        ]
        return index(pairs.map { QuantityCurrencyEntry(pattern: Array($0.0.unicodeScalars), code: $0.1) })
    }()

    /// Scalars other than Latin letters at which a phrase may start.
    static let startScalars: Set<UInt32> = {
        var set = Set<UInt32>()
        for v in UInt32(0x30)...0x39 { set.insert(v) }
        for v in UInt32(0xFF10)...0xFF19 { set.insert(v) }
        for c in "〇零一二三四五六七八九两兩壹贰貳叁參叄参肆伍陆陸柒捌玖十拾百佰千仟几幾数數".unicodeScalars { set.insert(c.value) }
        for key in prefixes.keys where !isASCIILetterValue(key) { set.insert(key) }
        for key in currencies.keys where !isASCIILetterValue(key) { set.insert(key) }
        return set
    }()

    private static func isASCIILetterValue(_ v: UInt32) -> Bool { (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }

    /// Scale words after digits: "5.6 million", "3bn".
    static let scaleAfterDigits: [String: Double] = [
        "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
        "bn": 1e9, "mn": 1e6, "tn": 1e12,
    ]

    /// One-letter scales, only trusted after a currency sign ("$5m", "US$3B").
    static let scaleAfterCurrency: [String: Double] = ["k": 1e3, "m": 1e6, "b": 1e9]

    /// "hundreds", "tens of thousands": vague scales, read as 2–9 of the base.
    static let pluralScales: [String: Double] = [
        "tens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
    ]

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    static let monthAbbreviations: Set<String> = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]

    /// Words after which a bare 1900–2100 is a year.
    static let yearContext: Set<String> = [
        "in", "by", "since", "until", "till", "from", "of", "before", "after", "during", "through", "to",
        "early", "late", "mid", "between", "and", "year", "fiscal",
    ]

    /// After a time unit, 多 followed by these is "many" (三年多次获奖), not "more than".
    static let notMoreAfter: Set<UInt32> = Set("于於数數次个個种種项項家名位样樣元".unicodeScalars.map(\.value))

    /// 成 followed by these starts a word (成本, 成为, 成都, 一成不变).
    static let notChengAfter: Set<UInt32> = Set("本为為功员員立果就长長熟交都分品绩績效型不群".unicodeScalars.map(\.value))
}
