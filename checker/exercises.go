package checker

import (
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/gotour-gpm/gotour-gpm/internal/i18n"
	"github.com/gotour-gpm/gotour-gpm/lessons"
)

// registry lists every exercise, in course order. Each entry holds what
// is checked; load adds the texts, the starter and the solution. The
// entries live in one file per group of lessons (lessons01_04.go, ...).
var registry = []*Exercise{
	concurrentTasks,
	manyGoroutines,
	raceToChannel,
	forkJoinSum,
	waitForAll,
	orderedOutput,
	stackBudget,
	predictSpawnOrder,
	parallelSpeedup,
	firstChannel,
	fixDeadlock,
	closeAndRange,
	selectTimeout,
	nonBlockingSend,
	workerPool,
	pipeline,
	fixLeak,
	counterMutex,
	counterAtomic,
	onceInit,
}

// ErrNotFound is returned, wrapped, by Lookup for an id that is not an
// exercise.
var ErrNotFound = errors.New("no such exercise")

var (
	loadOnce sync.Once
	loadErr  error
	// scenarios are the lessons' runnable snippets by id (English code),
	// for exercises that compare with a snippet's output.
	scenarios map[string]string
)

// All returns every exercise, in course order. An error means the
// embedded content is broken: a missing text, starter or solution.
func All() ([]*Exercise, error) {
	loadOnce.Do(func() { loadErr = load() })
	if loadErr != nil {
		return nil, loadErr
	}
	return registry, nil
}

// Lookup returns the exercise with the given id.
func Lookup(id string) (*Exercise, error) {
	all, err := All()
	if err != nil {
		return nil, err
	}
	for _, ex := range all {
		if ex.ID == id {
			return ex, nil
		}
	}
	return nil, fmt.Errorf("%w: %q", ErrNotFound, id)
}

// IDs lists the ids of every exercise, in course order, without loading
// their content.
func IDs() []string {
	ids := make([]string, len(registry))
	for i, ex := range registry {
		ids[i] = ex.ID
	}
	return ids
}

// load fills in every exercise's texts, starters and solution, and
// reports every problem at once.
func load() error {
	fsys := lessons.FS()
	starters := map[i18n.Lang]map[string]snippet{}
	scenarios = map[string]string{}
	var errs []error
	for _, lang := range []i18n.Lang{i18n.En, i18n.Zh} {
		snips, err := scanLessons(fsys, lang)
		if err != nil {
			return err
		}
		starters[lang] = map[string]snippet{}
		for _, s := range snips {
			if s.exercise != "" {
				starters[lang][s.exercise] = s
			}
			if lang == i18n.En && s.id != "" {
				scenarios[s.id] = s.code
			}
		}
	}
	seen := map[string]bool{}
	for _, ex := range registry {
		if seen[ex.ID] {
			errs = append(errs, fmt.Errorf("exercise %s registered twice", ex.ID))
		}
		seen[ex.ID] = true
		en, okEn := starters[i18n.En][ex.ID]
		zh, okZh := starters[i18n.Zh][ex.ID]
		switch {
		case !okEn || !okZh:
			errs = append(errs, fmt.Errorf("exercise %s: no starter snippet (exercise=%s) in the en and zh lessons", ex.ID, ex.ID))
		case en.lesson != zh.lesson:
			errs = append(errs, fmt.Errorf("exercise %s: starter in lesson %s (en) but %s (zh)", ex.ID, en.lesson, zh.lesson))
		default:
			ex.Lesson = en.lesson
			ex.Starter = i18n.Text{En: en.code, Zh: zh.code}
		}
		if err := loadText(ex); err != nil {
			errs = append(errs, fmt.Errorf("exercise %s: %w", ex.ID, err))
		}
		sol, err := solution(fsys, ex.ID)
		if err != nil {
			errs = append(errs, fmt.Errorf("exercise %s: %w", ex.ID, err))
		}
		ex.Solution = sol
		if len(ex.Cases) == 0 || !slices.ContainsFunc(ex.Cases, func(c Case) bool { return c.always }) {
			errs = append(errs, fmt.Errorf("exercise %s: its cases must include EndsNormally", ex.ID))
		}
	}
	return errors.Join(errs...)
}
