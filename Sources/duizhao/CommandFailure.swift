import ArgumentParser
import DuizhaoEmbedding
import DuizhaoReports
import DuizhaoText
import Foundation

/// A failure reported on stderr with a sysexits(3) exit status.
struct CommandFailure: Error {
    let message: String
    let exitCode: ExitCode

    init(message: String, exitCode: ExitCode) {
        self.message = message
        self.exitCode = exitCode
    }

    init(_ error: InputError) {
        switch error {
        case .missing: self.init(message: error.description, exitCode: .missingInput)
        case .unreadable: self.init(message: error.description, exitCode: .ioError)
        case .invalidUTF8: self.init(message: error.description, exitCode: .dataError)
        }
    }

    init(_ error: ICUError) {
        self.init(message: error.description, exitCode: .software)
    }

    /// `text` for standard error: `error:` and `warning:` in colour when it is a terminal.
    static func styled(_ text: String) -> String {
        TerminalStyle.standardError.diagnostic(text)
    }

    /// Prints the message and exits with the status.
    func exit() -> Never {
        // "nothing found" (exit 1) is an answer, not an error; a message from a checked file
        // names its own errors.
        let text = exitCode == .failure || message.contains("error:") ? message : "error: " + message
        FileHandle.standardError.write(Data(Self.styled("duizhao: \(text)\n").utf8))
        Duizhao.exit(withError: exitCode)
    }
}

extension ExitCode {
    /// EX_DATAERR: the input was not in the form expected.
    static let dataError = ExitCode(65)
    /// EX_NOINPUT: an input file does not exist or cannot be read.
    static let missingInput = ExitCode(66)
    /// EX_UNAVAILABLE: something optional the command needs is not installed.
    static let unavailable = ExitCode(69)
    /// EX_SOFTWARE: an internal error.
    static let software = ExitCode(70)
    /// EX_CANTCREAT: an output file cannot be created.
    static let cannotCreate = ExitCode(73)
    /// EX_IOERR: an error while reading or writing.
    static let ioError = ExitCode(74)
}

/// Runs `body`, turning the library's errors into messages and exit statuses.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as CommandFailure {
        failure.exit()
    } catch let error as InputError {
        CommandFailure(error).exit()
    } catch let error as ICUError {
        CommandFailure(error).exit()
    } catch let error as EmbeddingError {
        CommandFailure(error).exit()
    }
}
