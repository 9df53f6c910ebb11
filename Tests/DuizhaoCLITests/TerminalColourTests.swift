import Foundation
import Testing

/// Colour on a terminal and nowhere else: `duizhao` run under `script`, which gives it a
/// pseudo-terminal, and through pipes.
@Suite struct TerminalColourTests {
    static let script = "/usr/bin/script"

    /// Runs `duizhao` with `arguments` on a pseudo-terminal; returns what it wrote there.
    private func onTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let command = ([BinaryRunner.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.script)
        process.arguments = ["-qec", command, "/dev/null"]
        var merged = ProcessInfo.processInfo.environment.merging(BinaryRunner.isolated) { $1 }.merging(environment) { $1 }
        merged["TERM"] = "xterm"
        merged.removeValue(forKey: "NO_COLOR")
        if let noColor = environment["NO_COLOR"] { merged["NO_COLOR"] = noColor }
        process.environment = merged
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script)))
    func lookupIsColouredOnATerminal() throws {
        let out = try onTerminal(["lookup", "周鸿祎", "--no-dictionary"])
        #expect(out.contains("Zhou Hongyi"))
        #expect(out.contains("\u{1B}[1mEnglish\u{1B}[0m"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script)))
    func noColorTurnsItOff() throws {
        let out = try onTerminal(["lookup", "周鸿祎", "--no-dictionary"], environment: ["NO_COLOR": "1"])
        #expect(out.contains("Zhou Hongyi"))
        #expect(!out.contains("\u{1B}["))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script)))
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
