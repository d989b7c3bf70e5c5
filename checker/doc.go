// Package checker grades the course's exercises: it runs a learner's
// program on the simulated scheduler under many schedules and reports, check
// by check, what passed and what did not.
//
// # Exercises
//
// An [Exercise] is keyed by its id, the slug that the lessons name in their
// front matter ("exercises: fix-deadlock, close-and-range") and in the
// starter snippet's fence ("go run id=fix-deadlock-starter
// exercise=fix-deadlock"). The package does not import tour: it reads its
// starters with a small scanner of its own from the embedded lessons (see
// package lessons), the reference solution from lessons/solutions/ID.go,
// and the task and hints, in English and Chinese, from texts/ID.en.md and
// texts/ID.zh.md. What each exercise checks is one table entry, as in the
// Go tour's wc.go, in lessonsNN_MM.go (one file per group of lessons);
// exercises.go lists them in course order, and [All] and [Lookup] return
// them.
//
// # Cases
//
// Each check is a [Case], of one of two kinds:
//
//   - a source case looks at the program's syntax tree, once, without
//     running it: [MustUse] and [MustNotUse] a [Construct] (a go statement,
//     select, a call of time.Sleep in main...), or [NoOuterWrites];
//   - a run case looks at one run of the program, and is applied to the
//     run of every schedule: [EndsNormally] (no deadlock, no panic, no
//     limit), [Output], [OutputUnordered] and [OutputMatches], [SameOutput]
//     (the same result under every schedule), [NoLeak] (every goroutine done
//     when main returns), [Parallel] (at least K Ps busy at the same virtual
//     time), [VirtualTime] (a budget), [NoDataRace] (the race detector
//     finds nothing) and custom ones.
//
// Every case has a stable, language-neutral id ("ends-normally",
// "output", "no-leak", "uses-go-statement"), which the JSON report and the
// corpus of wrong answers use. Constructs go by meaning: WaitGroup.Go is
// a go statement, every wait on the clock is a sleep ([ClockWait]), and a
// function's work includes the program's functions it calls.
//
// # Inputs
//
// An exercise lists variations of the inputs its task tells the learner
// to keep ([Exercise.Inputs]). Once every schedule has passed, the program
// and the reference solution run with each, and must print the same: a
// program that prints its answer without computing it fails the check
// "computes-output".
//
// A case says what the learner needs to read when it fails. Its default
// message is generic; [Case.Explain] adds messages for the typical wrong
// answers, chosen by what the failing run shows, and [Case.Says] replaces
// the default.
//
// # Schedules
//
// A schedule is a pair (seed, procs): the seed of the simulator's choices
// and GOMAXPROCS. An exercise names its seeds and procs values (by default
// seeds 0 to 4 and procs 1, 2 and 4), and [Check] runs the program once per
// schedule, in the order of (seed, procs), on several goroutines. Runs are
// graded in that order as they complete, and grading stops at the first
// schedule on which a case fails: the runs still going are cancelled, so a
// program that deadlocks or loops forever costs about one run, and the
// failure reported is that of the smallest failing (seed, procs). A run
// that does not end normally is graded by EndsNormally only: its output is
// not compared.
//
// # Reports
//
// A [Report] has one [CaseResult] per case, in the order of the exercise's
// table after an implicit first case, "compiles". A failing run case
// carries its got and want, the schedule that showed it, and the run's
// trace, from which the command line draws the timeline; [Report.WriteText]
// writes the report for a terminal, in English or Chinese.
//
// A learner's failure is a Report, never an error: Check returns an error
// only when the tool itself cannot do its job, or when ctx is cancelled.
// Only virtual limits (steps, virtual time) decide a verdict; a run that
// hits the wall-clock limit first makes the Report Ungraded: the machine
// could not grade, which says nothing of the program.
package checker
