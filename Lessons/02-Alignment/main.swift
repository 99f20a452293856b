// Lesson 02 — Contrastive alignment: a tiny CLIP. See Lessons/Content/02-Alignment.
import Lessons

Alignment.main()
