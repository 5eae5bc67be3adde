package main

import (
	"fmt"
	"io"
)

func mark(ok bool) string {
	if ok {
		return "ok"
	}
	return "MISSED"
}

// printScores prints exact and token-level P/R/F1 per type; with targets,
// the token-level F1 targets and whether they are met.
func printScores(w io.Writer, title string, s Scores, targets bool) bool {
	fmt.Fprintf(w, "\n%s\n", title)
	fmt.Fprintf(w, "%-6s %5s %5s | %-20s | %-20s\n", "type", "gold", "pred", "exact span P/R/F1", "token P/R/F1")
	want := map[string]float64{"PER": targetPER, "LOC": targetLOC, "ORG": targetORG}
	ok := true
	for _, t := range append(Types, "micro") {
		e, k := *s.Exact[t], *s.Token[t]
		ep, er, ef := e.PRF()
		tp, tr, tf := k.PRF()
		line := fmt.Sprintf("%-6s %5d %5d | %.3f %.3f %.3f    | %.3f %.3f %.3f", t, e.Gold, e.Pred, ep, er, ef, tp, tr, tf)
		if target, has := want[t]; targets && has {
			met := tf >= target
			ok = ok && met
			line += fmt.Sprintf("   target token F1 >= %.2f: %s", target, mark(met))
		}
		fmt.Fprintln(w, line)
	}
	return ok
}

// printPerf prints throughput and the gazetteer's cost against the targets.
func printPerf(w io.Writer, t tput, g gazStats) bool {
	mbOK := t.mbPerCPUs >= targetMBps
	loadOK := g.load+g.index <= targetLoad
	heapOK := g.heapMB <= targetHeapMB
	fmt.Fprintf(w, "\nthroughput: %.1f MB of text per CPU-second (%.1f MB/s wall; %d passes, %.1f MB, %.2fs CPU)   target >= %.0f: %s\n",
		t.mbPerCPUs, t.mbPerWallS, t.passes, float64(t.bytes)/1e6, t.cpu.Seconds(), targetMBps, mark(mbOK))
	fmt.Fprintf(w, "gazetteer: load %v + index %v = %v   target <= %v: %s\n",
		g.load.Round(msRound), g.index.Round(msRound), (g.load + g.index).Round(msRound), targetLoad, mark(loadOK))
	fmt.Fprintf(w, "gazetteer heap: %.1f MB live after load and GC   target <= %.0f MB: %s\n", g.heapMB, targetHeapMB, mark(heapOK))
	return mbOK && loadOK && heapOK
}

const msRound = 1e6 // a millisecond, in time.Duration units
