import Testing

@testable import DuizhaoText

/// The fast paths of token classification give the general case's answer for every scalar.
@Suite struct TokenKindFastPathTests {
    @Test(arguments: [0, 100, 150, 200, 300, 400, 500] as [Int32])
    func fastPathsAgreeWithTheGeneralCase(status: Int32) {
        var mismatches: [String] = []
        var bytes: [UInt8] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            bytes.removeAll(keepingCapacity: true)
            UTF8.encode(scalar) { bytes.append($0) }
            let fast = bytes.withUnsafeBufferPointer { WordSegmenter.kind(ruleStatus: status, firstByteAt: 0, in: $0) }
            if fast != WordSegmenter.kind(ruleStatus: status, scalar: scalar) {
                mismatches.append("U+\(String(value, radix: 16))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }
}
