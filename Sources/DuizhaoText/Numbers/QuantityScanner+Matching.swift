// QuantityScanner: token boundaries and matching of literals and tables at a scalar index.

extension QuantityScanner {
    // MARK: Boundaries

    /// A number may not continue a Latin token (GPT-4, R1), another number (1.2.3) or an ordinal (第三).
    func leftBoundaryOK(_ i: Int, script: QuantityNumberScript) -> Bool {
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

    func badTailAt(_ k: Int) -> Bool {
        k + 1 < n && (s[k] == "." || s[k] == ":" || s[k] == "/") && ChineseNumeral.arabicDigit(s[k + 1]) != nil
    }

    // MARK: Matching

    func skipSpaces(_ k: Int) -> Int {
        var k = k
        while k < n, QuantityChar.isSpace(s[k]) { k += 1 }
        return k
    }

    /// The lowercased ASCII word starting at `k`, and its end.
    func word(at k: Int) -> (String, Int)? {
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
    func asciiInt(at k: Int) -> (Int, Int, Int)? {
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
    func matchLiteral(_ pattern: [Unicode.Scalar], at k: Int) -> Int? {
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
    func match<E: QuantityPattern>(in table: [UInt32: [E]], at k: Int) -> (E, Int)? {
        guard k < n, let candidates = table[EnglishNumber.lowercased(s[k]).value] else { return nil }
        for entry in candidates {
            if let e = matchLiteral(entry.pattern, at: k) { return (entry, e) }
        }
        return nil
    }
}
