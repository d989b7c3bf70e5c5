// Package runner runs ordinary Go programs under yaegi on the simulated G-P-M scheduler.
package runner
