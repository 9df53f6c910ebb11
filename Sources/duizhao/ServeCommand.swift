import ArgumentParser
import DuizhaoAlign
import DuizhaoGlossary
import DuizhaoServer
import DuizhaoText
import Foundation
import Hummingbird

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Review an article's links in the browser: accept, reject, pick another source, note, add glossary terms.",
        discussion: """
            WORKSPACE is a folder: its articles and sources can be reviewed (or files uploaded \
            into it), each review is kept as reviews/ID.json and written after every action, and \
            terms added while reviewing go to its glossary.tsv, used from the next annotation on. \
            The server listens on 127.0.0.1 unless --host says otherwise, and reads nothing \
            outside the workspace.

            Examples:
              duizhao serve Samples
              duizhao serve ~/checks --port 9000 --open
            """
    )

    @Argument(help: "The workspace folder.")
    var workspace: String = "."

    @Option(help: "The port to listen on (0: any free port, printed at start).")
    var port: Int = 8080

    @Option(help: "The address to listen on; anything but a loopback address makes the reviews reachable from the network.")
    var host: String = "127.0.0.1"

    @Flag(help: "Open the workspace's page in the browser once the server listens.")
    var open = false

    @Option(help: "The score (0–1) a candidate needs to be suggested as a claim's source.")
    var threshold: Double = CrossReferenceOptions().threshold

    @OptionGroup var glossaryOptions: GlossaryOptions

    @OptionGroup var modelOptions: ModelOptions

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let folder: Workspace
        do {
            folder = try Workspace(path: workspace)
        } catch {
            CommandFailure(message: error.message, exitCode: .missingInput).exit()
        }
        let configuration = ReviewServer.Configuration(host: host, port: port, threshold: threshold)
        if !configuration.isLoopback {
            FileHandle.standardError.write(
                Data(
                    CommandFailure.styled(
                        "duizhao: warning: listening on \(host): anyone who can reach this machine can read and change the reviews in \(folder.root)\n")
                        .utf8))
        }
        let (sources, frequencies) = glossaryOptions.sources()
        let server = ReviewServer(
            workspace: folder,
            glossaries: GlossaryConfiguration(sources: sources, frequencies: frequencies, cacheDirectory: GlossarySet.defaultCacheDirectory()),
            embedder: try modelOptions.load(), configuration: configuration)
        do {
            // Loaded before listening: a broken glossary stops the server rather than its first review.
            try await server.loadGlossaries()
        } catch let error as GlossaryError {
            CommandFailure(message: error.description, exitCode: .dataError).exit()
        } catch let error as InputError {
            CommandFailure(error).exit()
        }
        let displayHost = host.contains(":") ? "[\(host)]" : host
        let open = self.open
        let root = folder.root
        let app = server.application { port in
            let url = "http://\(displayHost):\(port)/"
            // Written at once, unbuffered: a script waiting for the address reads it from a pipe.
            FileHandle.standardOutput.write(Data("duizhao: reviewing \(root) at \(url) (Ctrl-C stops)\n".utf8))
            if open { Self.openBrowser(url) }
        }
        try await app.runService()
    }

    /// Opens `url` with the desktop's opener, or says how to open it.
    static func openBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [FileManager.default.fileExists(atPath: "/usr/bin/open") ? "open" : "xdg-open", url]
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(Data("duizhao: hint: no browser opener found; open \(url) yourself\n".utf8))
        }
    }
}
