// Package maps is empty: the rewrite turns every call into maps into a
// helper emitted in the program (rewrite_generic.go); a blank import of
// it must still resolve.
package maps
