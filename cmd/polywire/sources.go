package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/polywire/polywire/workers/fetch"
)

type sourcesOptions struct {
	serverFlags
	json bool
}

func sourcesCommand() *command {
	return &command{
		name:    "sources",
		usage:   "check [--config F] | status [--json]",
		summary: "validate the configuration and gazetteer (check) or show per-source health (status)",
		flags: func(fs *flag.FlagSet) any {
			o := &sourcesOptions{}
			o.register(fs)
			fs.BoolVar(&o.json, "json", false, "status: print JSON lines")
			return o
		},
		run: func(ctx context.Context, e *env, opts any, args []string) error {
			o := opts.(*sourcesOptions)
			if len(args) != 1 {
				return fmt.Errorf("%w: check or status", errUsage)
			}
			switch args[0] {
			case "check":
				return sourcesCheck(e, o)
			case "status":
				return sourcesStatus(ctx, e, o)
			}
			return fmt.Errorf("%w: unknown action %q", errUsage, args[0])
		},
	}
}

// sourcesCheck validates polywire.yaml, sources.yaml and the gazetteer and
// prints every problem, one a line, with file, line/field and hint.
func sourcesCheck(e *env, o *sourcesOptions) error {
	cfg, err := o.load()
	var problems []string
	if err != nil {
		problems = append(problems, splitErrors(err)...)
	} else if _, gerr := loadGazetteer(cfg); gerr != nil {
		problems = append(problems, splitErrors(gerr)...)
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(e.stdout, p)
		}
		return fmt.Errorf("%d problems", len(problems))
	}
	where := cfg.Path
	if where == "" {
		where = "embedded defaults"
	}
	fmt.Fprintf(e.stdout, "ok: %s, %d sources, gazetteer loaded\n", where, len(cfg.Sources))
	return nil
}

// splitErrors flattens joined errors into one line each.
func splitErrors(err error) []string {
	var out []string
	var walk func(error)
	walk = func(err error) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			if strings.TrimSpace(line) != "" {
				out = append(out, line)
			}
		}
	}
	walk(err)
	return out
}

func sourcesStatus(ctx context.Context, e *env, o *sourcesOptions) error {
	b, cfg, err := adminBus(ctx, &o.serverFlags, e.log)
	if err != nil {
		return err
	}
	defer b.Close()
	kv, err := b.KeyValue(ctx, "polywire_fetch", 0)
	if err != nil {
		return err
	}
	keys, err := kv.Keys(ctx)
	if err != nil {
		return err
	}
	healths := map[string]fetch.Health{}
	for _, k := range keys {
		id, ok := strings.CutPrefix(k, fetch.HealthKeyPrefix)
		if !ok {
			continue
		}
		v, found, err := kv.Get(ctx, k)
		if err != nil || !found {
			continue
		}
		var h fetch.Health
		if err := json.Unmarshal(v, &h); err != nil {
			return fmt.Errorf("health of %s: %w", id, err)
		}
		healths[id] = h
	}
	ids := map[string]bool{}
	var order []string
	for _, s := range cfg.Sources {
		ids[s.ID] = true
		order = append(order, s.ID)
	}
	for id := range healths {
		if !ids[id] {
			order = append(order, id)
		}
	}
	if o.json {
		enc := newJSONEncoder(e.stdout)
		for _, id := range order {
			h, ok := healths[id]
			h.State = "never polled"
			if ok {
				h.State = h.StateAt(time.Now()) // stale can begin between polls
			}
			if err := enc.Encode(struct {
				Source string `json:"source"`
				fetch.Health
			}{id, h}); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tSTATE\tLAST SUCCESS\tLAST NEW ITEM\tITEMS\tHELD\tFAILURES\tLAST ERROR")
	for _, id := range order {
		h, ok := healths[id]
		if !ok {
			fmt.Fprintf(tw, "%s\tnever polled\t-\t-\t0\t0\t0\t\n", id)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%s\n", id, h.StateAt(time.Now()), ago(h.LastSuccess), ago(h.LastNewItem),
			h.Items, h.Held, h.ConsecutiveFailures, oneLine(h.LastError))
	}
	return errors.Join(tw.Flush())
}

func ago(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return time.Since(t).Round(time.Second).String() + " ago"
}

// oneLine keeps an error on one table line, shortened.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		return string(r[:159]) + "…"
	}
	return s
}
