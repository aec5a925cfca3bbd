import Foundation

extension String {
    /// The text of the UTF-8 file at `url`; an error when the file cannot be read or is not UTF-8.
    ///
    /// Read as bytes and validated here because Foundation's `String(contentsOf:encoding:)` sets up
    /// its encoding machinery on first use, which cost milliseconds of every command's start-up.
    init(utf8ContentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CocoaError(.fileReadInapplicableStringEncoding, userInfo: [NSFilePathErrorKey: url.path])
        }
        self = text
    }
}
