import DuizhaoReports
import Foundation

extension TerminalStyle {
    /// The style for standard output: colour when it is a terminal and `NO_COLOR` is unset.
    static var standardOutput: TerminalStyle {
        detect(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
    }

    /// The style for standard error.
    static var standardError: TerminalStyle {
        detect(isTerminal: isatty(STDERR_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
    }
}
