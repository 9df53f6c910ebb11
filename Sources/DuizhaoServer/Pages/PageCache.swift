import Hummingbird
import Synchronization

/// Each review's page as last drawn, by version: a page of 100 claims with their candidates is
/// some 400 KB of HTML, drawn once per version rather than once per request.
final class PageCache: Sendable {
    private let pages = Mutex<[String: (version: Int, page: ByteBuffer)]>([:])

    /// The page of `review`, drawn by `render` when the cache holds no page of its version.
    func page(for review: Review, render: () -> String) -> ByteBuffer {
        if let cached = pages.withLock({ $0[review.id] }), cached.version == review.version { return cached.page }
        let page = ByteBuffer(string: render())
        pages.withLock { pages in
            // A slower request drawing an older version leaves the newer page in place.
            if let current = pages[review.id], current.version > review.version { return }
            pages[review.id] = (review.version, page)
        }
        return page
    }
}
