// The lessons in the order the article tells them; the tour runs them in this order.

import Walkthrough

/// Every lesson, in order: 01 heterogeneity, 02 alignment, 03 fusion, 04 tokens, 05 VQA, 06 align then
/// fuse, 07 one space. (Computed, so that no global array of metatypes is shared between threads.)
public var allLessons: [any Lesson.Type] {[
    Heterogeneity.self,
    Alignment.self,
    Fusion.self,
    Tokens.self,
    VQALesson.self,
    AlignThenFuse.self,
    OneSpace.self,
]}
