import Foundation
import Testing

/// Colour on a terminal and nowhere else: `duizhao` run under `script`, which gives it a
/// pseudo-terminal, and through pipes.
@Suite struct TerminalColourTests {
    private func onTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        try BinaryRunner.runOnTerminal(arguments, environment: environment).shown
    }

    @Test(.enabled(if: BinaryRunner.hasScript))
    func lookupIsColouredOnATerminal() throws {
        let out = try onTerminal(["lookup", "周鸿祎", "--no-dictionary"])
        #expect(out.contains("Zhou Hongyi"))
        #expect(out.contains("\u{1B}[1mEnglish\u{1B}[0m"))
    }

    @Test(.enabled(if: BinaryRunner.hasScript))
    func noColorTurnsItOff() throws {
        let out = try onTerminal(["lookup", "周鸿祎", "--no-dictionary"], environment: ["NO_COLOR": "1"])
        #expect(out.contains("Zhou Hongyi"))
        #expect(!out.contains("\u{1B}["))
    }

    @Test(.enabled(if: BinaryRunner.hasScript))
    func errorsAreColouredOnATerminal() throws {
        let out = try onTerminal(["segment", "/nonexistent/file.txt"])
        #expect(out.contains("duizhao: \u{1B}[1;31merror:\u{1B}[0m /nonexistent/file.txt: no such file"))
        // Nothing found is an answer, not an error.
        let nothing = try onTerminal(["lookup", "no such term at all", "--no-dictionary"])
        #expect(nothing.contains("duizhao: no entry for 'no such term at all'"))
    }

    @Test func pipesGetPlainText() throws {
        let result = try BinaryRunner.run(["lookup", "周鸿祎", "--no-dictionary"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}["))
        let missing = try BinaryRunner.run(["segment", "/nonexistent/file.txt"])
        #expect(missing.status == 66)
        #expect(missing.stderr.hasPrefix("duizhao: error: /nonexistent/file.txt: no such file"))
        #expect(!missing.stderr.contains("\u{1B}["))
    }
}
