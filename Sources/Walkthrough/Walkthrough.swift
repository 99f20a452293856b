// Walkthrough: the notebook-style lesson runner (issue 5).
import Figures
