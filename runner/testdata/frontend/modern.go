// Modern Go that yaegi v0.16.1 cannot run as is: min, max and clear
// (Go 1.21), the generic slices, maps and cmp packages, and ranging over
// their iterators.
package main

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

type Celsius float64

type Person struct {
	Name string
	Age  int
}

const Limit = max(3, 7, 5)

func Largest[T cmp.Ordered](xs ...T) T {
	m := xs[0]
	for _, x := range xs {
		if x > m {
			m = x
		}
	}
	return m
}

func main() {
	a, b := 3, 9
	fmt.Println(min(a, b), max(a, b, 4), min(2.5, float64(a)), Limit, max("go", "gopher"))
	var t Celsius = -2
	fmt.Println(max(t, 1.5), min(t, -3))
	nan := math.NaN()
	fmt.Println(max(1.0, nan), min(nan, 1.0), 1/max(math.Copysign(0, -1), 0.0))
	fmt.Println(max('a', 'b'), min(1.5, 2), max(1<<40, 3))

	m := map[string]int{"a": 1, "b": 2}
	clear(m)
	s := []int{1, 2, 3}
	clear(s)
	fmt.Println(len(m), s)

	xs := []int{5, 2, 8, 1, 9, 3}
	slices.Sort(xs)
	fmt.Println(xs, slices.Contains(xs, 8), slices.Index(xs, 9), slices.Index(xs, 7))
	i, found := slices.BinarySearch(xs, 5)
	fmt.Println(i, found, slices.Max(xs), slices.Min(xs))
	slices.Reverse(xs)
	fmt.Println(xs, slices.Equal(xs, []int{9, 8, 5, 3, 2, 1}), slices.IsSorted(xs))

	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dan", 25}, {"Eve", 35}, {"Fay", 25}}
	slices.SortFunc(people, func(x, y Person) int { return cmp.Compare(x.Age, y.Age) })
	fmt.Println(people)
	slices.SortStableFunc(people, func(x, y Person) int { return strings.Compare(y.Name, x.Name) })
	fmt.Println(people)
	fmt.Println(slices.IndexFunc(people, func(p Person) bool { return p.Age > 30 }),
		slices.ContainsFunc(people, func(p Person) bool { return p.Name == "Zed" }))

	fs := []float64{2, nan, -1, 0}
	slices.Sort(fs)
	fmt.Println(fs, cmp.Compare(nan, 1.0), cmp.Less(1.0, nan))

	ages := map[string]int{"x": 1, "y": 2, "z": 3}
	keys := slices.Sorted(maps.Keys(ages))
	fmt.Println(keys, len(slices.Collect(maps.Values(ages))))
	c := maps.Clone(ages)
	c["w"] = 0
	fmt.Println(len(ages), len(c), slices.Clone(keys))
	sum := 0
	for k := range maps.Keys(ages) {
		sum += len(k)
	}
	for v := range maps.Values(ages) {
		sum += v
	}
	for i, v := range slices.All(keys) {
		sum += i * len(v)
	}
	fmt.Println(sum, Largest(3, 7, 2), Largest("b", "a"))

	type local struct{ n int }
	ls := []local{{3}, {1}, {2}}
	slices.SortFunc(ls, func(a, b local) int { return a.n - b.n })
	fmt.Println(ls, max(local{1}.n, 0))
}
