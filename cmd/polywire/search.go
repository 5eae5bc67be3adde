package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/polywire/polywire/search"
)

type searchOptions struct {
	serverFlags
	server   string
	language string
	region   string
	person   string
	org      string
	source   string
	size     int
	json     bool
}

func searchCommand() *command {
	return &command{
		name:    "search",
		usage:   "QUERY [--language L] [--region CODE] [--person ID|NAME] [--source S] [--json]",
		summary: "search indexed stories (through a running server's API, else the index directly)",
		flags: func(fs *flag.FlagSet) any {
			o := &searchOptions{}
			o.register(fs)
			fs.StringVar(&o.server, "server", envOr("POLYWIRE_SERVER", ""), "a running Polywire's base URL (default: http://<http.listen>)")
			fs.StringVar(&o.language, "language", "", "stories in this language (ISO 639-1)")
			fs.StringVar(&o.region, "region", "", "place code; RU matches RU-KYA")
			fs.StringVar(&o.person, "person", "", "person id (person:vladimir-putin) or name")
			fs.StringVar(&o.org, "org", "", "organisation id or name")
			fs.StringVar(&o.source, "source", "", "source id")
			fs.IntVar(&o.size, "size", 20, "hits to show (max 100)")
			fs.BoolVar(&o.json, "json", false, "print the result as JSON")
			return o
		},
		run: func(ctx context.Context, e *env, opts any, args []string) error {
			return runSearch(ctx, e, opts.(*searchOptions), args)
		},
	}
}

func runSearch(ctx context.Context, e *env, o *searchOptions, args []string) error {
	q := search.Query{Text: strings.Join(args, " "), Language: o.language, Region: o.region,
		Person: o.person, Org: o.org, Source: o.source, Size: o.size}
	q.Normalize()
	cfg, err := o.load()
	if err != nil {
		return err
	}
	base := o.server
	if base == "" {
		base = "http://" + cfg.HTTP.Listen
	}
	res, err := searchAPI(ctx, base, q)
	if err != nil {
		if o.server != "" {
			return err
		}
		e.log.Debug("no running server; opening the index directly", "error", err)
		idx, oerr := openIndex(ctx, cfg, e.log)
		if oerr != nil {
			return fmt.Errorf("no server at %s (%v) and the index cannot be opened: %w", base, err, oerr)
		}
		defer idx.Close()
		if res, err = idx.Search(ctx, q); err != nil {
			return err
		}
	}
	if o.json {
		return newJSONEncoder(e.stdout).Encode(res)
	}
	printHits(e, res)
	return nil
}

// searchAPI asks a running server's /api/search.
func searchAPI(ctx context.Context, base string, q search.Query) (*search.Result, error) {
	v := url.Values{}
	for k, s := range map[string]string{"q": q.Text, "language": q.Language, "region": q.Region,
		"person": q.Person, "org": q.Org, "source": q.Source} {
		if s != "" {
			v.Set(k, s)
		}
	}
	v.Set("size", fmt.Sprint(q.Size))
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(base, "/")+"/api/search?"+v.Encode(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var e struct{ Error string }
		json.NewDecoder(resp.Body).Decode(&e)
		return nil, fmt.Errorf("%s: %s %s", base, resp.Status, e.Error)
	}
	var res search.Result
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return nil, errors.Join(errors.New("decoding the search response"), err)
	}
	return &res, nil
}

func printHits(e *env, res *search.Result) {
	fmt.Fprintf(e.stdout, "%d stories\n", res.Total)
	for _, h := range res.Hits {
		fmt.Fprintf(e.stdout, "\n%s  [%s] %s", h.ID, h.Language, h.Headline)
		fmt.Fprintf(e.stdout, "\n    %s", h.Source)
		if h.Agency != "" {
			fmt.Fprintf(e.stdout, " / %s", h.Agency)
		}
		if !h.Published.IsZero() {
			fmt.Fprintf(e.stdout, "  %s", h.Published.Format(time.RFC3339))
		}
		if len(h.Places) > 0 {
			fmt.Fprintf(e.stdout, "\n    places: %s", strings.Join(h.Places, ", "))
		}
		if len(h.People) > 0 {
			var ps []string
			for _, p := range h.People {
				if p.Role != "" {
					ps = append(ps, p.Name+" ("+p.Role+")")
				} else {
					ps = append(ps, p.Name)
				}
			}
			fmt.Fprintf(e.stdout, "\n    people: %s", strings.Join(ps, ", "))
		}
		fmt.Fprintln(e.stdout)
	}
}
