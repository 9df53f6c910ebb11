/// The built-in vocabulary of the synthetic corpus: common words of Chinese and English news.
enum Vocabulary {
    static let chineseNouns: [String] = [
        "中国", "美国", "政府", "经济", "市场", "企业", "公司", "技术", "人工智能", "芯片",
        "半导体", "产业", "行业", "发展", "问题", "国家", "社会", "世界", "全球", "地区",
        "城市", "农村", "人民", "群众", "干部", "领导", "专家", "学者", "记者", "消费者",
        "投资者", "银行", "金融", "资本", "资金", "价格", "收入", "营收", "利润", "成本",
        "增长", "速度", "规模", "数据", "信息", "网络", "互联网", "平台", "系统", "模型",
        "算力", "算法", "研究", "科学", "教育", "学校", "大学", "学生", "老师", "医院",
        "医生", "健康", "环境", "能源", "电力", "汽车", "电动车", "电池", "手机", "电脑",
        "软件", "硬件", "服务", "产品", "质量", "标准", "政策", "法律", "制度", "改革",
        "开放", "合作", "竞争", "贸易", "出口", "进口", "关税", "制裁", "供应链", "工厂",
        "工人", "就业", "工资", "房地产", "住房", "交通", "铁路", "机场", "航空", "安全",
        "风险", "危机", "机会", "挑战", "目标", "计划", "战略", "方向", "差距", "优势",
        "团队", "人才", "创始人", "董事长", "总经理", "分析师", "官员", "部门", "委员会", "会议",
        "报告", "文件", "新闻", "媒体", "消息", "采访", "声明", "数字", "比例", "时间",
        "历史", "未来", "文化", "艺术", "体育", "比赛", "旅游", "农业", "粮食", "水平",
        "能力", "作用", "影响", "结果", "原因", "方式", "办法", "措施", "项目", "工程",
        "基础设施", "创新", "研发", "专利", "客户", "订单", "股票", "股价", "指数", "预期",
    ]

    static let chineseVerbs: [String] = [
        "是", "有", "说", "表示", "认为", "指出", "强调", "介绍", "发布", "宣布",
        "推出", "提出", "提高", "加强", "推动", "促进", "支持", "发展", "建设", "实现",
        "完成", "开始", "继续", "增加", "减少", "下降", "上涨", "达到", "超过", "赶上",
        "追赶", "领先", "落后", "投资", "生产", "销售", "购买", "使用", "研究", "开发",
        "合作", "竞争", "参加", "举行", "召开", "讨论", "决定", "计划", "预计", "估计",
        "需要", "希望", "要求", "允许", "禁止", "限制", "解决", "面临", "应对", "改善",
        "扩大", "缩小", "建立", "成立", "进入", "退出", "出口", "进口", "报道", "透露",
        "回应", "批评", "承认", "否认", "担心", "相信", "知道", "看到", "成为", "保持",
        "翻倍", "突破", "落地", "部署", "训练", "测试", "上市", "收购", "融资", "裁员",
    ]

    static let chineseFunctionWords: [String] = [
        "的", "了", "在", "和", "与", "及", "对", "从", "向", "把",
        "被", "为", "以", "将", "也", "都", "还", "就", "又", "才",
        "而", "但", "但是", "因为", "所以", "如果", "虽然", "而且", "或者", "以及",
        "这", "那", "这个", "这些", "那些", "其", "之", "等", "中", "上",
        "下", "里", "后", "前", "已经", "正在", "可能", "可以", "应该", "能够",
        "一个", "一些", "我们", "他们", "他", "她", "自己", "大家", "其中", "之一",
    ]

    static let chineseModifiers: [String] = [
        "新", "大", "小", "高", "低", "重要", "主要", "最新", "全面", "积极",
        "明显", "进一步", "更加", "非常", "十分", "比较", "持续", "稳定", "快速", "大幅",
        "基本", "整体", "先进", "核心", "关键", "国际", "国内", "地方", "中美", "两岸",
        "通用", "大型", "中小", "传统", "数字化", "智能", "绿色", "公开", "正式", "目前",
    ]

    static let chineseNames: [String] = [
        "周鸿祎", "360集团", "台积电", "臺積電", "华为", "阿里巴巴", "腾讯", "百度", "小米", "比亚迪",
        "字节跳动", "深度求索", "北京", "上海", "深圳", "广州", "杭州", "台湾", "香港", "新竹",
        "美国商务部", "国务院", "国家统计局", "中国人民银行", "新华社", "人民日报", "财新", "清华大学", "北京大学", "中国科学院",
    ]

    static let chineseTimes: [String] = [
        "今年", "去年", "明年", "近日", "日前", "上周", "本月", "目前", "此前", "同时",
        "2024年", "2025年", "2月18日", "第一季度", "上半年", "过去十年", "未来两年", "当天", "周一", "昨天",
    ]

    static let chineseMeasures: [String] = [
        "个", "家", "名", "位", "项", "台", "辆", "种", "次", "年",
        "天", "亿", "万", "元", "美元", "吨", "公里", "倍", "座", "款",
    ]

    static let latinTerms: [String] = [
        "AI", "GPT-4", "R1", "DeepSeek", "TSMC", "iPhone", "5G", "GPU", "CPU", "Nvidia",
        "H20", "API", "CEO", "IPO", "GDP", "PMI", "App", "USB-C", "Wi-Fi", "LLM",
    ]

    static let englishFunctionWords: [String] = [
        "the", "the", "the", "a", "an", "of", "of", "to", "to", "in",
        "in", "and", "and", "for", "on", "with", "that", "that", "by", "as",
        "at", "from", "its", "their", "his", "her", "it", "they", "he", "she",
        "this", "these", "which", "who", "would", "will", "could", "has", "have", "had",
        "is", "was", "are", "were", "be", "been", "not", "but", "or", "than",
        "more", "most", "about", "after", "before", "over", "into", "while", "also", "only",
    ]

    static let englishNouns: [String] = [
        "company", "government", "market", "economy", "industry", "technology", "chips", "semiconductor", "model", "models",
        "founder", "executive", "analysts", "investors", "reporters", "officials", "ministry", "department", "report", "interview",
        "revenue", "profit", "growth", "demand", "supply", "exports", "imports", "tariffs", "sanctions", "policy",
        "research", "team", "talent", "engineers", "computing", "power", "data", "cluster", "training", "accelerators",
        "gap", "year", "years", "quarter", "month", "week", "percent", "dollars", "yuan", "billion",
        "million", "share", "shares", "price", "prices", "factory", "plant", "capacity", "customers", "orders",
        "country", "world", "region", "city", "province", "people", "workers", "jobs", "students", "universities",
        "banks", "loans", "debt", "property", "housing", "energy", "batteries", "cars", "vehicles", "phones",
        "network", "platform", "software", "services", "products", "startups", "rivals", "competition", "trade", "deal",
        "estimate", "forecast", "source", "statement", "news", "agency", "state", "officials", "leaders", "conference",
    ]

    static let englishVerbs: [String] = [
        "said", "says", "told", "reported", "announced", "launched", "expects", "expected", "plans", "planned",
        "spend", "spent", "invest", "invested", "build", "built", "make", "makes", "made", "sell",
        "sold", "buy", "bought", "raise", "raised", "cut", "cuts", "grow", "grew", "rise",
        "rose", "fall", "fell", "double", "doubled", "close", "catch", "caught", "lead", "trail",
        "compete", "warned", "argued", "added", "noted", "estimated", "confirmed", "denied", "declined", "released",
        "reached", "exceeded", "hired", "trained", "deployed", "approved", "banned", "restricted", "signed", "opened",
    ]

    static let englishModifiers: [String] = [
        "new", "large", "small", "advanced", "artificial", "general", "domestic", "foreign", "global", "national",
        "local", "major", "key", "leading", "top", "first", "last", "next", "recent", "current",
        "high", "low", "strong", "weak", "fast", "slow", "early", "late", "mainly", "rather",
        "already", "still", "now", "again", "nearly", "roughly", "about", "almost", "sharply", "steadily",
    ]

    static let englishNames: [String] = [
        "Zhou Hongyi", "Zhou", "Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Taiwan", "Hsinchu", "China", "the United States",
        "Washington", "TSMC", "Huawei", "Alibaba", "Tencent", "Baidu", "Xiaomi", "BYD", "ByteDance", "360 Group",
        "Xinhua", "Caixin", "Reuters", "Bloomberg", "the U.S.", "Dr. Li", "Mr. Wang", "Ms. Chen", "Tsinghua University", "the Commerce Department",
    ]
}
