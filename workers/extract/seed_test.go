package extract

import (
	"os"
	"strings"
	"testing"

	"github.com/polywire/polywire/pipeline"
)

// TestSeedWordPress checks the story Polywire was designed around, as a
// WordPress site republished it: the body is the TASS story, dateline
// included, and none of the site's furniture.
func TestSeedWordPress(t *testing.T) {
	page, err := os.ReadFile("testdata/seed-wordpress.html")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(page, PageOptions{URL: "https://sibnews.example/2019/09/20/v-tokio-predstavili-potencial/"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(res.Body, "Губернатор региона Александр Усс отметил") {
		t.Errorf("body starts %q", head(res.Body, 80))
	}
	if !strings.HasSuffix(res.Body, "угля из российского региона.") {
		t.Errorf("body ends %q", tail(res.Body, 80))
	}
	for _, junk := range []string{"Автор: Admin", "Администратор", "Добавить комментарий", "Wordpress Social Share Plugin", "Похожие записи", "Подписывайтесь", "Метки:", "Отправить", "СибНовости"} {
		if strings.Contains(res.Body, junk) {
			t.Errorf("body contains boilerplate %q", junk)
		}
	}
	if n := strings.Count(res.Body, "\n\n") + 1; n != 6 {
		t.Errorf("body has %d paragraphs, want 6:\n%s", n, res.Body)
	}
	want := pipeline.Dateline{Place: "ТОКИО", Agency: "ТАСС", Date: "20 сентября", Parsed: "2019-09-20"}
	if res.Dateline == nil || *res.Dateline != want {
		t.Errorf("dateline %+v, want %+v", res.Dateline, want)
	}
	checks := []struct{ name, got, want string }{
		{"agency", res.Agency, "TASS"},
		{"language", res.Language, "ru"},
		{"headline", res.Headline, "В Токио представили экономический и инвестиционный потенциал Красноярского края"},
		{"byline", res.Byline, "Admin"},
		{"canonical", res.Canonical, "https://sibnews.example/2019/09/20/v-tokio-predstavili-potencial/"},
		{"image", res.Image, "https://sibnews.example/wp-content/uploads/2019/09/uss-tokyo.jpg"},
		{"published", res.Published.Format("2006-01-02T15:04:05Z07:00"), "2019-09-20T14:05:00+03:00"},
		{"updated", res.Updated.Format("2006-01-02T15:04:05Z07:00"), "2019-09-20T15:30:12+03:00"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
}

func head(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

func tail(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}
