// Package runner runs ordinary Go programs under yaegi on the simulated
// G-P-M scheduler.
//
// [Run] takes a learner's complete package main and returns a [Result]:
// what it printed, byte for byte as the real binary would, how it ended,
// and the simulator's account of the run. A program that does not compile,
// panics, deadlocks or hits a limit is a Result, not an error.
//
// # How a program runs
//
//  1. [Prepare] parses the program and type-checks it (go/types, Go 1.26)
//     against the importable packages: compiled ones described by
//     reflection, the shadow packages from their sources, the generic
//     standard packages from stubs. Anything outside the allowlist is a
//     compile error with gc's "file:line:col: message" form.
//  2. The rewrite (rewrite*.go) splices text into the original source,
//     keeping every line on its line: each scheduling point (channel
//     operations, select, go, function entry, loop iterations, sync
//     methods, the gap between the load and the store of x++ or x += e
//     on a variable other goroutines may reach, and the start of a write
//     to a map they may reach) becomes a call of the shim, imported as
//     __rt; Go that yaegi v0.16.1 cannot run, or runs wrongly, is lowered
//     (see below).
//  3. A fresh interpreter gets the allowed compiled packages, the shim
//     bound to this run and the shadow sources, and evaluates the program.
//     Every simulated G is a real goroutine that waits for the baton
//     (baton.go): only the one the simulator names runs, so a run is
//     deterministic for a given Options.Seed.
//
// # The sandbox
//
// The program sees no host: no files, network, processes, environment,
// clock or randomness of the real machine.
//
//   - Only the allowlist (symbols.go) is importable: bytes, errors, fmt,
//     io, math, sort, strconv, strings, sync/atomic, unicode, unicode/utf8
//     (compiled, their symbols generated for Go 1.26 by yaegi's extract
//     into internal/stdsym); context, gpm, math/rand, os, runtime,
//     runtime/debug, sync, time (shadow packages); cmp, maps, slices
//     (calls rewritten into helpers emitted in the program). unsafe,
//     reflect, os/exec, net, syscall and io/fs never are.
//   - Standard output and error are the run's: fmt's Print functions and
//     os.Stdout and os.Stderr write into Result. The three streams are
//     compiled *os.File values (internal/osval), so fmt.Fprintln(os.Stderr,
//     ...), io.MultiWriter(os.Stdout, &b) and fmt.Fscan(os.Stdin, ...) take
//     them as any io.Writer or io.Reader. io.Pipe is withheld (its ends
//     synchronise through real channels the simulator cannot see). The builtins
//     print and println write to stderr. Stdin is empty. os.Args is
//     ["prog"], the environment is empty, os.Exit ends the run with its
//     code.
//   - time is virtual: time.Now starts at the playground's 2009-11-10
//     23:00:00 UTC and moves only as the simulator's clock does; Sleep,
//     timers and tickers run on it. math/rand's top-level functions draw
//     from a source seeded by the run's seed.
//   - [Limits] bound virtual time, scheduling steps, output, live
//     goroutines and the size of one allocation; the caller's ctx bounds
//     wall-clock time (an infinite loop stops at its next tick). yaegi can
//     still panic out of its own code and a run's memory cannot be bounded
//     in process, so the CLI runs each program in a worker process; an
//     internal failure is OutcomeInternal, never a crash of the caller.
//   - What the program causes to be printed stays within the output
//     limit, the runtime's own reports included: a panic value of 100 MB
//     or the deadlock report of 20,000 goroutines is cut there, and
//     Result.Cut and Result.Message say so.
//   - Runaway recursion ends as in gc, "runtime: goroutine stack exceeds
//     1000000000-byte limit", "fatal error: stack overflow", exit status
//     2, whatever path it takes: every function that may be on a cycle of
//     calls, through interfaces, func values or fmt calling a String or
//     Error method, accounts its frames (rewrite_callgraph.go), and a
//     goroutine dies at 10,000 nested frames, long before yaegi, which
//     runs each interpreted call on the host's stack, would overflow the
//     host's (shim.go, maxDepth).
//   - Allocations whose size the rewrite can see (make of a slice or a
//     channel, x = append(x, ...), strings.Repeat, bytes.Repeat,
//     runtime.GOMAXPROCS) are checked before they are made (alloc.go):
//     sizes gc could never allocate panic with its words ("makeslice: len
//     out of range"), and one allocation larger than Limits.Memory (256
//     MiB) ends the program with what a machine without the memory
//     prints, "runtime: out of memory: cannot allocate N-byte block (M in
//     use)", "fatal error: out of memory" (not the goroutines gc lists
//     after it), as the memory limit (OutcomeMemory, exit status 85).
//
// # Shadow packages
//
// sync, time, runtime, runtime/debug, os, context, gpm and math/rand are
// Go sources (_shadow/) interpreted with the learner's program. They have
// the standard API, and call the shim for everything that blocks, reads
// the clock or writes output, so a sync.Mutex embedded in a learner's
// struct or a time.Duration printed by fmt needs no special case. gpm is
// this course's own: Syscall and Work of a given virtual length, the
// current goroutine's stack size and id, and machine snapshots for the
// lessons. sync has Go 1.26's API: OnceFunc, OnceValue and OnceValues
// repeat a panic of their function on every call; RWMutex has TryLock and
// TryRLock; a Pool returns its private slot first, then the rest last in,
// first out, as the real one on a single P (it does not model other Ps'
// pools or the clearing at a GC); a WaitGroup copied by value keeps the
// count it was copied with (waitgroup.go). cmp (with maps and slices, which are empty) is there only so
// that cmp.Ordered in a constraint resolves. Calls of sync's Mutex,
// RWMutex, WaitGroup and Cond methods go to the shim directly, which is
// much cheaper than an interpreted method call; both reach the same
// simulated object, keyed by its address.
//
// # What the rewrite fixes in yaegi v0.16.1
//
// Each of these runs as in gc; the file that does it explains how.
//
//   - Go 1.22 loop variables, range over int, min, max, clear and the
//     generic slices, maps and cmp functions (rewrite_loop.go,
//     rewrite_builtin.go, rewrite_generic.go).
//   - Deferred calls see their arguments as at the defer statement;
//     closures deferred from their own frame do not deadlock
//     (rewrite_defer.go, rewrite_closure.go).
//   - Index and slice expressions out of range panic with gc's
//     runtime.Error ("index out of range [5] with length 3", "slice
//     bounds out of range [:4] with capacity 3"), checked in interpreted
//     code before the statement, or in place where that is impossible
//     (rewrite_bounds.go, bounds.go).
//   - panic and recover go through the shim: recover returns the very
//     value panicked (yaegi returns a reflect.Value, so r.(string)
//     failed), runtime errors recovered are gc's runtime.Error values, and
//     a dying goroutine prints its panics as printpanics does, "panic:
//     main.code(42) [recovered]" then "\tpanic: ..." (rewrite_panic.go,
//     panics.go).
//   - A goroutine that dies of a panic prints its frames, innermost
//     first, "main.f(...)" then "\t/path/prog.go:12", and every goroutine
//     of a traceback ends with "created by main.main in goroutine 1" and
//     the go statement's location (trace.go, traceback.go).
//   - A shift by a negative signed count panics "negative shift amount"
//     (yaegi shifted by it as unsigned and gave 0: rewrite_shift.go); a
//     //go:embed directive in a file that does not import embed is gc's
//     compile error (check_embed.go).
//   - make(<-chan T) and make(chan<- T), which reflect refuses, make a
//     bidirectional channel converted to the type (rewrite_make.go);
//     panic(nil) panics with a *runtime.PanicNilError (internal/rtval).
//   - print and println write to stderr with the runtime's formatting
//     (rewrite_print.go, print.go).
//   - fmt calls the learner's Error methods (yaegi's MapTypes for fmt
//     listed only Stringer); a composite literal assigned to an interface
//     variable keeps its methods; a, b = f(), 7 assigns both; for i :=
//     range str gives byte offsets, not rune counts (rewrite_yaegi.go).
//
// # Known gaps
//
// What still differs from gc, each with a minimal example:
//
//   - Tracebacks print no offsets (+0x1d) and no argument words: every
//     frame with arguments reads main.f(...), as gc prints an inlined
//     one. Function names are those of a build without inlining: where gc
//     inlines a function that contains a func literal it prints longer
//     names (main.main.run.main.func1.func2 for main.main.func1.1). The
//     runner knows which functions a panic unwound but not where each
//     stood, so a frame's line is found in the source: the one call of the
//     next frame's function, the one panic call, the one operation that
//     can raise the runtime error; when there are several (f called twice
//     in main), the frame has no location line. A goroutine blocked at a
//     deadlock shows its frame only when it calls none of the program's
//     functions and blocks on one line; its other frames, and frames in
//     the standard library (sync.(*WaitGroup).Wait), are not printed.
//     runtime.Stack and debug.Stack give each goroutine's header and
//     creator, without frames.
//   - Not yet supported, each a compile error naming it: generic
//     atomic.Pointer[T] ("undefined: atomic.Pointer": sync/atomic is
//     compiled, and reflect cannot export a generic type), and range over
//     function iterators (see below).
//   - %v of a context prints the stand-in's struct, not
//     context.Background.WithValue(k, int), and %T of sync and context
//     values names the stand-in's types; errors.As into a learner's
//     interface and named types inside any are listed below.
//   - Equality and the errors package on the learner's error values: an
//     error value of a learner's type reaches compiled code as yaegi's
//     wrapper, which has no identity and no type of its own.
//     err := error(&MyErr{}); err == err panics ("comparing uncomparable
//     type interp._error"); errors.Is(err, err) is false; errors.As(err,
//     &target) with target *MyErr panics ("*target must be interface or
//     implement error"). Errors made by errors.New or fmt.Errorf, and
//     sentinel comparisons err == ErrNotFound against them, work.
//   - A learner's error type in an interface{} does not assert to error:
//     defer func() { r := recover(); err, ok := r.(error) ... }() after
//     panic(&MyErr{}) gives ok == false; r.(*MyErr) works.
//   - fmt does not call the methods of values inside other values:
//     fmt.Println([]Celsius{1}) prints [1], not the String of each
//     element; fmt.Printf("%d", s) of a struct type with a String method
//     prints a field too many. %T prints yaegi's names
//     (struct { Xname string }, runner.boundsError for a recovered index
//     error where gc says runtime.boundsError), and %+v prints fields with
//     an X prefix.
//   - A panic in a deferred call skips the function's remaining deferred
//     calls (yaegi runs them in one loop, which the panic leaves): defer
//     fmt.Println("runs in gc"); defer func() { panic("x") }() prints
//     nothing before the panic, and an earlier deferred recover does not
//     see the new panic.
//   - Panics of local types (declared inside a function) print their
//     underlying value: panic(T(3)) with T local prints 3, gc main.T(3).
//     Addresses in panics and in print output are made up
//     (0xc000012030...), as no heap is simulated.
//   - A failed type assertion to an interface type reads "interface
//     conversion: nil is not interface { M() }" where gc names the dynamic
//     type and the missing method.
//   - gc evaluates every call of a statement before its index checks;
//     here they go left to right: x := s[i] + f() panics before f runs.
//   - A slice expression whose operand or non-final index is a call, in a
//     loop condition or after &&, is left to yaegi: out of range it panics
//     with "runtime error: slice bounds out of range" without the bounds.
//   - Data races lose updates only in read-modify-write statements.
//     x++, x-- and x op= e, and x = e where e reads x (x = x + 1), of a
//     variable another goroutine may reach (at package level, captured by
//     a closure or addressed, or reached through a pointer, a slice or a
//     map) are split into a load, a window and a store (rewrite_race.go),
//     and on several Ps the seed may let another P's goroutine run in the
//     window and lose an update (sim/race.go); on one P it never does.
//     Everything else runs whole: v := x; x = v + 1 without a scheduling
//     point between them, the same statements as a for post or an if
//     init statement,
//     and reads that race with a write (a string, slice or interface
//     read half-written). How many updates are lost is a model (about
//     one per window in which another P's goroutine ran), not a
//     measurement of any machine. The race detector (below) finds the
//     races themselves, whether or not an update was lost.
//   - Concurrent map writes are caught as gc catches them, when two
//     accesses happen to overlap: on several Ps, a write to a map another
//     goroutine may reach (m[k] = v, m[k]++, delete, clear) is a race
//     window (rewrite_map.go), and a goroutine that runs in it and writes,
//     reads or ranges over the same map ends the program with gc's fatal
//     error ("concurrent map writes", "concurrent map read and map
//     write", "concurrent map iteration and map write"), exit status 2.
//     How often is the model's: two goroutines writing one map in a loop
//     die with nearly every seed, where gc, with GOMAXPROCS=4 on a busy
//     two-core machine, died in 8 runs of 10; a goroutine that only
//     reads while another writes is caught as often, where gc caught it
//     in 1 run of 10 (its reads look at the map's flag only as they
//     begin, and a write holds it briefly).
//     Not checked: a map reached through a call (f()[k] = v), a read in a
//     loop condition or after an if's init statement, a write in a for
//     post, an if init or a select case, defer delete(m, k), the maps
//     package's functions (maps.Copy, maps.DeleteFunc) and maps.Clone's
//     "concurrent map clone and map write". An access that is not caught
//     runs whole: a map is never corrupted.
//   - Recursion stops at 10,000 nested frames of a goroutine, where gc's
//     1 GB stack holds millions of small ones: a correct program that
//     recurses deeper (a recursive walk of a 100,000-element list) dies
//     of a stack overflow here, and a runaway one prints fewer lines
//     before it does. A recursion inside compiled code alone (fmt
//     printing a map that contains itself) is not counted: it overflows
//     the host's stack, and the CLI's worker reports a crash. When a
//     deferred call panics, yaegi skips the function's other deferred
//     calls (above), its frame's accounting among them, so a loop that
//     recovers from such panics in a recursive function counts frames
//     that are gone.
//   - Memory is checked one allocation at a time, and only where the
//     rewrite sees the size: many allocations that are each small (a map
//     that grows without end, s += s, append to a slice read through a
//     call or an index) are bounded by the CLI worker's memory limit, not
//     with gc's message. The "M in use" of the out-of-memory message is
//     gc's heap at start (3,932,160 bytes) plus the array an append was
//     copying, not a measurement.
//   - Generic types that refer to each other (type A[T any] struct{ b
//     *B[T] }; type B[T any] struct{ a *A[T] }) are refused with a
//     compile error: yaegi v0.16.1 instantiates them without end.
//   - Range over function iterators (Go 1.23), the learner's own or
//     strings.Lines and the other Seq functions of strings and bytes
//     (calling them with a yield func works), go statements calling
//     slices or maps functions, and channels whose element type the
//     program cannot name are refused with a compile error naming the
//     construct.
//
// # The race detector
//
// With Options.Race (gotour-gpm run --race) the rewrite reports, before
// or after each statement, the reads and writes it makes of memory that
// another goroutine may reach (rewrite_access.go), and the simulator's
// happens-before detector (sim's racedetect.go) reports each race on
// stderr when it happens, as a binary built with -race does; a program
// that found one and would exit 0 says "Found N data race(s)" and exits
// 66. The detector does not depend on the schedule: a race is found on
// one P as well, as the real detector finds it. testdata/race holds
// programs with and without races and the real detector's reports
// (TestRaceOracle records them, TestRaceCorpus compares: the same exit
// status and the same races, named by the lines of their two accesses,
// on 1, 2 and 4 Ps). Where the reports differ from the real ones:
//
//   - Addresses are made up (0x00c000012030, then every 0x30), one per
//     location in order of its first report; the real ones are heap
//     addresses that change from run to run.
//   - Each access shows one frame, the function around the statement, and
//     its file as the command was given it, with no +0x offset; the real
//     report shows the whole stack (the runtime's frames, such as
//     runtime.mapassign_faststr() or runtime.growslice(), the callers, a
//     go statement's wrapper main.main.gowrap1()) and the absolute path.
//     "Goroutine N created at:" shows the go statement's function and
//     line, not the creator's stack.
//   - Goroutine numbers are the simulator's: a -race binary has one more
//     runtime goroutine, so its program's goroutines start at 8, not 7.
//   - Only what a statement reaches by names, fields, pointers, and
//     indexes made of names and constants is reported: an access through
//     a call's result (f().n++), an element written by copy or append
//     beyond the old length, or a whole struct copied while another
//     goroutine writes one of its fields other than the first is not. A
//     map is one location, as in the real detector, but its len is not an
//     access.
//   - sync/atomic calls synchronise (a Load acquires, a Store releases,
//     the others do both) but are not accesses, so a plain access racing
//     with an atomic one is not reported. Channel operations are not
//     accesses of the channel either: a close racing with a send is not
//     reported (the real detector reports it as a race on the channel).
//   - A loop condition is reported before the loop and after it, not at
//     each iteration.
//   - Every location remembers its last write and every read since, so a
//     race is found however far apart the two accesses are; the real
//     detector keeps four accesses per 8 bytes and may forget one.
//
// # Performance
//
// A compiled call costs yaegi a reflect.Value.Call, 0.2µs without
// arguments and nearer 1µs with three, several times an interpreted
// operation, so the rewrite keeps shim calls out of hot paths: bounds
// checks are interpreted, a loop's tick rides on its first channel
// operation, and a finished goroutine's real goroutine runs the next new
// G. Measured with -cpu 1 on a quiet machine (load 1.6): a 50-line program
// runs in 11.6ms (BenchmarkRun50); 10,000 goroutines blocked on a channel
// and released take 0.28s, with 78.5 MB of goroutine stacks (8 KiB each:
// the baton's frames under reflect.Value.Call) and a peak of 173 MB at
// GOGC=100 (the CLI's worker, whose memory limit makes the GC work
// harder, peaks at 146 MB RSS) (BenchmarkBlocked10k); 100,000 short
// goroutines take 0.87s (BenchmarkSpawn100k). A channel message costs two
// shim calls and two baton hand-offs: 100,000 messages take 178ms against
// 39ms in plain yaegi with real goroutines, 4.6 times (BenchmarkMessages);
// the two compiled calls alone cost more than a whole plain-yaegi message,
// so twice plain yaegi is out of reach without a cheaper way into
// compiled code than yaegi v0.16.1's reflect.Value.Call.
// A race window is guarded by an interpreted flag, so on one P it makes
// no call: a million x++ on a shared variable take about 0.33s against
// 0.26s on a local, and about 0.45s on several Ps, where each calls the
// shim (BenchmarkRaceWindow, medians on a loaded machine). A map write's
// window costs the same: a million m[k] = v on a shared map take 0.33s
// against 0.30s on a map of main's own, 0.60s on four Ps; a read's check
// calls the shim only while a map write is interrupted, and costs
// nothing measurable (BenchmarkMapWindow, medians, machine lightly
// loaded).
//
// The race detector (Options.Race) adds a compiled call per statement
// that touches memory another goroutine may reach (one for a read and
// write of the same place, x++ or x = x + 1), and a few hash lookups in
// the simulator: 100,000 reported accesses, two goroutines adding under a
// Mutex on two Ps, take 107ms against 80ms without it, 1.34 times
// (BenchmarkRaceDetector, medians of six, load about 9 on two cores). A
// loop that does nothing but update a shared slice element pays most:
// 8 million sums[p] += i take about 1.7 times as long (CPU time).
//
// internal/stdsym holds the compiled packages' symbols instead of yaegi's
// stdlib package, which links every standard package: the binary is
// 30.2 MB instead of 39.5 MB, and a build with an empty cache takes
// 124-144s of CPU instead of 151-159s (three pairs, loaded machine). Runs
// cost the same (BenchmarkRun50).
//
// # For learners
//
// Your program runs on a simulated computer: 8 CPUs, GOMAXPROCS Ps, a
// scheduler that follows the real runtime's rules, and a clock that moves
// only when goroutines work or sleep. That is why the same program prints
// the same thing every time you run it with the same seed, and why
// time.Sleep(time.Minute) returns at once. Output, panics and deadlock
// reports read as they do with go run. It is still an interpreter: a few
// corners of the language behave differently (see Known gaps), programs
// run slower than compiled ones, and a program cannot touch files, the
// network or the real clock. If something looks wrong, try it with the
// real toolchain and tell us.
package runner
