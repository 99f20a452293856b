// Lesson 07 — One space for speech, handwriting and words. See Lessons/Content/07-OneSpace.
import Lessons

OneSpace.main()
