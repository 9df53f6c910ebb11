// QuantityScanner: Arabic, Chinese and English numbers, with the markers after them (多, 余, 来).

extension QuantityScanner {
    /// A number starting exactly at `j`, with 多/余/来 and the scales that may follow it.
    func number(at j: Int, currency: Bool) -> QuantityRawNumber? {
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
}
