// Lesson 01 — Heterogeneity: pixels, tokens and waves. See Lessons/Content/01-Heterogeneity.
import Lessons

Heterogeneity.main()
