//go:build race

package checker_test

// raceEnabled is set when the tests run with -race, which makes the
// interpreter about ten times slower: the tests then give each run more
// wall-clock time and skip the exercises whose runs take seconds.
const raceEnabled = true
