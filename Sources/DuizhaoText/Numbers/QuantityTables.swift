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
