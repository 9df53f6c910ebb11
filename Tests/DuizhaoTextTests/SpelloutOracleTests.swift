import Testing

@testable import DuizhaoText

/// ICU's rule-based spellout as an independent oracle for Duizhao's own Chinese numeral rules.
@Suite struct SpelloutOracleTests {
    /// Values across 0…10^12: every number to 1,200, then a fixed-seed spread.
    static let values: [Int64] = {
        var values = Array(Int64(0)...1200)
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for exponent in 4...12 {
            for _ in 0..<120 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                values.append(Int64(state >> 20) % Int64(pow10(exponent)))
            }
        }
        return values
    }()

    static func pow10(_ n: Int) -> Int64 { (0..<n).reduce(1) { result, _ in result * 10 } }

    @Test func icuSpelloutReadsBack() throws {
        let spellout = try ICUSpellout(locale: "zh")
        var failures: [String] = []
        for value in Self.values {
            let spelled = try spellout.format(value)
            if ChineseNumeral.value(of: spelled[...]) != Double(value) { failures.append("\(value) \(spelled)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test func icuParsesWhatDuizhaoParses() throws {
        let spellout = try ICUSpellout(locale: "zh")
        for text in ["两千", "一百二十三", "三万五千", "四百二十亿"] {
            let icu = try #require(spellout.parse(text))
            #expect(ChineseNumeral.value(of: text[...]) == icu.value, "\(text)")
        }
    }
}
