import Foundation

/// A buffered writer to standard output, so that a million small writes make few system calls.
public final class OutputSink {
    private var buffer: [UInt8] = []
    private let handle: FileHandle
    private let flushThreshold = 1 << 16

    /// A sink that writes to standard output.
    public init() {
        handle = FileHandle.standardOutput
        buffer.reserveCapacity(flushThreshold * 2)
    }

    deinit { flush() }

    /// Appends `text`.
    public func write(_ text: some StringProtocol) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= flushThreshold { flush() }
    }

    /// Writes out what is buffered.
    public func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
