import DuizhaoText

/// A set of characters with constant-time membership for the common range.
///
/// The segmenter asks these sets about every character and single-character word it considers,
/// so they are bitmaps over U+0000–U+9FFF (ASCII, general punctuation, CJK punctuation, the
/// Unified Ideographs and the like, 5 KB each) rather than hashed sets; anything outside that
/// range is looked up in a small fallback set.
struct CharacterClass: Sendable {
    private static let low: UInt32 = 0
    private static let high: UInt32 = 0xA000
    private var bits: [UInt64]
    private var others: Set<UInt32>

    /// The characters of `characters`.
    init(_ characters: String) {
        bits = Array(repeating: 0, count: Int(Self.high - Self.low + 63) / 64)
        others = []
        for scalar in characters.unicodeScalars { insert(scalar.value) }
    }

    private mutating func insert(_ value: UInt32) {
        if value >= Self.low && value < Self.high {
            let offset = Int(value - Self.low)
            bits[offset >> 6] |= 1 << UInt64(offset & 63)
        } else {
            others.insert(value)
        }
    }

    /// The characters of `characters` and their Traditional forms (ICU's Simplified-Traditional
    /// transform), so that the rules read Traditional text too (這, 個, 萬, 陳).
    /// - Parameter wrongForms: Traditional forms the transform gives that are wrong for this
    ///   class (範 for the surname 范, which Traditional text also writes 范).
    static func bothScripts(_ characters: String, except wrongForms: String = "") -> CharacterClass {
        let traditional = (try? ChineseScriptConverter(to: .traditional).convert(characters)) ?? ""
        let wrong = Set(wrongForms.unicodeScalars)
        return CharacterClass(characters + String(String.UnicodeScalarView(traditional.unicodeScalars.filter { !wrong.contains($0) })))
    }

    /// This set without the characters of `characters`.
    func subtracting(_ characters: String) -> CharacterClass {
        var result = self
        let removed = Set(characters.unicodeScalars.map(\.value))
        result.others.subtract(removed)
        for value in removed where value >= Self.low && value < Self.high {
            let offset = Int(value - Self.low)
            result.bits[offset >> 6] &= ~(1 << UInt64(offset & 63))
        }
        return result
    }

    /// This set with the characters of `characters` added.
    func adding(_ characters: String) -> CharacterClass {
        var result = self
        for scalar in characters.unicodeScalars { result.insert(scalar.value) }
        return result
    }

    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        if value >= Self.low && value < Self.high {
            let offset = Int(value - Self.low)
            return bits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
        }
        return !others.isEmpty && others.contains(value)
    }
}

/// The closed classes of Chinese characters that the segmentation rules name.
///
/// All of them are general knowledge of Chinese grammar and naming, written for Duizhao; none is
/// drawn from a segmented corpus. Each is written in Simplified and holds the Traditional forms
/// too (`CharacterClass.bothScripts`).
enum ChineseCharacters {
    /// Whether `value` is a CJK unified ideograph (the blocks that Chinese text is written in).
    @inline(__always)
    static func isIdeograph(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x3134F).contains(value)
    }

    /// Arabic digits, ASCII or full width.
    @inline(__always)
    static func isArabicDigit(_ value: UInt32) -> Bool {
        (0x30...0x39).contains(value) || (0xFF10...0xFF19).contains(value)
    }

    /// The characters Chinese numerals are written with: digits (with 〇, and ○ as typeset in
    /// years: 二○○一年), 两, and the scales 十百千万亿.
    @inline(__always)
    static func isNumeral(_ value: UInt32) -> Bool {
        switch value {
        case 0x3007, 0x25CB: return true  // 〇 ○
        default: return numerals.contains(value)
        }
    }

    static let numerals = CharacterClass.bothScripts("零一二三四五六七八九十百千万亿两")

    /// The scale characters, which follow 几 or 数 in approximate numbers (几十, 数千).
    static let numberScales = CharacterClass.bothScripts("十百千万亿")

    /// The digits one to nine.
    static let unitDigits = CharacterClass.bothScripts("一二三四五六七八九")

    /// Scales that follow Arabic digits as part of the number: 50万, 1.3亿.
    static let scales = CharacterClass.bothScripts("万亿千百")

    /// What a date or clock reading ends with after Arabic digits: 2001年, 12月, 31日, 8时, 30分.
    static let arabicDateUnits = CharacterClass.bothScripts("年月日时分秒")

    /// What a date ends with after Chinese numerals: 二○○一年, 十二月, 三十一日.
    static let chineseDateUnits = CharacterClass.bothScripts("年月日")

    /// Demonstratives and distributives that make one word with a following measure word
    /// (这次, 各项, 每个), unlike numerals, which standard segmentation keeps apart (三 个).
    static let demonstratives = CharacterClass.bothScripts("这那每各该本此哪")

    /// Common measure words (量词).
    static let measureWords = CharacterClass.bothScripts("个次项位种件条名批家座支份场届年天些片点张期段块所起回处")

    /// Administrative units and bodies that 全 ("the whole …") makes one word with: 全省, 全党.
    static let wholeUnits = CharacterClass.bothScripts("省市县区村乡镇党军厂")

    /// Verbs that take 好 as a lexicalised result complement: 做好, 搞好, 抓好.
    static let resultVerbs = CharacterClass.bothScripts("做搞抓")

    /// Punctuation typed as runs that stand for one mark: ——, ……, ··.
    static let repeatedPunctuation = CharacterClass.bothScripts("—…－·.。")

    /// Whether a character other than an Arabic digit can start a rule's word: a numeral, 第,
    /// 几 or 数, a demonstrative, 全, a result verb, a minus sign or a repeatable punctuation mark.
    @inline(__always)
    static func startsRule(_ value: UInt32) -> Bool {
        value == 0xFF0D || value == 0x2212 || value == 0x25CB || ruleStarters.contains(value)
    }

    private static let ruleStarters = CharacterClass.bothScripts("零一二三四五六七八九十百千万亿两" + "〇第几数全" + "做搞抓" + "这那每各该本此哪" + "—…·.。")

    /// The commonest single-character Chinese surnames (general knowledge), without those that are
    /// far more often a function word or a common morpheme than a name (和, 于, 时, 向 …), in
    /// both scripts.
    static let surnames = CharacterClass.bothScripts(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭"
            + "陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛"
            + "邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝"
            + "游辛靳柴蒙鲍华喻祁蒲房滕屈饶牟艾尤阳穆农司卓古吉缪简项芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟"
            + "邬卞姬仇栾隋刁荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝" + "鍾",
        // As surnames, 钟 范 涂 are 鍾 范 涂 in Traditional text, not 鐘 範 塗.
        except: "鐘範塗")

    /// Characters that rarely stand in a given name: particles, pronouns, prepositions, common
    /// verbs and measure words, and the words a byline puts after a name (摄 "photographed by").
    static let notInGivenNames = CharacterClass.bothScripts(
        "的了在是和与及或也都就又还不没有把被对从向为以于到而则但说等着过吗呢吧啊个们这那其之此该各每年月日上下中里外"
            + "前后内来去时将要会能可所已再很最更太并让使给跟同如若因由当即自只才却一二三四五六七八九十百千万亿两多少几第"
            + "你我他她它您谁啥怎么哪些位名次项种件条批家座支份场届天片点张期段块起回处省市县区乡镇村路街号楼室部局厅委会"
            + "院校队团社报刊台站厂店馆组班课科系摄绘道讯称指讲谈问答")

    /// Characters of the standard transliteration of foreign names (斯, 尔, 德 …).
    static let transliteration = CharacterClass.bothScripts(
        "阿埃艾爱安昂奥巴拜班邦鲍贝本比彼毕宾波伯博布查达代戴丹当道德登迪蒂丁杜敦顿多厄恩尔法范菲费芬丰冯弗福盖甘戈格"
            + "贡古瓜圭哈海汉豪赫亨胡华怀霍基吉加贾杰金卡凯坎康考柯科克肯库拉莱赖兰朗劳勒雷黎里利莉丽连林琳卢鲁伦罗洛马玛"
            + "迈麦曼芒梅蒙米密明缪莫姆穆纳奈南内尼涅宁纽努诺欧帕潘佩彭皮珀普齐奇恰乔切琴丘萨塞赛桑瑟森沙莎尚舍什施史斯松"
            + "苏索塔泰坦汤唐特滕图托瓦万旺威维温沃乌西希锡夏谢辛休雅亚扬耶伊因英尤于约泽扎詹兹佐娜娅夫娃契列")

    /// Transliteration characters that native words seldom use, so that a run of them reads as a
    /// foreign name rather than as ordinary words (斯, 尔, 娅 …).
    static let strongTransliteration = CharacterClass.bothScripts("斯尔德克特拉里尼亚卡夫姆伊奥顿莱娜娅琳莉丽妮塞瑟逊蒂迪茨兹")

    /// What comes before 了 in words of their own (为了, 除了, 罢了), where 了 is no aspect particle.
    static let keptBeforeLe = CharacterClass.bothScripts("为除罢得算未极了")

    /// What comes before 的 in words of their own (目的, 有的, 别的, 似的), where 的 is no particle.
    static let keptBeforeDe = CharacterClass.bothScripts("目有别似是真好")

    /// Suffixes that make one word with the two- or three-character word before them: 外交部,
    /// 公安局, 股份制, 负债率, 保护价.
    static let boundSuffixes = CharacterClass.bothScripts("局部制价业率委值界感器")

    /// Function characters and the commonest single-character words: two single characters
    /// the dictionary does not know are merged into one word only when neither is one of these.
    static let functionCharacters = CharacterClass.bothScripts(
        "我你您他她它咱谁啥其此这那哪某各每本该自己的地得了着过吗呢吧啊呀嘛么们之所者在从向往对把被给跟和与同及或以于为"
            + "由按据经比离朝沿当除不没未别也都就才又再还更最很太挺已曾将正刚仍只仅却便即竟并而且则但可要会能应须敢肯是有"
            + "到来去说看做让使叫想打走出进回上下起开带拿放用写读听买卖吃喝住坐站等找送收变成作搞加减占达一二三四五六七八九"
            + "十百千万亿两几多少半个条件位名次种些项批张片块家座台辆份场届天年月日岁元大小好坏新旧高低长短快慢早晚远近真全"
            + "整中内外前后里间边旁东西南北左右")
}
