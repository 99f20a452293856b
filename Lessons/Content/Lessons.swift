// The lessons' steps, shared by each lesson executable and the tour (issues 6–10).
import Walkthrough
