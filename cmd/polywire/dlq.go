package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
)

type dlqOptions struct {
	serverFlags
	stage, source string
	limit         int
	all           bool
	json          bool
}

func dlqCommand() *command {
	return &command{
		name:    "dlq",
		usage:   "list [--stage S] [--source S] | show SEQ | replay SEQ…|--all",
		summary: "inspect and replay dead letters (polywire.dlq.<stage>.<source>)",
		flags: func(fs *flag.FlagSet) any {
			o := &dlqOptions{}
			o.register(fs)
			fs.StringVar(&o.stage, "stage", "", "only this stage")
			fs.StringVar(&o.source, "source", "", "only this source")
			fs.IntVar(&o.limit, "limit", 100, "at most this many dead letters")
			fs.BoolVar(&o.all, "all", false, "replay: every dead letter matching --stage/--source")
			fs.BoolVar(&o.json, "json", false, "list/show as JSON")
			return o
		},
		run: func(ctx context.Context, e *env, opts any, args []string) error {
			return runDLQ(ctx, e, opts.(*dlqOptions), args)
		},
	}
}

func runDLQ(ctx context.Context, e *env, o *dlqOptions, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: list, show or replay", errUsage)
	}
	b, _, err := adminBus(ctx, &o.serverFlags, e.log)
	if err != nil {
		return err
	}
	defer b.Close()
	filter := bus.DLQFilter{Stage: o.stage, Source: o.source, Limit: o.limit}
	switch args[0] {
	case "list":
		dls, err := b.DeadLetters(ctx, filter)
		if err != nil {
			return err
		}
		if o.json {
			return encodeDeadLetters(e, dls, false)
		}
		if len(dls) == 0 {
			fmt.Fprintln(e.stdout, "no dead letters")
		}
		for _, d := range dls {
			fmt.Fprintf(e.stdout, "%d\t%s\t%s/%s\tattempts=%d\t%s\n\t%s\n", d.Seq, d.Time.Format(time.RFC3339), d.Stage, d.Source, d.Attempts, d.URL, d.Reason)
		}
		return nil
	case "show":
		seqs, err := parseSeqs(args[1:])
		if err != nil || len(seqs) != 1 {
			return fmt.Errorf("%w: show takes one sequence number", errUsage)
		}
		d, err := b.DeadLetter(ctx, seqs[0])
		if err != nil {
			return err
		}
		return encodeDeadLetters(e, []bus.DeadLetter{*d}, true)
	case "replay":
		seqs, err := parseSeqs(args[1:])
		if err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		if o.all {
			dls, err := b.DeadLetters(ctx, filter)
			if err != nil {
				return err
			}
			for _, d := range dls {
				seqs = append(seqs, d.Seq)
			}
		}
		if len(seqs) == 0 {
			return fmt.Errorf("%w: replay SEQ… or --all", errUsage)
		}
		for _, s := range seqs {
			if err := b.ReplayDeadLetter(ctx, s); err != nil {
				return fmt.Errorf("replaying %d: %w", s, err)
			}
		}
		fmt.Fprintf(e.stdout, "replayed %d dead letters\n", len(seqs))
		return nil
	}
	return fmt.Errorf("%w: unknown dlq action %q", errUsage, args[0])
}

func parseSeqs(args []string) ([]uint64, error) {
	var seqs []uint64
	for _, a := range args {
		n, err := strconv.ParseUint(a, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("not a sequence number: %q", a)
		}
		seqs = append(seqs, n)
	}
	return seqs, nil
}

// deadLetterJSON is a dead letter as printed by dlq list/show --json.
type deadLetterJSON struct {
	Seq             uint64    `json:"seq"`
	Time            time.Time `json:"time"`
	Stage           string    `json:"stage"`
	Source          string    `json:"source"`
	StoryID         string    `json:"story_id,omitempty"`
	URL             string    `json:"url,omitempty"`
	Reason          string    `json:"reason"`
	Attempts        int       `json:"attempts"`
	OriginalSubject string    `json:"original_subject"`
	Data            string    `json:"data,omitempty"`
}

func encodeDeadLetters(e *env, dls []bus.DeadLetter, withData bool) error {
	enc := newJSONEncoder(e.stdout)
	for _, d := range dls {
		j := deadLetterJSON{Seq: d.Seq, Time: d.Time, Stage: d.Stage, Source: d.Source, StoryID: d.StoryID,
			URL: d.URL, Reason: d.Reason, Attempts: d.Attempts, OriginalSubject: d.OriginalSubject}
		if withData {
			j.Data = string(d.Data)
		}
		if err := enc.Encode(j); err != nil {
			return err
		}
	}
	return nil
}

// --- replay ---

type replayOptions struct {
	serverFlags
	from  string
	since time.Duration
}

func replayCommand() *command {
	return &command{
		name:    "replay",
		usage:   "--from STAGE [--since DURATION]",
		summary: "reprocess retained stories from a stage on (after an extractor or tagger change)",
		flags: func(fs *flag.FlagSet) any {
			o := &replayOptions{}
			o.register(fs)
			fs.StringVar(&o.from, "from", "", "first stage to run again: extract, tag, translate or index")
			fs.DurationVar(&o.since, "since", 0, "only messages retained for at most this long (default: all)")
			return o
		},
		run: func(ctx context.Context, e *env, opts any, args []string) error {
			o := opts.(*replayOptions)
			kind, ok := map[string]string{
				pipeline.StageExtract: pipeline.KindRaw, pipeline.StageTag: pipeline.KindExtracted,
				pipeline.StageTranslate: pipeline.KindTagged, pipeline.StageIndex: pipeline.KindTranslated,
			}[o.from]
			if !ok || len(args) > 0 {
				return fmt.Errorf("%w: --from must be one of extract, tag, translate, index", errUsage)
			}
			b, _, err := adminBus(ctx, &o.serverFlags, e.log)
			if err != nil {
				return err
			}
			defer b.Close()
			var since time.Time
			if o.since > 0 {
				since = time.Now().Add(-o.since)
			}
			n, err := b.Replay(ctx, kind, since)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "republished %d %s messages for stage %s\n", n, strings.ToLower(kind), o.from)
			return nil
		},
	}
}
