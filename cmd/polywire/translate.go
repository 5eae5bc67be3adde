package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/polywire/polywire/config"
)

type translateOptions struct {
	config   string
	from, to string
	url      string
	libreURL string
	libreKey string
}

func translateCommand() *command {
	return &command{
		name:    "translate",
		usage:   "--from L --to L FILE|-",
		summary: "machine-translate a text with the configured engines (Apertium APY, then LibreTranslate)",
		flags: func(fs *flag.FlagSet) any {
			o := &translateOptions{}
			fs.StringVar(&o.config, "config", envOr("POLYWIRE_CONFIG", ""), "polywire.yaml")
			fs.StringVar(&o.from, "from", "", "source language (ISO 639-1)")
			fs.StringVar(&o.to, "to", "", "target language (ISO 639-1)")
			fs.StringVar(&o.url, "apertium-url", envOr("POLYWIRE_APERTIUM_URL", ""), "Apertium APY URL; overrides translate.apertium.url")
			fs.StringVar(&o.libreURL, "libretranslate-url", "", "LibreTranslate URL; overrides translate.libretranslate.url")
			fs.StringVar(&o.libreKey, "libretranslate-key", envOr("POLYWIRE_LIBRETRANSLATE_API_KEY", ""), "LibreTranslate API key; overrides translate.libretranslate.api_key")
			return o
		},
		run: func(ctx context.Context, e *env, opts any, args []string) error {
			return runTranslate(ctx, e, opts.(*translateOptions), args)
		},
	}
}

func runTranslate(ctx context.Context, e *env, o *translateOptions, args []string) error {
	if o.from == "" || o.to == "" || len(args) != 1 {
		return fmt.Errorf("%w: --from, --to and one FILE or - are required", errUsage)
	}
	cfg, err := config.Load(o.config)
	if err != nil {
		return err
	}
	if o.url != "" {
		cfg.Translate.Apertium.URL = o.url
	}
	if o.libreURL != "" {
		cfg.Translate.LibreTranslate.URL = o.libreURL
	}
	if o.libreKey != "" {
		cfg.Translate.LibreTranslate.APIKey = o.libreKey
	}
	text, _, _, err := readInput(ctx, e, nil, args[0])
	if err != nil {
		return err
	}
	cfg.Translate.Targets = []string{o.to}
	tr, stop := newTranslator(ctx, cfg, e.log)
	defer stop()
	out, engine, err := tr.TranslateText(ctx, o.from, o.to, string(text))
	if err != nil {
		return err
	}
	e.log.Debug("translated", "engine", engine, "from", o.from, "to", o.to)
	fmt.Fprintln(e.stdout, strings.TrimRight(out, "\n"))
	return nil
}
