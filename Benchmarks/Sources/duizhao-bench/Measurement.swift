import Glibc

/// The timings of one variant over the repetitions of a run.
struct VariantTimings {
    var name: String
    var seconds: [Double] = []

    var best: Double { seconds.min() ?? .nan }

    var median: Double {
        let sorted = seconds.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// Times `body` with the continuous clock.
func timed<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> (result: R, seconds: Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    let elapsed = clock.now - start
    return (result, elapsed.seconds)
}

/// The CPU time this thread has used, in seconds: steadier than wall time on a machine shared
/// with other work, which takes the CPU away but does not add to this.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}

/// The Markdown table of a run: every variant's best and median, its throughput, and its speed
/// as a fraction of the baselines' (ratio > 1 is faster than the baseline).
func timingTable(
    _ variants: [VariantTimings], bytes: Int, reference: VariantTimings, fastestBaseline: VariantTimings? = nil
) -> String {
    let megabytes = Double(bytes) / 1_000_000
    let fasterColumn = fastestBaseline == nil ? "" : " speed vs faster baseline |"
    var lines = [
        "| variant | best (s) | median (s) | MB/s (best) | speed vs ICU UTF-8 |\(fasterColumn) all runs (s) |",
        "|---|---:|---:|---:|---:|" + (fastestBaseline == nil ? "" : "---:|") + "---|",
    ]
    for variant in variants {
        let runs = variant.seconds.map { format($0, decimals: 3) }.joined(separator: ", ")
        var line = "| \(variant.name) | \(format(variant.best, decimals: 3)) | \(format(variant.median, decimals: 3)) | "
        line += "\(format(megabytes / variant.best, decimals: 1)) | \(format(reference.best / variant.best, decimals: 2))× |"
        if let fastestBaseline { line += " \(format(fastestBaseline.best / variant.best, decimals: 2))× |" }
        line += " \(runs) |"
        lines.append(line)
    }
    return lines.joined(separator: "\n")
}

/// `value` with a fixed number of decimals (no Foundation).
func format(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "\(value)" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    let fraction = Int(scaled - Double(whole) * scale)
    var text = (value < 0 && scaled > 0 ? "-" : "") + String(whole)
    if decimals > 0 {
        let digits = String(fraction)
        text += "." + String(repeating: "0", count: decimals - digits.count) + digits
    }
    return text
}

/// `value` with thousands separators.
func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
        result.append(digit)
    }
    return (value < 0 ? "-" : "") + result
}
