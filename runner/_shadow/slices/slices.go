// Package slices is empty: the rewrite turns every call into slices into a
// helper emitted in the program (rewrite_generic.go); a blank import of
// it must still resolve.
package slices
