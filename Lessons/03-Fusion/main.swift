// Lesson 03 — Fusion: early, late and cross fusion, trained side by side. See Lessons/Content/03-Fusion.
import Lessons

Fusion.main()
