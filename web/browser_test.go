package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/polywire/polywire/search/bleve"
)

// chromium returns the path of a Chromium binary (CHROME_BIN, else Debian's
// chromium on PATH). Missing, the test fails under CI=true (.ci/run installs
// it) and is skipped otherwise.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("CHROME_BIN"), "chromium", "chromium-browser"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true and no chromium on PATH (apt-get install chromium)")
	}
	t.Skip("chromium not installed")
	return ""
}

// TestBrowserSearchFlow drives the editors' UI in a real headless Chromium
// against a real (in-memory) Bleve index: search from the form in Russian,
// switch the UI to English, open a story.
func TestBrowserSearchFlow(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	bin := chromium(t)
	idx, err := bleve.Open("")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = idx.Close() })
	if err := idx.Upsert(context.Background(), loadStories(t)); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(Options{Index: idx}))
	t.Cleanup(srv.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true))
	actx, cancelAlloc := chromedp.NewExecAllocator(t.Context(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()

	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Text(sel))
		if err != nil {
			t.Fatalf("reading %s: %v", sel, err)
		}
		return v
	}
	step := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("browser: %s: %v", what, err)
		}
	}

	step("search from the form",
		chromedp.Navigate(srv.URL+"/?lang=ru"),
		chromedp.WaitVisible(`input[name=q]`),
		chromedp.SendKeys(`input[name=q]`, "Усс"),
		chromedp.Submit(`form.search`),
		chromedp.WaitVisible(`ol.hits li.hit h2 a`))
	total, firstHit := text(`p.total`), text(`ol.hits li.hit h2 a`)

	step("switch the UI to English (the query stays)",
		chromedp.Click(`nav a[hreflang=en]`),
		chromedp.WaitVisible(`html[lang=en] p.total`))
	lang, err := chromedp.Run(ctx, chromedp.AttributeValue(`html`, "lang"))
	if err != nil {
		t.Fatal(err)
	}
	htmlLang, totalEN := lang.Value, text(`p.total`)

	href, err := chromedp.Run(ctx, chromedp.AttributeValue(`ol.hits li.hit h2 a`, "href"))
	if err != nil {
		t.Fatal(err)
	}
	// Opened by its link; WaitVisible on the new document never resolved with
	// chromedp v0.23 here, WaitReady and a read do.
	step("open the story", chromedp.Navigate(srv.URL+href.Value), chromedp.WaitReady(`body`))
	storyTitle, storyText := text(`article h1`), text(`body`)
	if !strings.Contains(href.Value, "/stories/") {
		t.Errorf("hit link %q is not a story page", href.Value)
	}
	if !strings.Contains(total, "1 истори") || !strings.Contains(firstHit, "Красноярского края") {
		t.Errorf("Russian results: total %q, first hit %q", total, firstHit)
	}
	if htmlLang != "en" || !strings.Contains(totalEN, "found") {
		t.Errorf("after switching to English: lang %q, total %q", htmlLang, totalEN)
	}
	if storyTitle != firstHit || !strings.Contains(storyText, "Alexander Uss") && !strings.Contains(storyText, "Александр Усс") {
		t.Errorf("story page: title %q, text lacks the governor:\n%.400s", storyTitle, storyText)
	}
}
