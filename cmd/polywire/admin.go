package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/pipeline/bus"
)

// adminBus connects an admin command to the pipeline's NATS: the configured
// external URL; else a running `polywire run` on its loopback listener; else
// an embedded server on the data directory (nothing else may be running on
// it then).
func adminBus(ctx context.Context, o *serverFlags, log *slog.Logger) (*bus.Bus, *config.Config, error) {
	cfg, err := o.load()
	if err != nil {
		return nil, nil, err
	}
	quiet := slog.New(slog.DiscardHandler)
	if cfg.NATS.URL == "" && cfg.NATS.Listen != "" && cfg.NATS.Listen != "off" {
		c := *cfg
		c.NATS.URL = "nats://" + cfg.NATS.Listen
		cctx, cancel := context.WithTimeout(ctx, 3*time.Second)
		b, err := openBus(cctx, &c, quiet, nil, false)
		cancel()
		if err == nil {
			log.Debug("connected to a running polywire", "url", c.NATS.URL)
			return b, cfg, nil
		}
		log.Debug("no running polywire; opening the data directory", "url", c.NATS.URL, "error", err)
	}
	b, err := openBus(ctx, cfg, quiet, nil, false)
	if errors.Is(err, bus.ErrDataDirInUse) {
		return nil, nil, fmt.Errorf("%w: a polywire is running on %s without a NATS listener; give it --nats-listen ADDR (or use --nats URL)", err, cfg.DataDir)
	}
	return b, cfg, err
}
