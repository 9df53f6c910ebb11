import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `duizhao serve`: its refusals, and a server that says where it listens and answers there.
@Suite struct ServeCommandTests {
    @Test func aMissingWorkspaceIsNoInput() throws {
        let result = try BinaryRunner.run(["serve", "/nonexistent/duizhao-workspace", "--port", "0"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/duizhao-workspace: no such folder"))
    }

    @Test(arguments: [["--threshold", "2"], ["--port", "70000"]])
    func badOptionsAreUsageErrors(options: [String]) throws {
        let result = try BinaryRunner.run(["serve", "."] + options)
        #expect(result.status == 64)
    }

    /// Starts `serve` on a free port; waits for the line naming its address.
    func start(_ arguments: [String]) throws -> (process: Process, url: String, errors: Pipe) {
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["serve"] + arguments + ["--port", "0", "--no-model"]
        process.environment = ProcessInfo.processInfo.environment.merging(BinaryRunner.isolated) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var text = ""
        while !text.contains("(Ctrl-C stops)") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        let url = text.components(separatedBy: " at ").last?.components(separatedBy: " ").first ?? ""
        return (process, url, errors)
    }

    @Test func theServerSaysWhereItListensAndAnswersThere() async throws {
        let workspace = try BinaryRunner.temporaryFolder("serve")
        defer { try? FileManager.default.removeItem(at: workspace) }
        try Data("Zhou Hongyi founded 360 Group.\n".utf8).write(to: workspace.appendingPathComponent("article.md"))
        let (process, url, errors) = try start([workspace.path])
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        #expect(url.hasPrefix("http://127.0.0.1:"))
        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("<option value=\"article.md\">article.md</option>"))
        process.terminate()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!stderr.contains("warning: listening on"))
    }

    @Test func anotherHostThanLoopbackIsWarnedAbout() throws {
        let workspace = try BinaryRunner.temporaryFolder("serve-host")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let (process, url, errors) = try start([workspace.path, "--host", "0.0.0.0"])
        #expect(url.hasPrefix("http://0.0.0.0:"))
        process.terminate()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.contains("warning: listening on 0.0.0.0: anyone who can reach this machine can read and change the reviews"))
    }
}
