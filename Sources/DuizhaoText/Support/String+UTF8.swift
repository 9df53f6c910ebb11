extension String {
    /// `withUTF8` for bodies with a typed error, which the standard library's `rethrows` loses.
    mutating func withUTF8Bytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = withUTF8 { bytes in Result { () throws(E) -> R in try body(bytes) } }
        return try result.get()
    }
}
