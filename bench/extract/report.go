package main

import (
	"fmt"
	"github.com/polywire/polywire/workers/extract/shingle"
	"io"
	"sort"
)

// gapLimit is the per-page F1 gap the target forbids: no page where
// Polywire scores more than this below go-trafilatura.
const gapLimit = 0.3

// row is one extractor's scores and costs.
type row struct {
	name         string
	pages        []shingle.Counts // per page, in corpus id order
	p, r, f1     float64
	pagesPerCPU  float64
	maxRSSKiB    int64
	errors       int
	cpuSeconds   float64
	timedPages   int
	wallMsByPage float64
}

func newRow(name string, c *corpus, rep *childReport) row {
	rw := row{name: name, errors: rep.Errors, maxRSSKiB: rep.MaxRSSKiB, cpuSeconds: rep.CPUSeconds, timedPages: rep.Pages}
	for _, id := range c.ids {
		rw.pages = append(rw.pages, shingle.Compare(c.truth[id].Body, rep.Bodies[id]))
	}
	rw.p, rw.r, rw.f1 = shingle.Score(rw.pages)
	if rep.CPUSeconds > 0 {
		rw.pagesPerCPU = float64(rep.Pages) / rep.CPUSeconds
	}
	if rep.Pages > 0 {
		rw.wallMsByPage = rep.WallSeconds * 1000 / float64(rep.Pages)
	}
	return rw
}

func printReport(w io.Writer, c *corpus, rows []row, base *childReport, s settings) {
	fmt.Fprintf(w, "%d pages; %d rounds, each extractor in a fresh process per round: 1 untimed pass, then %d timed passes\n", len(c.ids), max(1, s.rounds), s.passes)
	fmt.Fprintf(w, "pages/CPU-s: timed pages over the child's user+sys CPU, all rounds; peak RSS: median of the rounds\n\n")
	fmt.Fprintf(w, "%-24s %6s %9s %6s %12s %9s %10s %8s %6s\n", "extractor", "F1", "precision", "recall", "pages/CPU-s", "ms/page", "peak RSS", "over base", "errors")
	for _, rw := range rows {
		fmt.Fprintf(w, "%-24s %6.3f %9.3f %6.3f %12.1f %9.2f %7.1f MiB %4.1f MiB %6d\n",
			rw.name, rw.f1, rw.p, rw.r, rw.pagesPerCPU, rw.wallMsByPage, mib(rw.maxRSSKiB), mib(rw.maxRSSKiB-base.MaxRSSKiB), rw.errors)
	}
	fmt.Fprintf(w, "%-24s %72.1f MiB  (corpus loaded, nothing extracted)\n", baselineName, mib(base.MaxRSSKiB))
	poly, ref := find(rows, polywireName), find(rows, referenceName)
	if poly == nil || ref == nil {
		return
	}
	fmt.Fprintf(w, "\n%s vs %s (no fallback): %.2f× pages per CPU-second (target ≥ 1.5), peak RSS %.2f× (over baseline %.2f×; target ≤ 1)\n",
		polywireName, referenceName, poly.pagesPerCPU/ref.pagesPerCPU,
		float64(poly.maxRSSKiB)/float64(ref.maxRSSKiB),
		float64(poly.maxRSSKiB-base.MaxRSSKiB)/float64(max(1, ref.maxRSSKiB-base.MaxRSSKiB)))
	for _, other := range []string{referenceName, trafilaturaFBName} {
		if o := find(rows, other); o != nil {
			printGaps(w, c, poly, o)
		}
	}
}

// printGaps lists the pages where Polywire's F1 is more than gapLimit below
// the other extractor's.
func printGaps(w io.Writer, c *corpus, poly, other *row) {
	var ids []string
	var lines []string
	for i, id := range c.ids {
		pf, of := poly.pages[i].F1(), other.pages[i].F1()
		if pf < of-gapLimit {
			ids = append(ids, id)
			lines = append(lines, fmt.Sprintf("  %s  %s %.3f  %s %.3f  %s", id, poly.name, pf, other.name, of, c.truth[id].URL))
		}
	}
	fmt.Fprintf(w, "pages where %s F1 < %s F1 − %.1f: %d (target 0)\n", poly.name, other.name, gapLimit, len(ids))
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

func find(rows []row, name string) *row {
	for i := range rows {
		if rows[i].name == name {
			return &rows[i]
		}
	}
	return nil
}

func mib(kib int64) float64 { return float64(kib) / 1024 }

// printWorst lists the n pages where poly scores lowest, with every
// extractor's F1 on them.
func printWorst(w io.Writer, c *corpus, rows []row, poly *row, n int) {
	idx := make([]int, len(c.ids))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return poly.pages[idx[a]].F1() < poly.pages[idx[b]].F1() })
	fmt.Fprintf(w, "\n%s's %d lowest pages (F1 per extractor, in table order):\n", poly.name, n)
	for _, i := range idx[:min(n, len(idx))] {
		fmt.Fprintf(w, "  %s", c.ids[i][:12])
		for _, rw := range rows {
			fmt.Fprintf(w, " %6.3f", rw.pages[i].F1())
		}
		fmt.Fprintf(w, "  %s\n", c.truth[c.ids[i]].URL)
	}
}
