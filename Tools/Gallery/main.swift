// Not written yet: says so and exits with an error rather than pretend.
import Foundation
FileHandle.standardError.write("Gallery: not written yet\n".data(using: .utf8)!)
exit(1)
