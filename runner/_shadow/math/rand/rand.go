// Package rand is the simulator's math/rand: the standard types, and
// top-level functions drawing from a source seeded by the run's seed, so a
// run is repeatable (the real package seeds them randomly).
package rand

import (
	rr "gotour.gpm/realrand"
	rt "gotour.gpm/rt"
)

type (
	Rand     = rr.Rand
	Source   = rr.Source
	Source64 = rr.Source64
	Zipf     = rr.Zipf
)

func New(src Source) *Rand                             { return rr.New(src) }
func NewSource(seed int64) Source                      { return rr.NewSource(seed) }
func NewZipf(r *Rand, s, v float64, imax uint64) *Zipf { return rr.NewZipf(r, s, v, imax) }

var global = rt.Rand()

// Seed is deprecated and, as since Go 1.24, does nothing.
func Seed(seed int64) {}

func Int() int                           { return global.Int() }
func Intn(n int) int                     { return global.Intn(n) }
func Int31() int32                       { return global.Int31() }
func Int31n(n int32) int32               { return global.Int31n(n) }
func Int63() int64                       { return global.Int63() }
func Int63n(n int64) int64               { return global.Int63n(n) }
func Uint32() uint32                     { return global.Uint32() }
func Uint64() uint64                     { return global.Uint64() }
func Float32() float32                   { return global.Float32() }
func Float64() float64                   { return global.Float64() }
func ExpFloat64() float64                { return global.ExpFloat64() }
func NormFloat64() float64               { return global.NormFloat64() }
func Perm(n int) []int                   { return global.Perm(n) }
func Shuffle(n int, swap func(i, j int)) { global.Shuffle(n, swap) }
