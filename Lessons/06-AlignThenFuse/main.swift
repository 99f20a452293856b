// Lesson 06 — Align, then fuse: lesson 02's aligned encoder under a fusion model.
// The steps live in Lessons/Content/06-AlignThenFuse (AlignThenFuseSteps.swift reads top to bottom).
import Lessons

AlignThenFuse.main()
