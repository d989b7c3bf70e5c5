package progress

// The exercise commands' part of the progress: the exercise being worked
// on and the hints seen. The exercise command records which exercise the
// learner started, hint how many hints they have seen, check which
// exercises they passed (MarkPassed).

// HintsUsed is how many hints of exercise id the learner has seen.
func (p *Progress) HintsUsed(id string) int { return p.Hints[id] }

// UseHint records that the learner asked for the next hint of exercise
// id, which has total hints, and returns the number of the hint to show,
// from 1 to total: once every hint has been seen, the last one again.
func (s *Store) UseHint(id string, total int) (int, error) {
	n := 0
	err := s.update(func(p *Progress) bool {
		// Load keeps counts between 0 and MaxHints.
		n = min(p.Hints[id]+1, total)
		if n == p.Hints[id] {
			return false
		}
		if p.Hints == nil {
			p.Hints = map[string]int{}
		}
		p.Hints[id] = n
		return true
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// Start records that the learner started exercise id, of lesson lesson:
// it becomes the current exercise, and its lesson the last lesson.
func (s *Store) Start(id, lesson string) error {
	return s.update(func(p *Progress) bool {
		a := setString(&p.Current, id)
		b := setString(&p.Last, lesson)
		return a || b
	})
}

// setString sets *dst to v and reports whether that changed it.
func setString(dst *string, v string) bool {
	if *dst == v {
		return false
	}
	*dst = v
	return true
}
