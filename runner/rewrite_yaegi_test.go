package runner

import "testing"

// TestYaegiWorkarounds runs the assignments and conversions that yaegi
// v0.16.1 gets wrong on its own (rewrite_yaegi.go) and fmt's use of the
// learner's Error methods (mapTypes); want is what gc printed (go1.26.8).
func TestYaegiWorkarounds(t *testing.T) {
	src := `package main

import "fmt"

type E struct{ msg string }

func (e E) Error() string { return "E:" + e.msg }

type PE struct{ msg string }

func (e *PE) Error() string { return "PE:" + e.msg }

type S struct{ n int }

func (s S) String() string { return fmt.Sprint("S", s.n) }

func f() int { return 10 }

func main() {
	a, b := 1, 1
	a, b = f(), 7
	fmt.Println("parallel", a, b)
	a, b = 1, f()
	fmt.Println("parallel", a, b)
	var err error = E{"var"}
	fmt.Println(err.Error(), err)
	err = E{"assign"}
	fmt.Println(err.Error())
	fmt.Println(error(E{"conv"}).Error())
	c := make(chan error, 1)
	c <- E{"chan"}
	fmt.Println((<-c).Error())
	var x any = E{"any"}
	fmt.Println(x)
	var e1, e2 error = E{"m1"}, E{"m2"}
	fmt.Println(e1.Error(), e2.Error())
	n := 0
	err, n = E{"tuple"}, 2
	fmt.Println(err.Error(), n)
	var s fmt.Stringer = S{1}
	fmt.Println(s.String(), s)
	fmt.Println(E{"v"}, &PE{"p"}, S{3})
	fmt.Printf("%v %s %q\n", E{"v"}, &PE{"p"}, S{3})
	fmt.Println(fmt.Errorf("ctx: %w", &PE{"w"}))
	for i := range "héllo" {
		fmt.Print(i, " ")
	}
	fmt.Println()
}
`
	want := `parallel 10 7
parallel 1 10
E:var E:var
E:assign
E:conv
E:chan
E:any
E:m1 E:m2
E:tuple 2
S1 S1
E:v PE:p S3
E:v PE:p "S3"
ctx: PE:w
0 1 3 4 5 
`
	res := runSource(t, src)
	if string(res.Stdout) != want {
		t.Errorf("stdout:\n%s\nwant:\n%s\nstderr:\n%s", res.Stdout, want, res.Stderr)
	}
}
