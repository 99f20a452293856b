// Lesson 05 — the VQA flow: patches + question → one sequence → a generated answer.
// The steps live in Lessons/Content/05-VQA (VQASteps.swift reads top to bottom).
import Lessons

VQALesson.main()
