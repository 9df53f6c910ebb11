import Testing

@testable import DuizhaoText

/// One expected quantity: the text holds exactly this one, spanning `phrase`.
struct QuantityCase: Sendable, CustomTestStringConvertible {
    let text: String
    let phrase: String
    let kind: Quantity.Kind
    let qualifier: Quantity.Qualifier
    let lower: Double?
    let upper: Double?
    let unit: String?
    var year: Int?
    var month: Int?
    var day: Int?

    var testDescription: String { "\(text) → \(phrase)" }
}

/// Shorthand for the tables below.
private func q(
    _ text: String, _ phrase: String, _ kind: Quantity.Kind, _ qualifier: Quantity.Qualifier,
    _ lower: Double?, _ upper: Double?, _ unit: String? = nil, year: Int? = nil, month: Int? = nil, day: Int? = nil
) -> QuantityCase {
    QuantityCase(
        text: text, phrase: phrase, kind: kind, qualifier: qualifier, lower: lower, upper: upper, unit: unit,
        year: year, month: month, day: day)
}

/// The phrase a quantity covers, cut from the text's UTF-8 bytes.
private func phrase(_ quantity: Quantity, in text: String) -> String {
    String(decoding: Array(text.utf8)[quantity.utf8Range], as: UTF8.self)
}

private func same(_ a: Double?, _ b: Double?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let x?, let y?): return abs(x - y) <= 1e-9 * max(1, abs(y))
    default: return false
    }
}

private func check(_ c: QuantityCase) {
    let found = QuantityParser().quantities(in: c.text)
    #expect(found.count == 1, "\(found.map { phrase($0, in: c.text) })")
    guard let x = found.first else { return }
    #expect(phrase(x, in: c.text) == c.phrase)
    #expect(x.kind == c.kind)
    #expect(x.qualifier == c.qualifier)
    #expect(same(x.lowerBound, c.lower), "lower \(String(describing: x.lowerBound))")
    #expect(same(x.upperBound, c.upper), "upper \(String(describing: x.upperBound))")
    #expect(x.unit == c.unit)
    #expect(x.year == c.year)
    #expect(x.month == c.month)
    #expect(x.day == c.day)
}

@Suite struct QuantityParserTests {
    // MARK: Numerals

    @Test(arguments: [
        ("两千", 2000.0), ("一百二十三", 123), ("一千零五", 1005), ("三万五", 35000), ("十五", 15), ("十", 10),
        ("二〇二四", 2024), ("一百零五", 105), ("兩萬", 20000), ("三億", 300_000_000), ("一千零一十", 1010),
        ("壹佰贰拾叁", 123), ("貳仟零伍", 2005), ("一万亿", 1e12), ("三亿五千万", 350_000_000),
        ("两万五千亿", 2.5e12), ("一百五", 150), ("两千五", 2500), ("一亿五", 150_000_000), ("三点五亿", 350_000_000),
        ("零", 0), ("十二万三千四百五十六", 123_456), ("一千〇五", 1005), ("九亿九千九百九十九万九千九百九十九", 999_999_999),
        ("560万", 5_600_000), ("5.6亿", 560_000_000), ("1.2万亿", 1.2e12), ("420億", 42_000_000_000), ("3千", 3000),
        ("１２０万", 1_200_000),
    ])
    func chineseNumeralValue(text: String, expected: Double) {
        #expect(ChineseNumeral.value(of: text[...]) == expected)
    }

    @Test(arguments: ["", "abc", "一两", "十百", "五五万", "一百零", "万万", "三点", "两〇两四"])
    func notAChineseNumeral(text: String) {
        #expect(ChineseNumeral.value(of: text[...]) == nil)
    }

    @Test(arguments: [
        ("two", 2.0), ("twenty-one", 21), ("one hundred and five", 105), ("a dozen", 12), ("two dozen", 24),
        ("ninety-nine", 99), ("one thousand two hundred", 1200), ("three million", 3e6), ("a hundred", 100),
        ("5.6 million", 5.6e6), ("42 billion", 42e9), ("zero", 0), ("nineteen hundred", 1900), ("Twenty One", 21),
        ("two hundred thousand", 200_000), ("one million five hundred thousand", 1_500_000),
    ])
    func englishNumberValue(text: String, expected: Double) {
        #expect(EnglishNumber.value(of: text[...]) == expected)
    }

    @Test(arguments: ["two three", "and", "a", "one hundred and", "twenty-", "hundred", "fish", "three and five", "one-twenty"])
    func notAnEnglishNumber(text: String) {
        #expect(EnglishNumber.value(of: text[...]) == nil)
    }

    // MARK: Chinese phrases

    static let chinese: [QuantityCase] = [
        // numerals with scales
        q("销量达两千", "两千", .count, .exact, 2000, 2000),
        q("共一百二十三", "一百二十三", .count, .exact, 123, 123),
        q("共一千零五", "一千零五", .count, .exact, 1005, 1005),
        q("存款三万五", "三万五", .count, .exact, 35000, 35000),
        q("有十五个", "十五个", .count, .exact, 15, 15),
        q("兩萬人參加", "兩萬人", .count, .exact, 20000, 20000, "person"),
        q("耗資三億元", "三億元", .money, .exact, 3e8, 3e8, "CNY"),
        q("一百零五人", "一百零五人", .count, .exact, 105, 105, "person"),
        q("计壹佰贰拾叁元整", "壹佰贰拾叁元", .money, .exact, 123, 123, "CNY"),
        q("融资三点五亿元", "三点五亿元", .money, .exact, 3.5e8, 3.5e8, "CNY"),
        // Arabic digits with scale characters
        q("用户560万", "560万", .count, .exact, 5.6e6, 5.6e6),
        q("規模420億", "420億", .count, .exact, 4.2e10, 4.2e10),
        q("营收5.6亿", "5.6亿", .count, .exact, 5.6e8, 5.6e8),
        q("员工3千", "3千", .count, .exact, 3000, 3000),
        q("投资1.2万亿", "1.2万亿", .count, .exact, 1.2e12, 1.2e12),
        q("用户１２０万", "１２０万", .count, .exact, 1.2e6, 1.2e6),
        q("用户1,200万", "1,200万", .count, .exact, 1.2e7, 1.2e7),
        // ranges and approximations
        q("周鸿祎表示中美AI差距一两年就能赶上", "一两年", .duration, .range, 1, 2, "year"),
        q("需要两三个月", "两三个月", .duration, .range, 2, 3, "month"),
        q("三五天就好", "三五天", .duration, .range, 3, 5, "day"),
        q("来了十几", "十几", .count, .range, 11, 19),
        q("干了十几年", "十几年", .duration, .range, 11, 19, "year"),
        q("几十", "几十", .count, .range, 20, 90),
        q("几十个国家", "几十个", .count, .range, 20, 90),
        q("数百人受伤", "数百人", .count, .range, 200, 900, "person"),
        q("十七八岁", "十七八岁", .count, .range, 17, 18, "age"),
        q("三四十人", "三四十人", .count, .range, 30, 40, "person"),
        q("损失一两万", "一两万", .count, .range, 10000, 20000),
        q("两三千", "两三千", .count, .range, 2000, 3000),
        q("七八成的人", "七八成", .percent, .range, 70, 80, "%"),
        q("团队100多人", "100多人", .count, .moreThan, 100, 200, "person"),
        q("团队一百多人", "一百多人", .count, .moreThan, 100, 200, "person"),
        q("工作了十多年", "十多年", .duration, .moreThan, 10, 20, "year"),
        q("十多个", "十多个", .count, .moreThan, 10, 20),
        q("两万多人", "两万多人", .count, .moreThan, 20000, 30000, "person"),
        q("100余万人", "100余万人", .count, .moreThan, 1e6, 2e6, "person"),
        q("投入560多万美元", "560多万美元", .money, .moreThan, 5.6e6, 5.7e6, "USD"),
        q("来了200余人", "200余人", .count, .moreThan, 200, 300, "person"),
        q("等了两年多", "两年多", .duration, .moreThan, 2, 3, "year"),
        q("花了一个多月", "一个多月", .duration, .moreThan, 1, 2, "month"),
        q("用了一年半", "一年半", .duration, .exact, 1.5, 1.5, "year"),
        q("团队不到150人", "不到150人", .count, .lessThan, nil, 150, "person"),
        q("不足10%", "不足10%", .percent, .lessThan, nil, 10, "%"),
        q("超过3000家", "超过3000家", .count, .moreThan, 3000, nil),
        q("逾百人", "逾百人", .count, .moreThan, 100, nil, "person"),
        q("多于5次", "多于5次", .count, .moreThan, 5, nil),
        q("近两年", "近两年", .duration, .about, 2, 2, "year"),
        q("将近100人", "将近100人", .count, .about, 100, 100, "person"),
        q("接近50%", "接近50%", .percent, .about, 50, 50, "%"),
        q("约3000人", "约3000人", .count, .about, 3000, 3000, "person"),
        q("大约5年", "大约5年", .duration, .about, 5, 5, "year"),
        q("100人左右", "100人左右", .count, .about, 100, 100, "person"),
        q("至少10家", "至少10家", .count, .atLeast, 10, nil),
        q("100人以上", "100人以上", .count, .atLeast, 100, nil, "person"),
        q("18岁以下", "18岁以下", .count, .atMost, nil, 18, "age"),
        q("两年以内", "两年以内", .duration, .atMost, 0, 2, "year"),
        q("三年内完成", "三年内", .duration, .atMost, 0, 3, "year"),
        q("不超过5人", "不超过5人", .count, .atMost, nil, 5, "person"),
        q("需要3到5年", "3到5年", .duration, .range, 3, 5, "year"),
        q("需要3至5年", "3至5年", .duration, .range, 3, 5, "year"),
        q("需要3-5年", "3-5年", .duration, .range, 3, 5, "year"),
        q("需要3～5年", "3～5年", .duration, .range, 3, 5, "year"),
        q("需要三到五年", "三到五年", .duration, .range, 3, 5, "year"),
        q("3万至5万", "3万至5万", .count, .range, 3e4, 5e4),
        q("3至5万元", "3至5万元", .money, .range, 3e4, 5e4, "CNY"),
        q("三到五万元", "三到五万元", .money, .range, 3e4, 5e4, "CNY"),
        q("三十到五十万人", "三十到五十万人", .count, .range, 3e5, 5e5, "person"),
        q("增长3%到5%", "3%到5%", .percent, .range, 3, 5, "%"),
        q("增长30-40%", "30-40%", .percent, .range, 30, 40, "%"),
        // percentages
        q("增长百分之三十", "百分之三十", .percent, .exact, 30, 30, "%"),
        q("增长百分之三十五点五", "百分之三十五点五", .percent, .exact, 35.5, 35.5, "%"),
        q("占39%", "39%", .percent, .exact, 39, 39, "%"),
        q("占39％", "39％", .percent, .exact, 39, 39, "%"),
        q("占3成", "3成", .percent, .exact, 30, 30, "%"),
        q("占三成", "三成", .percent, .exact, 30, 30, "%"),
        q("百分之三十到四十", "百分之三十到四十", .percent, .range, 30, 40, "%"),
        q("增长30%-40%", "30%-40%", .percent, .range, 30, 40, "%"),
        q("上升2个百分点", "2个百分点", .percent, .exact, 2, 2, "pp"),
        // years and dates
        q("2025年将是关键", "2025年", .year, .exact, 2025, 2025, year: 2025),
        q("於2027年翻倍", "2027年", .year, .exact, 2027, 2027, year: 2027),
        q("2025年1月发布", "2025年1月", .date, .exact, nil, nil, year: 2025, month: 1),
        q("2025年1月5日发布", "2025年1月5日", .date, .exact, nil, nil, year: 2025, month: 1, day: 5),
        q("2025 年 1 月 5 日发布", "2025 年 1 月 5 日", .date, .exact, nil, nil, year: 2025, month: 1, day: 5),
        q("1月5日发布", "1月5日", .date, .exact, nil, nil, month: 1, day: 5),
        q("2月18日，", "2月18日", .date, .exact, nil, nil, month: 2, day: 18),
        q("十二月", "十二月", .date, .exact, nil, nil, month: 12),
        q("二〇二五年", "二〇二五年", .year, .exact, 2025, 2025, year: 2025),
        q("２０２５年", "２０２５年", .year, .exact, 2025, 2025, year: 2025),
        q("2020-2025年", "2020-2025年", .year, .range, 2020, 2025),
        q("两年后", "两年", .duration, .exact, 2, 2, "year"),
        q("过去25年", "25年", .duration, .exact, 25, 25, "year"),
        q("等了18个月", "18个月", .duration, .exact, 18, 18, "month"),
        q("两周", "两周", .duration, .exact, 2, 2, "week"),
        q("3个小时", "3个小时", .duration, .exact, 3, 3, "hour"),
        q("两个半月", "两个半月", .duration, .exact, 2.5, 2.5, "month"),
        q("十来个人", "十来个人", .count, .about, 10, 10, "person"),
        q("15日电", "15日", .date, .exact, nil, nil, day: 15),
        // money
        q("投资人民币 5 亿元", "人民币 5 亿元", .money, .exact, 5e8, 5e8, "CNY"),
        q("投入560万美元建设", "560万美元", .money, .exact, 5.6e6, 5.6e6, "USD"),
        q("营收100亿元", "100亿元", .money, .exact, 1e10, 1e10, "CNY"),
        q("投资人民币5亿元", "人民币5亿元", .money, .exact, 5e8, 5e8, "CNY"),
        q("投资5亿元人民币", "5亿元人民币", .money, .exact, 5e8, 5e8, "CNY"),
        q("3000欧元", "3000欧元", .money, .exact, 3000, 3000, "EUR"),
        q("100港元", "100港元", .money, .exact, 100, 100, "HKD"),
        q("5000日元", "5000日元", .money, .exact, 5000, 5000, "JPY"),
        q("規模約為420億美元。", "約為420億美元", .money, .about, 4.2e10, 4.2e10, "USD"),
        // counts with measure words
        q("团队150人", "150人", .count, .exact, 150, 150, "person"),
        q("3家公司", "3家", .count, .exact, 3, 3),
        q("两家公司", "两家", .count, .exact, 2, 2),
        q("增长3倍", "3倍", .count, .exact, 3, 3, "times"),
        q("360集团创始人", "360", .count, .exact, 360, 360),
    ]

    @Test(arguments: chinese)
    func chinesePhrase(_ c: QuantityCase) { check(c) }

    // MARK: English phrases

    static let english: [QuantityCase] = [
        q("They hired two engineers.", "two engineers", .count, .exact, 2, 2, "person"),
        q("twenty-one engineers", "twenty-one engineers", .count, .exact, 21, 21, "person"),
        // People counted by what they are compare with 人 and 名: "fewer than 200 employees", 不到150人.
        q("fewer than 200 employees", "fewer than 200 employees", .count, .lessThan, nil, 200, "person"),
        q("two cars", "two", .count, .exact, 2, 2),
        q("one hundred and five cases", "one hundred and five", .count, .exact, 105, 105),
        q("5.6 million users", "5.6 million", .count, .exact, 5.6e6, 5.6e6),
        q("42 billion parameters", "42 billion", .count, .exact, 42e9, 42e9),
        q("1,200 staff", "1,200 staff", .count, .exact, 1200, 1200, "person"),
        q("a ratio of 3.5", "3.5", .count, .exact, 3.5, 3.5),
        q("a dozen reporters", "a dozen", .count, .exact, 12, 12),
        q("hundreds of people", "hundreds", .count, .range, 200, 900),
        q("tens of thousands of people", "tens of thousands", .count, .range, 20000, 90000),
        q("fewer than 200 people", "fewer than 200 people", .count, .lessThan, nil, 200, "person"),
        q("less than 5 percent", "less than 5 percent", .percent, .lessThan, nil, 5, "%"),
        q("under 30 days", "under 30 days", .duration, .lessThan, nil, 30, "day"),
        q("more than 100 companies", "more than 100", .count, .moreThan, 100, nil),
        q("over 50 years", "over 50 years", .duration, .moreThan, 50, nil, "year"),
        q("above 3%", "above 3%", .percent, .moreThan, 3, nil, "%"),
        q("at least 10 people", "at least 10 people", .count, .atLeast, 10, nil, "person"),
        q("at most 5", "at most 5", .count, .atMost, nil, 5),
        q("up to 20 people", "up to 20 people", .count, .atMost, nil, 20, "person"),
        q("no more than 3 days", "no more than 3 days", .duration, .atMost, nil, 3, "day"),
        q("about 300", "about 300", .count, .about, 300, 300),
        q("around 2,000 people", "around 2,000 people", .count, .about, 2000, 2000, "person"),
        q("roughly 40%", "roughly 40%", .percent, .about, 40, 40, "%"),
        q("approximately 10", "approximately 10", .count, .about, 10, 10),
        q("nearly 150 people", "nearly 150 people", .count, .about, 150, 150, "person"),
        q("almost two years", "almost two years", .duration, .about, 2, 2, "year"),
        q("some 200 people", "some 200 people", .count, .about, 200, 200, "person"),
        q("The gap could close within two years", "within two years", .duration, .atMost, 0, 2, "year"),
        q("between 3 and 5", "between 3 and 5", .count, .range, 3, 5),
        q("between 2020 and 2025", "between 2020 and 2025", .year, .range, 2020, 2025),
        q("3 to 5 years", "3 to 5 years", .duration, .range, 3, 5, "year"),
        q("3-5 years", "3-5 years", .duration, .range, 3, 5, "year"),
        q("one or two years", "one or two years", .duration, .range, 1, 2, "year"),
        q("3 to 5 million", "3 to 5 million", .count, .range, 3e6, 5e6),
        q("39 percent", "39 percent", .percent, .exact, 39, 39, "%"),
        q("39 per cent", "39 per cent", .percent, .exact, 39, 39, "%"),
        q("39%", "39%", .percent, .exact, 39, 39, "%"),
        q("double in 2025", "2025", .year, .exact, 2025, 2025, year: 2025),
        q("by 2030", "2030", .year, .exact, 2030, 2030, year: 2030),
        q("arrive before 2030, though", "2030", .year, .exact, 2030, 2030, year: 2030),
        q("mid-2025", "2025", .year, .exact, 2025, 2025, year: 2025),
        q("2025 units", "2025", .count, .exact, 2025, 2025),
        q("January 2025", "January 2025", .date, .exact, nil, nil, year: 2025, month: 1),
        q("on Jan. 5, 2025, he", "Jan. 5, 2025", .date, .exact, nil, nil, year: 2025, month: 1, day: 5),
        q("on 5 January 2025", "5 January 2025", .date, .exact, nil, nil, year: 2025, month: 1, day: 5),
        q("in Beijing on Feb. 18 that", "Feb. 18", .date, .exact, nil, nil, month: 2, day: 18),
        q("on June 30th", "June 30th", .date, .exact, nil, nil, month: 6, day: 30),
        q("released 2025-01-05", "2025-01-05", .date, .exact, nil, nil, year: 2025, month: 1, day: 5),
        q("5.6 million dollars", "5.6 million dollars", .money, .exact, 5.6e6, 5.6e6, "USD"),
        q("$5.6 million", "$5.6 million", .money, .exact, 5.6e6, 5.6e6, "USD"),
        q("US$5.6 million", "US$5.6 million", .money, .exact, 5.6e6, 5.6e6, "USD"),
        q("¥100", "¥100", .money, .exact, 100, 100, "CNY"),
        q("100 yuan", "100 yuan", .money, .exact, 100, 100, "CNY"),
        q("RMB 5 billion", "RMB 5 billion", .money, .exact, 5e9, 5e9, "CNY"),
        q("5 billion yuan", "5 billion yuan", .money, .exact, 5e9, 5e9, "CNY"),
        q("€3", "€3", .money, .exact, 3, 3, "EUR"),
        q("$3bn", "$3bn", .money, .exact, 3e9, 3e9, "USD"),
        q("more than $5 million", "more than $5 million", .money, .moreThan, 5e6, nil, "USD"),
        q("42 billion dollars", "42 billion dollars", .money, .exact, 42e9, 42e9, "USD"),
        q("two years", "two years", .duration, .exact, 2, 2, "year"),
        q("18 months", "18 months", .duration, .exact, 18, 18, "month"),
        q("three days", "three days", .duration, .exact, 3, 3, "day"),
        q("a five-year plan", "five-year", .duration, .exact, 5, 5, "year"),
        q("two decades", "two decades", .duration, .exact, 20, 20, "year"),
        q("a 50-year-old man", "50-year-old", .count, .exact, 50, 50, "age"),
        q("100 people or more", "100 people or more", .count, .atLeast, 100, nil, "person"),
        q("within a year", "within a year", .duration, .atMost, 0, 1, "year"),
        q("nearly a decade", "nearly a decade", .duration, .about, 10, 10, "year"),
        q("growth of -0.5% in May", "-0.5%", .percent, .exact, -0.5, -0.5, "%"),
        q("HK$100", "HK$100", .money, .exact, 100, 100, "HKD"),
        q("2.5 times", "2.5 times", .count, .exact, 2.5, 2.5, "times"),
    ]

    @Test(arguments: english)
    func englishPhrase(_ c: QuantityCase) { check(c) }

    // MARK: Not quantities

    @Test(arguments: [
        "GPT-4", "DeepSeek R1", "H100 chips", "5G network", "COVID-19", "Qwen2.5", "version 3.5.1", "at 10:30",
        "一起", "一些", "第一次", "第3名", "十四五规划", "统一", "十分重要", "零件", "大陆", "百度", "万一", "三星",
        "成本", "90年代", "两位数", "一个问题", "one of the", "No one", "the second-largest", "two-thirds",
        "see [1]", "一成不变", "几乎", "数据", "A100s", "1990s", "三五成群", "千家万户", "1-3月", "5至7日", "十四五", "", "twice a year", "a year ago", "一点", "三点钟",
    ])
    func notAQuantity(text: String) {
        let found = QuantityParser().quantities(in: text)
        #expect(found.isEmpty, "\(found.map { phrase($0, in: text) })")
    }

    // MARK: Whole sentences

    @Test(arguments: [
        (
            "2月18日，360集团创始人周鸿祎在北京接受媒体采访时表示，一旦方向正确，中美在人工智能领域的差距一两年就能赶上。",
            ["2月18日", "360", "一两年"]
        ),
        ("他透露，360今年计划投入560万美元建设新的训练集群。目前360的大模型研发团队不到150人。", ["360", "560万美元", "360", "不到150人"]),
        ("台積電表示，預計AI加速器相關營收將於2027年翻倍。該公司分析師估計，相關市場規模約為420億美元。", ["2027年", "約為420億美元"]),
        (
            "Zhou Hongyi, the founder of 360 Group, told reporters in Beijing on Feb. 18 that China's artificial intelligence industry will catch up with the United States within two years [1].",
            ["360", "Feb. 18", "within two years"]
        ),
        (
            "The company plans to spend 5.6 million dollars on a new training cluster this year. Its research team has fewer than 200 people, Zhou said.",
            ["5.6 million dollars", "fewer than 200 people"]
        ),
        ("In 2025, GPT-4 and H100 cost US$3bn; 不到150人用了一两年。", ["2025", "US$3bn", "不到150人", "一两年"]),
        ("2025 百度发布 3 个模型", ["2025", "3 个"]),
        ("from 2020 to 2025, 3-5 people", ["2020", "2025", "3-5 people"]),
    ])
    func sentence(text: String, phrases: [String]) {
        let found = QuantityParser().quantities(in: text)
        #expect(found.map { phrase($0, in: text) } == phrases)
        // Sorted and non-overlapping.
        for (x, y) in zip(found, found.dropFirst()) { #expect(x.utf8Range.upperBound <= y.utf8Range.lowerBound) }
    }

    @Test func utf8RangesAreExact() {
        let text = "据报道，团队不到150人，within two years 投入560万美元；约3000人。"
        let found = QuantityParser().quantities(in: text)
        #expect(found.map { phrase($0, in: text) } == ["不到150人", "within two years", "560万美元", "约3000人"])
        let bytes = Array(text.utf8)
        let start = bytes.firstIndex(of: UInt8(ascii: "w"))!
        #expect(found[1].utf8Range == start..<(start + "within two years".utf8.count))
    }

    @Test func codableRoundTrip() throws {
        let found = QuantityParser().quantities(in: "2025年1月5日，不到150人")
        #expect(found.count == 2)
        for x in found {
            #expect(Quantity.Kind(rawValue: x.kind.rawValue) == x.kind)
        }
        #expect(Set(found).count == 2)
    }

    // MARK: Properties

    /// Spells `n` the standard way: 一亿零五百万, 十五, 二百一十五.
    static func chineseSpelling(_ n: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        func group(_ g: Int, leading: Bool) -> String {
            var out = ""
            var started = false
            var zero = false
            for (unit, name) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
                let d = (g / unit) % 10
                if d == 0 {
                    if started { zero = true }
                    continue
                }
                if zero { out += "零" }
                zero = false
                if !(d == 1 && unit == 10 && !started && leading) { out.append(digits[d]) }
                out += name
                started = true
            }
            return out
        }
        func belowYi(_ n: Int, leading: Bool) -> String {
            if n >= 10_000 {
                var out = group(n / 10_000, leading: leading) + "万"
                let rest = n % 10_000
                if rest > 0 { out += (rest < 1000 ? "零" : "") + group(rest, leading: false) }
                return out
            }
            return group(n, leading: leading)
        }
        if n == 0 { return "零" }
        if n >= 100_000_000 {
            var out = chineseSpelling(n / 100_000_000) + "亿"
            let rest = n % 100_000_000
            if rest > 0 { out += (rest < 10_000_000 ? "零" : "") + belowYi(rest, leading: false) }
            return out
        }
        return belowYi(n, leading: true)
    }

    /// A few hundred values over 0...10^12 from a fixed-seed generator, with many zero digits for 零.
    static let spreadValues: [Int] = {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var values = [0, 1, 2, 10, 11, 15, 20, 100, 101, 110, 1000, 1001, 1010, 10_000, 10_001, 100_000, 100_000_001, 1_000_000_000_000]
        for i in 0..<360 {
            let length = i % 12 + 1
            var n = 0
            for _ in 0..<length {
                let d = next() % 10 < 4 ? 0 : Int(next() % 10)
                n = n * 10 + d
            }
            values.append(n)
        }
        return values
    }()

    @Test func chineseSpellingRoundTrips() {
        #expect(Self.chineseSpelling(105) == "一百零五")
        #expect(Self.chineseSpelling(100_050_000) == "一亿零五万")
        #expect(Self.chineseSpelling(15) == "十五")
        for n in Self.spreadValues {
            let text = Self.chineseSpelling(n)
            #expect(ChineseNumeral.value(of: text[...]) == Double(n), "\(n) \(text)")
        }
    }

    @Test func chineseSpellingInSentences() {
        for n in Self.spreadValues where n >= 2 {
            let text = "共有" + Self.chineseSpelling(n) + "人参加"
            let found = QuantityParser().quantities(in: text)
            #expect(found.count == 1 && found.first?.lowerBound == Double(n) && found.first?.unit == "person", "\(text)")
        }
    }

    /// Fixed-seed random strings over the characters the scanner cares about: it must not trap, and its
    /// answers must be sorted, disjoint, on scalar boundaries and internally consistent.
    @Test func randomTextKeepsInvariants() {
        let alphabet = Array(
            "0123456789０１２ .,-–~/:%％$¥€人年月日号个多余来几数十百千万亿两一二三五〇零点成以上下内左右约近不到超过至少第百分之美元亿元岁倍天个月"
                + "aAbmkMtoinforthanbetweenandyearsdollarspercentJanFeb.# \u{1F600}é"
        )
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let parser = QuantityParser()
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<next(24) { text.append(alphabet[next(alphabet.count)]) }
            let bytes = Array(text.utf8)
            let found = parser.quantities(in: text)
            for (x, y) in zip(found, found.dropFirst()) { #expect(x.utf8Range.upperBound <= y.utf8Range.lowerBound, "\(text)") }
            for x in found {
                #expect(!x.utf8Range.isEmpty && x.utf8Range.upperBound <= bytes.count, "\(text)")
                guard x.utf8Range.upperBound <= bytes.count else { continue }
                #expect(bytes[x.utf8Range.lowerBound] & 0xC0 != 0x80, "\(text)")
                #expect(x.utf8Range.upperBound == bytes.count || bytes[x.utf8Range.upperBound] & 0xC0 != 0x80, "\(text)")
                if let lo = x.lowerBound, let hi = x.upperBound { #expect(lo <= hi, "\(text)") }
                if x.kind == .date { #expect(x.month != nil || x.day != nil, "\(text)") }
            }
        }
    }

    @Test func arabicWithScalesRoundTrips() {
        for n in Self.spreadValues where n >= 10_000 && n % 10_000 == 0 {
            let text = "约\(n / 10_000)万元"
            let found = QuantityParser().quantities(in: text)
            #expect(found.first?.lowerBound == Double(n) && found.first?.unit == "CNY", "\(text)")
        }
    }
}
