package sim

// stealWork tries four times over all Ps, in an order drawn from the seed,
// to steal half of another P's local queue; only the last pass also takes
// runnext and runs other Ps' expired timers. Models runtime.stealWork
// (proc.go:3828-3893, stealTries = 4).
func (s *Sim) stealWork(pp *P) (*G, bool) {
	const stealTries = 4
	n := len(s.allp)
	for i := 0; i < stealTries; i++ {
		last := i == stealTries-1
		pos, inc := s.stealOrder(n)
		for range n {
			p2 := s.allp[pos]
			pos = (pos + inc) % n
			if p2 == pp {
				continue
			}
			pp.clock += s.cfg.Costs.Steal
			if last && p2.timers.len() > 0 {
				s.checkTimers(pp, p2)
				if g, inherit := s.runqget(pp); g != nil {
					return g, inherit
				}
			}
			if p2.status == pIdle {
				continue
			}
			if g := s.runqsteal(pp, p2, last); g != nil {
				return g, false
			}
		}
	}
	return nil, false
}

// stealOrder starts an enumeration of n Ps at a random position with a
// random stride coprime to n, as runtime.randomOrder does.
func (s *Sim) stealOrder(n int) (pos, inc int) {
	r := s.rng.Uint32()
	var coprimes []int
	for i := 1; i <= n; i++ {
		if gcd(i, n) == 1 {
			coprimes = append(coprimes, i)
		}
	}
	return int(r % uint32(n)), coprimes[int(r/uint32(n))%len(coprimes)]
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// runqsteal moves half (rounded up) of p2's local queue to pp and returns
// the last G moved, to run. With stealNext and nothing in p2's queue it
// takes p2's runnext, after the 3µs the runtime waits to let p2 run it
// (proc.go:7660-7748).
func (s *Sim) runqsteal(pp, p2 *P, stealNext bool) *G {
	n := p2.runq.len()
	n -= n / 2
	if n == 0 {
		if !stealNext || p2.runnext == nil {
			return nil
		}
		// usleep(3) unless p2's G is in a system call: a running P may be
		// about to run its runnext itself (runqgrab, proc.go:7672-7702).
		if p2.curg == nil || p2.curg.Status != Gsyscall {
			pp.clock += 3000
		}
		g := p2.runnext
		p2.runnext = nil
		g.p = pp
		s.stats.Steals++
		s.emit(pp, Event{Kind: EvSteal, G: g.ID, Other: int64(p2.ID), N: 1, Gs: []int64{g.ID}, Detail: "runnext"})
		return g
	}
	ids := make([]int64, 0, n)
	var g *G
	for i := 0; i < n; i++ {
		x := p2.runq.pop()
		x.p = pp
		ids = append(ids, x.ID)
		if i == n-1 {
			g = x
		} else {
			pp.runq.push(x)
		}
	}
	s.stats.Steals++
	s.emit(pp, Event{Kind: EvSteal, G: g.ID, Other: int64(p2.ID), N: int64(n), Gs: ids})
	return g
}
