import Foundation

/// Runs the built `duizhao` binary and collects what it prints.
enum BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The products folder of the build that made this test bundle; `duizhao` sits there.
    static var binary: URL {
        Bundle.main.bundleURL.appendingPathComponent("duizhao")
    }

    /// A fixture file from this target's resources.
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!.path
    }

    /// A new empty folder for one test's files, named after `name`; the caller removes it.
    static func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The same outcome on every machine: no dictionary, word frequencies or embedding model the developer may have
    /// installed, and a compiled cache of the tests' own rather than the user's. (Tests of the model name it.)
    static let isolated = [
        "DUIZHAO_DICTIONARY": "/nonexistent/duizhao-tests/cedict_ts.u8",
        "DUIZHAO_FREQUENCIES": "/nonexistent/duizhao-tests/word-frequencies.txt",
        "DUIZHAO_MODEL": "/nonexistent/duizhao-tests/model",
        "DUIZHAO_CACHE_DIR": FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-test-cache").path,
    ]

    /// The embedding model installed for the user (or where `$DUIZHAO_MODEL` says), nil when there is none: the
    /// tests that need it are then reported as skipped, with the reason.
    static let installedModel: String? = {
        let environment = ProcessInfo.processInfo.environment
        let directory = environment["DUIZHAO_MODEL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory() + "/.local/share") + "/duizhao/model"
        return FileManager.default.fileExists(atPath: directory + "/manifest.json") ? directory : nil
    }()

    /// Runs `duizhao` with `arguments`, feeding `stdin` to it.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(isolated) { $1 }.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read before waiting, so that a full pipe cannot block the child.
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// `script(1)`, which runs a program on a pseudo-terminal; part of every Debian system.
    static let script = "/usr/bin/script"
    static var hasScript: Bool { FileManager.default.isExecutableFile(atPath: script) }

    /// Runs `duizhao` on a pseudo-terminal (both output streams unless `outputFile`), as from an interactive shell
    /// with `TERM=xterm` and no `NO_COLOR` unless `environment` sets them.
    /// - Returns: the exit status and what the terminal showed, both streams in the order written.
    /// - Parameter outputFile: where standard output goes instead of the terminal.
    static func runOnTerminal(_ arguments: [String], environment: [String: String] = [:], outputFile: String? = nil) throws -> (status: Int32, shown: String) {
        func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        var command = ([binary.path] + arguments).map(quoted).joined(separator: " ")
        if let outputFile { command += " > " + quoted(outputFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["-qec", command, "/dev/null"]
        var merged = ProcessInfo.processInfo.environment.merging(isolated) { $1 }
        merged["TERM"] = "xterm"
        merged.removeValue(forKey: "NO_COLOR")
        process.environment = merged.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let shown = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: shown, as: UTF8.self))
    }
}
