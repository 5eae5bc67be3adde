package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"golang.org/x/sync/errgroup"
)

func serveCommand() *command {
	return &command{
		name:    "serve",
		usage:   "[--config F] [--http ADDR] [--search bleve|meilisearch]",
		summary: "the editors' web UI and JSON API only, over the configured index",
		flags: func(fs *flag.FlagSet) any {
			o := &serverFlags{}
			o.register(fs)
			return o
		},
		run: func(ctx context.Context, e *env, opts any, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("%w: unexpected arguments %q", errUsage, args)
			}
			return runServe(ctx, e, opts.(*serverFlags))
		},
	}
}

func runServe(ctx context.Context, e *env, o *serverFlags) error {
	cfg, err := o.load()
	if err != nil {
		return err
	}
	idx, err := openIndex(ctx, cfg, e.log)
	if err != nil {
		return fmt.Errorf("opening the search index: %w", err)
	}
	l, err := newLive(cfg)
	if err != nil {
		idx.Close()
		return err
	}
	reg := newRegistry()
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return serveHTTP(gctx, cfg.HTTP.Listen, newWebHandler(idx, reg, nil, l, e.log), e.log) })
	err = g.Wait()
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return errors.Join(err, idx.Close())
}
