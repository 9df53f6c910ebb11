/// A failure of a whole batch or of one of its jobs, with the sysexits(3) status it stands for.
public struct BatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The sysexits statuses a batch uses.
    public enum Exit: Int32, Sendable {
        /// EX_USAGE: the command line was wrong.
        case usage = 64
        /// EX_DATAERR: a job (or the output to resume) was not in the form expected.
        case dataError = 65
        /// EX_NOINPUT: the jobs file does not exist or cannot be read.
        case missingInput = 66
        /// EX_SOFTWARE: an internal error (ICU's data missing, the model failing).
        case software = 70
        /// EX_CANTCREAT: the output cannot be created.
        case cannotCreate = 73
        /// EX_IOERR: reading or writing failed.
        case ioError = 74
    }

    /// What went wrong, and where.
    public var message: String
    /// The status it stands for.
    public var exit: Exit

    /// A failure with its message and status.
    public init(message: String, exit: Exit) {
        self.message = message
        self.exit = exit
    }

    public var description: String { message }
}
