package runner

import (
	"fmt"
	"reflect"
	"strings"
)

// The builtins print and println: gc writes them to standard error, with
// the runtime's own formatting (runtime/print.go), where yaegi v0.16.1
// writes them to standard output with fmt's. The rewrite (rewrite_print.go)
// turns each call into __rt.Print, converting each operand to what the
// runtime prints: a basic value as its underlying basic type, an interface
// as PrintIface(x), anything else (a pointer, channel, map, func or
// slice) as itself.

// printIface is an interface operand: whether it is nil is all the
// simulator can print of it.
type printIface struct{ isNil bool }

// printExports are the shim's print functions.
func (r *run) printExports() map[string]reflect.Value {
	return map[string]reflect.Value{
		"Print": reflect.ValueOf(func(nl bool, args ...any) {
			r.checkEnded()
			r.stderr.Write([]byte(r.formatPrint(nl, args)))
		}),
		"PrintIface": reflect.ValueOf(func(x any) any { return printIface{x == nil} }),
	}
}

// formatPrint formats print's (nl false) or println's operands.
func (r *run) formatPrint(nl bool, args []any) string {
	var b strings.Builder
	for i, a := range args {
		if nl && i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(r.printOperand(a))
	}
	if nl {
		b.WriteByte('\n')
	}
	return b.String()
}

// printOperand prints one operand as the runtime does. Addresses, which
// the simulator does not have, are made up, the same for the same pointer
// within a run.
func (r *run) printOperand(a any) string {
	switch v := a.(type) {
	case printIface:
		if v.isNil {
			return "(0x0,0x0)"
		}
		return "(0x4a5e20," + r.fakeAddr() + ")"
	case nil:
		return "0x0"
	}
	rv := reflect.ValueOf(a)
	switch rv.Kind() {
	case reflect.Slice:
		addr := "0x0"
		if rv.Pointer() != 0 {
			addr = r.addrOf(rv.Pointer())
		}
		return fmt.Sprintf("[%d/%d]%s", rv.Len(), rv.Cap(), addr)
	case reflect.Pointer, reflect.Chan, reflect.Map, reflect.Func, reflect.UnsafePointer:
		if rv.IsNil() {
			return "0x0"
		}
		return r.addrOf(rv.Pointer())
	}
	return printValue(a)
}

// addrOf returns the made-up address of a real pointer.
func (r *run) addrOf(p uintptr) string {
	if r.printAddrs == nil {
		r.printAddrs = map[uintptr]string{}
	}
	s, ok := r.printAddrs[p]
	if !ok {
		s = r.fakeAddr()
		r.printAddrs[p] = s
	}
	return s
}
