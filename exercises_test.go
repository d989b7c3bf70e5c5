package gotourgpm_test

import (
	"slices"
	"testing"

	"github.com/gotour-gpm/gotour-gpm/checker"
	"github.com/gotour-gpm/gotour-gpm/lessons"
	"github.com/gotour-gpm/gotour-gpm/tour"
)

// TestExercisesMatchLessons checks that the lessons and the checker agree
// on the exercises: every exercise a lesson's front matter
// lists exists in the checker and vice versa, each in the lesson that
// lists it, and the starter the checker hands out is the lesson's starter
// snippet, byte for byte, in both languages. The checker reads the
// starters with a scanner of its own (it must not import tour); this
// compares that scanner with tour's parser.
func TestExercisesMatchLessons(t *testing.T) {
	t.Parallel()
	all, err := checker.All()
	if err != nil {
		t.Fatalf("checker.All: %v", err)
	}
	byID := map[string]*checker.Exercise{}
	for _, ex := range all {
		byID[ex.ID] = ex
	}
	listed := map[string]bool{}
	for _, lang := range []string{"en", "zh"} {
		tr, err := tour.Load(lessons.FS(), lang)
		if err != nil {
			t.Fatalf("tour.Load(%s): %v", lang, err)
		}
		for _, l := range tr.Lessons {
			for _, id := range l.Exercises {
				listed[id] = true
				ex, ok := byID[id]
				if !ok {
					t.Errorf("%s: exercise %s is listed in the front matter but not in checker's registry", l.File, id)
					continue
				}
				if ex.Lesson != l.ID {
					t.Errorf("%s: exercise %s belongs to lesson %q in the checker", l.File, id, ex.Lesson)
				}
				i := slices.IndexFunc(l.Snippets, func(s *tour.Snippet) bool { return s.Info.Exercise == id })
				if i < 0 {
					t.Errorf("%s: no starter snippet for %s", l.File, id)
					continue
				}
				starter := ex.Starter.En
				if lang == "zh" {
					starter = ex.Starter.Zh
				}
				if starter != l.Snippets[i].Code {
					t.Errorf("%s: the checker's starter of %s differs from the lesson's snippet %s", l.File, id, l.Snippets[i].ID)
				}
			}
		}
	}
	for _, ex := range all {
		if !listed[ex.ID] {
			t.Errorf("checker exercise %s is not listed by any lesson's front matter", ex.ID)
		}
	}
}
