import DuizhaoReports
import Testing

@Suite struct TerminalStyleTests {
    @Test(arguments: [
        (true, [:], true),
        (false, [:], false),
        (true, ["NO_COLOR": "1"], false),
        (true, ["NO_COLOR": ""], true),
        (true, ["TERM": "dumb"], false),
        (true, ["TERM": "xterm-256color"], true),
    ] as [(Bool, [String: String], Bool)])
    func colourOnlyOnATerminalWithoutNoColor(isTerminal: Bool, environment: [String: String], enabled: Bool) {
        #expect(TerminalStyle.detect(isTerminal: isTerminal, environment: environment).enabled == enabled)
    }

    @Test func plainTextIsLeftAlone() {
        let text = "g.tsv:3:1: error: a row needs both English and Chinese"
        #expect(TerminalStyle.plain.diagnostic(text) == text)
        #expect(TerminalStyle.plain.bold("x") == "x")
    }

    @Test func diagnosticsColourTheirSeverityOnly() {
        let style = TerminalStyle(enabled: true)
        let styled = style.diagnostic("g.tsv:3:1: error: bad row\ng.tsv:4:1: warning: no Traditional form")
        #expect(styled == "g.tsv:3:1: \u{1B}[1;31merror:\u{1B}[0m bad row\ng.tsv:4:1: \u{1B}[33mwarning:\u{1B}[0m no Traditional form")
        #expect(style.bold("") == "")
    }
}
