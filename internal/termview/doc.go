// Package termview renders a lesson for the terminal: its Markdown as
// styled text, and under each runnable snippet the snippet's run on the
// simulated scheduler with the pictures its show= setting asks for.
//
// The package owns the terminal Markdown dependency: glamour renders the
// prose, tables and lists, and highlights code with chroma; this package
// only prepares the Markdown for it (the lesson format's "{#anchor}"
// heading suffixes and fence settings are not Markdown a reader should
// see) and draws what glamour cannot: the run's output and the pictures.
//
// Like every package below internal/cli, it knows nothing about the
// process: the caller says how wide the terminal is, whether to use
// colour, and whether to run the snippets, and passes an io.Writer.
// Output is deterministic for a given lesson and [Options], so golden
// files can hold it.
//
// # Pictures
//
// The pictures are drawn from a run's trace ([sim.Trace]) and counts
// ([sim.Stats]):
//
//	timeline  one row per P over virtual time, from [sim.Segments]
//	queues    each P with its M, running G, runnext and local queue, and
//	          the global queue, at the moment the most Gs waited to run
//	stack     each goroutine's stack size, against an OS thread's 8 MiB
//	chan      each channel's capacity, buffer, and waiting senders and
//	          receivers, at the moment the most values or Gs waited
//	summary   virtual time and the scheduler's counts
//	trace     the first lines of the trace itself
//
// The queues, stack and chan pictures need the machine's state at some
// moment, which a run does not return: [replay] rebuilds it from the
// trace events. The trace does not record which channels a goroutine
// parked in a select waits on, so such goroutines are listed apart
// rather than in the channels' queues.
package termview
