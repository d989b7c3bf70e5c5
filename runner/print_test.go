package runner

import (
	"regexp"
	"testing"
)

// TestPrintBuiltins compares all that print and println wrote with what
// gc wrote for the same program (go1.26.8; addresses of non-nil values,
// which differ from run to run, are compared as ADDR).
func TestPrintBuiltins(t *testing.T) {
	src := `package main

import (
	"math"
	"runtime"
)

type S string
type B bool

func main() {
	z := 0.0
	var i8 int8 = -5
	var up uintptr = 255
	var u64 uint64 = math.MaxUint64
	var f32 float32 = 0.1
	var c64 complex64 = complex(1, -2)
	println(math.NaN(), math.Inf(1), math.Inf(-1), -z, z, i8, up, u64, f32, c64, S("s"), B(false), 'x', byte('y'))
	print(1, 2, "x", true, 1.25e-10, "\n")
	var m map[int]int
	var c chan int
	var e error
	var a any
	var s []int
	var p *int
	println(m, c, e, a, s, p)
	println(1e21, 123456789.0, 1e20, 0.000001, 1e-7)
	x := 1
	q := &x
	println(q, q, []int{1, 2, 3}[:2], any(3))
	defer println("deferred", x)
	x = 2
	go println("go", x)
	runtime.Gosched()
	done := make(chan bool)
	go func() { println(); done <- true }()
	<-done
}
`
	want := `NaN +Inf -Inf -0 0 -5 255 18446744073709551615 0.1 (1-2i) s false 120 121
12xtrue1.25e-10
0x0 0x0 (0x0,0x0) (0x0,0x0) [0/0]0x0 0x0
1e+21 1.23456789e+08 1e+20 1e-06 1e-07
ADDR ADDR [2/3]ADDR (ADDR,ADDR)
go 2

deferred 1
`
	res := runSource(t, src)
	got := regexp.MustCompile(`0x[0-9a-f]*[1-9a-f][0-9a-f]*`).ReplaceAllString(string(res.Stderr), "ADDR")
	if got != want || len(res.Stdout) != 0 {
		t.Errorf("stderr:\n%s\nwant:\n%s\nstdout: %q", got, want, res.Stdout)
	}
}
