// Lesson 04 — One sequence: patches and words as tokens. See Lessons/Content/04-Tokens.
import Lessons

Tokens.main()
