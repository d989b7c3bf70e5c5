package runner

import (
	"go/ast"
	"go/types"
)

// Calls of the shadow sync package's methods go straight to the shim:
// mu.Lock() becomes __rt.Lock(&mu), wg.Done() __rt.WGAdd(&wg, -1). The
// shadow methods only forward to the shim, and an interpreted method call
// costs yaegi a frame, a method value and a reflect type each time
// (getMethod), several times the shim call itself. The shim keys a lock by
// its address, so direct calls and calls through a method value (f :=
// mu.Lock) meet on the same simulated mutex.

// syncShims maps a sync method to its shim function and the argument
// that follows the receiver, if any ("" for none, "*" for the call's own).
var syncShims = map[string][2]string{
	"Mutex.Lock":      {"Lock", ""},
	"Mutex.Unlock":    {"Unlock", ""},
	"Mutex.TryLock":   {"TryLock", ""},
	"RWMutex.Lock":    {"WLock", ""},
	"RWMutex.Unlock":  {"WUnlock", ""},
	"RWMutex.RLock":   {"RLock", ""},
	"RWMutex.RUnlock": {"RUnlock", ""},
	"WaitGroup.Add":   {"WGAdd", "*"},
	"WaitGroup.Done":  {"WGAdd", "-1"},
	"WaitGroup.Wait":  {"WGWait", ""},
	"Cond.Signal":     {"CondSignal", ""},
	"Cond.Broadcast":  {"CondBroadcast", ""},
}

// syncCall returns the shim function for a call of a sync method through
// sel, the receiver's address as parts, and the argument after it.
func (r *rewriter) syncCall(sel *ast.SelectorExpr) (fn string, recv []any, arg string, ok bool) {
	s, found := r.p.info.Selections[sel]
	if !found || s.Kind() != types.MethodVal {
		return "", nil, "", false
	}
	f, _ := s.Obj().(*types.Func)
	if f == nil || f.Pkg() == nil || f.Pkg().Path() != "sync" {
		return "", nil, "", false
	}
	ptr, _ := f.Signature().Recv().Type().(*types.Pointer)
	if ptr == nil {
		return "", nil, "", false
	}
	named, _ := ptr.Elem().(*types.Named)
	if named == nil {
		return "", nil, "", false
	}
	shim, known := syncShims[named.Obj().Name()+"."+f.Name()]
	if !known {
		return "", nil, "", false
	}
	recv, ok = r.recvAddr(sel.X, s)
	return shim[0], recv, shim[1], ok
}

// recvAddr returns the address of the receiver that selection s reaches
// from x: x itself or &x, then through embedded fields.
func (r *rewriter) recvAddr(x ast.Expr, s *types.Selection) ([]any, bool) {
	t := r.typeOf(x)
	ps := parts(x)
	idx := s.Index()
	for _, i := range idx[:len(idx)-1] {
		st, ok := derefStruct(t)
		if !ok {
			return nil, false
		}
		fld := st.Field(i)
		ps = cat(parts("("), ps, parts(")."+fld.Name()))
		t = fld.Type()
	}
	if _, isPtr := t.Underlying().(*types.Pointer); isPtr {
		return ps, true
	}
	return cat(parts("&("), ps, parts(")")), true
}

func derefStruct(t types.Type) (*types.Struct, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

// syncMethodCall rewrites a call of a sync method into a shim call.
func (r *rewriter) syncMethodCall(c *ast.CallExpr) bool {
	sel, ok := unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, recv, arg, ok := r.syncCall(sel)
	if !ok {
		return false
	}
	ps := cat(parts(rtName+"."+fn+"("), recv)
	switch arg {
	case "":
	case "*":
		if len(c.Args) != 1 {
			return false
		}
		ps = append(ps, ", ", c.Args[0])
	default:
		ps = append(ps, ", "+arg)
	}
	ps = append(ps, padHere+")")
	r.handled[c] = true
	r.replaceNode(c, func() []any { return ps })
	return true
}
