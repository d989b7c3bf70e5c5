package runner

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// Channel operations become calls to the shim. Channel values themselves
// are kept: a learner's chan T is only an identity handle for the shim,
// which never uses it as a real channel. Values cross the compiled boundary
// boxed as pointers to typed temporaries (&v of type *T), which is the one
// representation that keeps interpreted interfaces and methods intact
// (runner-notes, "the any-boundary problem").

// send rewrites ch <- v outside select. In a statement list it becomes a
// block that evaluates the channel, then the value (the spec's order),
// then sends; where only a simple statement fits (a for post statement, an
// if init) it becomes one call that boxes the value in a one-element slice.
func (r *rewriter) send(s *ast.SendStmt, inList bool) {
	t, ok := r.elemName(s.Chan, s.Arrow)
	if !ok {
		return
	}
	if !inList {
		r.replaceNode(s, func() []any {
			return parts(rtName+".Send(", s.Chan, ", &[]"+t+"{", s.Value, "}[0]"+padHere+")")
		})
		return
	}
	c, v := r.fresh("c"), r.fresh("v")
	send := fmt.Sprintf("%s.Send(%s, &%s)", rtName, c, v)
	if n, ok := r.tickInto[s]; ok {
		send = fmt.Sprintf("%s.SendT(%s, &%s, %d)", rtName, c, v, n)
	}
	r.replaceNode(s, func() []any {
		return parts("{ "+c+" := ", s.Chan, "; var "+v+" "+t+" = ", s.Value, "; "+send+" }")
	})
}

// recv rewrites <-ch. As an expression statement the value is dropped and
// the element type need not be named.
func (r *rewriter) recv(u *ast.UnaryExpr, stmt bool) {
	call, tail := rtName+".Recv(", ")"
	if n, ok := r.tickInto[u]; ok {
		call, tail = rtName+".RecvT(", fmt.Sprintf(", %d)", n)
	}
	if stmt {
		if _, ok := r.chanElem(u.X); !ok {
			r.refuse(u.OpPos, "receive from %s is not supported by the runner", types.ExprString(u.X))
			return
		}
		r.replaceNode(u, func() []any { return parts(call, u.X, padHere+tail) })
		return
	}
	t, ok := r.elemName(u.X, u.OpPos)
	if !ok {
		return
	}
	r.replaceNode(u, func() []any { return parts("*("+call, u.X, tail+".(*"+t+")"+padHere+")") })
}

// recv2 rewrites the receive of a comma-ok form (v, ok := <-ch, v, ok = <-ch,
// var v, ok = <-ch) into a call of a closure returning both values. That one
// expression fits every context, including if and switch init statements,
// and keeps the learner's scoping untouched. okType is the type of the ok
// operand when it is a defined boolean type (the untyped bool of a real
// receive is assignable to it; the closure's typed bool is not), or "".
func (r *rewriter) recv2(u *ast.UnaryExpr, okType string) {
	t, ok := r.elemName(u.X, u.OpPos)
	if !ok {
		return
	}
	r.handled[u] = true
	p, okv := r.fresh("p"), r.fresh("ok")
	res, conv := "bool", okv
	if okType != "" {
		res, conv = okType, okType+"("+okv+")"
	}
	r.replaceNode(u, func() []any {
		return parts(fmt.Sprintf("func() (%s, %s) { %s, %s := %s.Recv2(", t, res, p, okv, rtName), u.X,
			fmt.Sprintf("); return *(%s.(*%s)), %s }(%s)", p, t, conv, padHere))
	})
}

// okTypeOf returns the name of the defined boolean type of an assigned ok
// operand, or "" when a plain bool fits.
func (r *rewriter) okTypeOf(lhs ast.Expr) string {
	t := r.typeOf(lhs)
	if t == nil {
		return ""
	}
	if _, named := t.(*types.Named); !named {
		return ""
	}
	if b, ok := t.Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
		return ""
	}
	name, err := r.typeName(t)
	if err != nil {
		return ""
	}
	return name
}

// rangeChan rewrites for [v :=|=] range ch into a loop over Recv2T, which
// also carries the iteration's tick (see loopTick). The
// channel is evaluated once, in the for init, as range evaluates its
// operand once. Only the header is replaced, so the body, labels and
// break/continue are untouched, and v is fresh in every iteration.
func (r *rewriter) rangeChan(rs *ast.RangeStmt) {
	assign := ""
	if rs.Key != nil && !isBlank(rs.Key) {
		t, ok := r.elemName(rs.X, rs.X.Pos())
		if !ok {
			return
		}
		assign = " " + rs.Tok.String() + " *(%s.(*" + t + "));"
	}
	c, p, ok := r.fresh("c"), r.fresh("p"), r.fresh("ok")
	if assign == "" {
		p = "_"
	}
	r.replace(rs.For, rs.Body.Lbrace+1, func() []any {
		// true: yaegi re-runs the init of a loop without condition (forCond).
		ps := parts("for "+c+" := ", rs.X, fmt.Sprintf("; true; {%s %s, %s := %s.Recv2T(%s, %d); if !%s { break };",
			padHere, p, ok, rtName, c, tickCost(rs.Body), ok))
		if assign != "" {
			ps = append(ps, " ", rs.Key, fmt.Sprintf(assign, p))
		}
		return ps
	})
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// selectCase is one communication clause of a select, in source order.
type selectCase struct {
	send     bool
	ch, val  ast.Expr
	elemType string
}

// selectStmt rewrites a select into a switch on __rt.Select:
//
//	switch i, r, ok := __rt.Select([]__rt.Case{{Dir: __rt.RecvDir, Ch: c1}, ...}, hasDefault); i {
//	case 0: v := *(r.(*T));
//	default:
//
// Channel operands and send values are evaluated once, in source order,
// in the composite literal, before Select, as the spec requires. The
// switch keeps the select's label and braces, so break and break L still
// leave it, and case bodies are untouched.
func (r *rewriter) selectStmt(s *ast.SelectStmt) {
	var cases []selectCase
	hasDefault := false
	iv, rv, okv := r.fresh("i"), r.fresh("r"), r.fresh("ok")
	useR, useOK := false, false
	// The default clause, or else the last case, becomes the switch's
	// default, so that a select ending a function is still a terminating
	// statement (Select returns -1 only when there is a default).
	last := -1
	for i, st := range s.Body.List {
		if cc, ok := st.(*ast.CommClause); ok {
			if cc.Comm == nil {
				hasDefault = true
			}
			last = i
		}
	}
	for i, st := range s.Body.List {
		cc, ok := st.(*ast.CommClause)
		if !ok {
			continue
		}
		label := fmt.Sprintf("case %d:", len(cases))
		if cc.Comm == nil || !hasDefault && i == last {
			label = "default:"
		}
		var assign []any
		switch c := cc.Comm.(type) {
		case nil:
		case *ast.SendStmt:
			t, ok := r.elemName(c.Chan, c.Arrow)
			if !ok {
				return
			}
			r.handled[c] = true
			cases = append(cases, selectCase{send: true, ch: c.Chan, val: c.Value, elemType: t})
		case *ast.ExprStmt:
			u, ok := isRecv(c.X)
			if !ok {
				r.refuse(c.Pos(), "select case must be a send or receive")
				return
			}
			r.handled[u] = true
			cases = append(cases, selectCase{ch: u.X})
		case *ast.AssignStmt:
			u, ok := isRecv(c.Rhs[0])
			if !ok || len(c.Rhs) != 1 || len(c.Lhs) > 2 {
				r.refuse(c.Pos(), "select case must be a send or receive")
				return
			}
			t, ok := r.elemName(u.X, u.OpPos)
			if !ok {
				return
			}
			r.handled[u] = true
			cases = append(cases, selectCase{ch: u.X})
			useR = true
			lhs, tok := c.Lhs, c.Tok.String()
			okConv := okv
			if len(lhs) == 2 {
				useOK = true
				if c.Tok == token.ASSIGN {
					if k := r.okTypeOf(lhs[1]); k != "" {
						okConv = k + "(" + okv + ")"
					}
				}
			}
			if len(lhs) == 1 {
				assign = parts(" ", lhs[0], fmt.Sprintf(" %s *(%s.(*%s));", tok, rv, t))
			} else {
				assign = parts(" ", lhs[0], ", ", lhs[1], fmt.Sprintf(" %s *(%s.(*%s)), %s;", tok, rv, t, okConv))
			}
		default:
			r.refuse(c.Pos(), "select case must be a send or receive")
			return
		}
		r.replace(cc.Case, cc.Colon+1, func() []any { return append(parts(label+padHere), assign...) })
	}
	names := iv + ", " + blankUnless(useR, rv) + ", " + blankUnless(useOK, okv)
	r.replace(s.Select, s.Body.Lbrace+1, func() []any {
		ps := parts(fmt.Sprintf("switch %s := %s.Select(%s", names, rtName, padHere))
		if len(cases) == 0 {
			ps = append(ps, "nil")
		} else {
			ps = append(ps, "[]"+rtName+".Case{")
			for i, c := range cases {
				if i > 0 {
					ps = append(ps, ", ")
				}
				if c.send {
					ps = append(ps, "{Dir: "+rtName+".SendDir, Ch: ", c.ch, ", Val: &[]"+c.elemType+"{", c.val, "}[0]}")
				} else {
					ps = append(ps, "{Dir: "+rtName+".RecvDir, Ch: ", c.ch, "}")
				}
			}
			ps = append(ps, "}")
		}
		ps = append(ps, fmt.Sprintf(", %t); %s {", hasDefault, iv))
		if last < 0 {
			ps = append(ps, ` default: panic("unreachable: empty select")`) // Select blocks forever
		}
		return ps
	})
}

func blankUnless(use bool, name string) string {
	if use {
		return name
	}
	return "_"
}

// chanBuiltin rewrites close, len and cap of a channel to the shim's.
func (r *rewriter) chanBuiltin(call *ast.CallExpr, name string) bool {
	if len(call.Args) != 1 {
		return false
	}
	if _, ok := r.chanElem(call.Args[0]); !ok {
		return false
	}
	shim := map[string]string{"close": "Close", "len": "Len", "cap": "Cap"}[name]
	r.replaceText(call.Fun, rtName+"."+shim)
	return true
}
