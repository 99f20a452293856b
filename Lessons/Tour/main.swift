// The tour: every lesson in order, without pauses, into one folder with an index page
// (`bash run.sh tour`, or `swift run -c release tour --help` for its options, the docs mode among them).
import Lessons
import Walkthrough

Tour.main(lessons: allLessons)
